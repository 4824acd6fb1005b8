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

  it('saves a large board over the WebSocket, and survives a frame over the limit', async () => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/ws?token=${host.token}`);
    await new Promise((r) => ws.on('open', r));
    // 6,000 nodes: about 2 MB of JSON, over the old 1 MB frame limit that killed the host.
    const nodes = Array.from({ length: 6000 }, (_, i) => ({
      ref: { id: i + 1, kind: 'phone', label: `+1 915 555 ${String(i).padStart(4, '0')} some longer label text`, sourceId: null, handling: 'SHARED', degree: 3 },
      pos: { x: i * 1.5, y: i * 2.5 },
    }));
    const saved = await new Promise<{ result: { ok: boolean } }>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(String(d))));
      ws.send(JSON.stringify({ id: 1, name: 'board.save', input: { state: { nodes, links: [] } } }));
    });
    expect(saved.result.ok).toBe(true);
    const closed = new Promise((r) => ws.on('close', r));
    ws.on('error', () => {});
    ws.send(Buffer.alloc(65 << 20, 32));
    await closed;
    // The host is still up and answering.
    const ok = await fetch(`${host.origin}/api/case.current`, { method: 'POST', body: '{}', headers: { 'x-crosslink-token': host.token } });
    expect(ok.status).toBe(200);
  });
});
