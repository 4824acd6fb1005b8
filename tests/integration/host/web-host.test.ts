import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../electron/host/web';
import { tmpDir } from '../../fixtures/bundle-builder';

describe('browser host transport', () => {
  let host: WebHost;
  beforeAll(async () => {
    host = await startWebHost({ db: path.join(tmpDir(), 'web.crosslink'), port: 0, staticDir: tmpDir() });
  });
  afterAll(async () => host.close());

  it('binds to loopback only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('rejects requests without the token with 401', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/api/case.current`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${host.origin}/api/case.current`, { method: 'POST', body: '{}', headers: { 'x-crosslink-token': 'wrong' } })).status).toBe(401);
  });

  it('answers contract calls with the token, validation errors included', async () => {
    const ok = await fetch(`${host.origin}/api/case.current`, { method: 'POST', body: '{}', headers: { 'x-crosslink-token': host.token } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'web' } });
    const bad = await fetch(`${host.origin}/api/graph.node`, { method: 'POST', body: '{"id":"x"}', headers: { 'x-crosslink-token': host.token } });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const csp = ok.headers.get('content-security-policy');
    expect(csp).toContain("script-src 'self'");
  });

  it('refuses a WebSocket without the token and serves one with it', async () => {
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws`);
      ws.on('error', (e) => resolve(String(e.message)));
      ws.on('open', () => resolve('opened'));
    });
    expect(refused).toMatch(/401/);
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`);
    await new Promise((r) => ws.on('open', r));
    const answer = await new Promise<unknown>((resolve) => {
      ws.on('message', (d) => resolve(JSON.parse(String(d))));
      ws.send(JSON.stringify({ id: 7, name: 'search', input: { q: 'nothing here' } }));
    });
    expect(answer).toEqual({ id: 7, result: { ok: true, value: [] } });
    ws.send('not json at all');
    const garbage = await new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    expect(garbage).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });
});
