// A participant's side for Node (the CLI, tests, the bench): HTTPS and WebSocket to a session
// server whose self-signed certificate is trusted by its fingerprint from the join link only.
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import { sameFingerprint } from './tls';

export class FingerprintMismatch extends Error {}

export interface JoinLink {
  origin: string;
  code: string;
  fingerprint: string;
}

export function parseJoinLink(link: string): JoinLink {
  const u = new URL(link);
  const h = new URLSearchParams(u.hash.slice(1));
  const code = h.get('code');
  const fp = h.get('fp');
  if (u.protocol !== 'https:' || !code || !fp) throw new Error('Not a Crosslink join link (https://HOST:PORT/join#code=…&fp=…).');
  return { origin: u.origin, code, fingerprint: fp };
}

function check(socket: TLSSocket, fingerprint: string): void {
  const seen = socket.getPeerCertificate().fingerprint256 ?? '';
  if (!sameFingerprint(seen, fingerprint)) throw new FingerprintMismatch(`The session's certificate (${seen}) is not the one in the join link.`);
}

/** One JSON request, refused unless the server's certificate has the fingerprint. */
export function pinnedRequest(url: string, fingerprint: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, {
      method: init.method ?? 'GET',
      rejectUnauthorized: false,
      // A fresh connection each time: a resumed TLS session may not show the peer certificate.
      agent: false,
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
    });
    req.on('response', (res) => {
      try {
        check(res.socket as TLSSocket, fingerprint);
      } catch (e) {
        res.destroy();
        return reject(e as Error);
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: handed back as text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body));
  });
}

/** A WebSocket class (for y-websocket's WebSocketPolyfill) that pins the certificate and sends the token. */
export function pinnedWebSocket(fingerprint: string, token: string): typeof WebSocket {
  return class Pinned extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { rejectUnauthorized: false, headers: { Authorization: `Bearer ${token}` } });
      this.on('upgrade', (res) => {
        try {
          check(res.socket as TLSSocket, fingerprint);
        } catch (e) {
          this.emit('error', e);
          this.terminate();
        }
      });
    }
  } as unknown as typeof WebSocket;
}

/** Knocks, waits to be admitted (the host decides), and returns the participant's token. */
export async function joinSession(link: JoinLink, who: { name: string; agency: string }, opts: { timeoutMs?: number; pollMs?: number } = {}): Promise<string> {
  const k = await pinnedRequest(`${link.origin}/session/knock`, link.fingerprint, { method: 'POST', body: { code: link.code, ...who } });
  if (k.status !== 200) throw new Error(`Join refused (${k.status}): ${(k.body as { error?: string }).error ?? ''}`);
  const ticket = (k.body as { ticket: string }).ticket;
  const until = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < until) {
    const r = await pinnedRequest(`${link.origin}/session/knock?ticket=${encodeURIComponent(ticket)}`, link.fingerprint);
    const b = r.body as { state: string; token?: string };
    if (b.state === 'admitted' && b.token) return b.token;
    if (b.state === 'denied') throw new Error('The host did not admit you.');
    await new Promise((res) => setTimeout(res, opts.pollMs ?? 500));
  }
  throw new Error('Nobody admitted you in time.');
}
