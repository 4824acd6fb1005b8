import { describe, expect, it } from 'vitest';
import { closeMeaning, yjsEndpoint, yjsServerUrl } from '../../../../renderer/src/session/connection';

describe('the session connection', () => {
  it('reaches the document on the origin the window came from', () => {
    expect(yjsServerUrl({ protocol: 'https:', host: '10.0.0.5:44447' })).toBe('wss://10.0.0.5:44447/session/yjs');
    expect(yjsServerUrl({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/session/yjs');
  });

  it('tells removal and the end of the session from a refusal and from a host that restarts', () => {
    expect(closeMeaning(4010)).toBe('removed');
    expect(closeMeaning(4011)).toBe('ended');
    expect(closeMeaning(4003)).toBe('refused');
    expect(closeMeaning(4008)).toBe('refused');
    expect(closeMeaning(1012)).toBeNull();
    expect(closeMeaning(1006)).toBeNull();
  });
});

describe('where a window reaches the session document', () => {
  const loc = { protocol: 'http:', host: '127.0.0.1:5173' };
  it('is its own origin in a browser, with no token in the address (the cookie carries it)', () => {
    expect(yjsEndpoint({ hostYjs: null }, false, loc)).toEqual({ url: 'ws://127.0.0.1:5173/session/yjs', params: {} });
  });

  it('is the session server with the host token for the desktop host window, and nowhere without one', () => {
    const hostYjs = { url: 'wss://127.0.0.1:44447/session/yjs', token: 't0k', fingerprint: 'AB' };
    expect(yjsEndpoint({ hostYjs }, true, loc)).toEqual({ url: hostYjs.url, params: { token: 't0k' } });
    expect(yjsEndpoint({ hostYjs: null }, true, loc)).toBeNull();
  });
});
