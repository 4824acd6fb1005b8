import { describe, expect, it } from 'vitest';
import { closeMeaning, yjsServerUrl } from '../../../../renderer/src/session/connection';

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
