// The browser host: serves the renderer and the contract over HTTP and WebSocket on
// loopback. Every request must carry the per-start token (query, header or cookie).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { Backend } from '../backend/api';
import type { Agency } from '../../shared/model';
import { VERSION } from './version';
import { SESSION_LIMITS } from '../../shared/session-schemas';
import { serveContractFrames, serveStatic } from '../backend/util/http-serve';

export interface WebHostOptions {
  db?: string;
  port?: number;
  bind?: string;
  /** Folder of the built renderer; defaults to dist/renderer. */
  staticDir?: string;
  /** Fixed token (tests); random per start otherwise. */
  token?: string;
  demoCase?: string | null;
  /** Answer as this agency (`--as`), whatever the case's profile. */
  actAs?: Agency;
  homeDir?: string;
  checkOutput?: boolean;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COOKIE = 'crosslink_token';
/** A board of 50,000 nodes (the contract's limit) is about 15 MB of JSON. */
const MAX_BODY = 64 << 20;

function tokenOf(req: http.IncomingMessage, url: URL): string | null {
  const q = url.searchParams.get('token');
  if (q) return q;
  const h = req.headers['x-crosslink-token'];
  if (typeof h === 'string') return h;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null;
}

function sameToken(a: string | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function securityHeaders(res: http.ServerResponse, origin: string): void {
  const ws = origin.replace(/^http/, 'ws');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ${ws}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}


export async function startWebHost(opts: WebHostOptions = {}): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const bind = opts.bind ?? '127.0.0.1';
  const staticDir = opts.staticDir ?? path.join(ROOT, 'dist', 'renderer');
  const backend = new Backend({ host: 'web', version: VERSION, demoCase: opts.demoCase ?? null, homeDir: opts.homeDir, checkOutput: opts.checkOutput, actAs: opts.actAs });
  if (opts.db) {
    const r = await backend.handle(fs.existsSync(opts.db) ? 'case.open' : 'case.create', { path: opts.db });
    if (!r.ok) throw new Error(r.error.message);
  }
  let origin = '';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    securityHeaders(res, origin);
    if (!sameToken(tokenOf(req, url), token)) return send(res, 401, 'Unauthorized: this Crosslink host needs the token printed at start.');
    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (e) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: (e as Error).message } }), 'application/json');
      }
      const result = await backend.handle(decodeURIComponent(url.pathname.slice(5)), input);
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET') return send(res, 405, 'GET only');
    serveStatic(res, staticDir, url.pathname);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  const sessionWss = new WebSocketServer({ noServer: true, maxPayload: SESSION_LIMITS.frameBytes });
  const sockets = new Set<WebSocket>();
  /** The host window's own session sockets: ended on close, or the server waits for them forever. */
  const sessionSockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // The host analyst's own window joins the review session it hosts through this loopback
    // host (same origin and token), not through the session server's TLS port.
    if (url.pathname.startsWith('/session/yjs') && sameToken(tokenOf(req, url), token) && backend.sessions.active) {
      sessionWss.handleUpgrade(req, socket, head, (ws) => {
        sessionSockets.add(ws);
        ws.on('close', () => sessionSockets.delete(ws));
        ws.on('error', () => ws.terminate());
        backend.sessions.attachHost(ws);
      });
      return;
    }
    if (url.pathname !== '/ws' || !sameToken(tokenOf(req, url), token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // A frame over the limit or a broken frame closes this socket (ws emits 'error');
      // without a listener it would take the whole host down.
      ws.on('error', (err) => {
        backend.log.write('warn', 'websocket_error', { message: err.message });
        ws.terminate();
      });
      serveContractFrames(ws, (name, input) => backend.handle(name, input));
    });
  });
  const unsubscribe = backend.on((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bind, () => resolve());
  });
  const addr = server.address() as { port: number };
  origin = `http://${bind.includes(':') ? `[${bind}]` : bind}:${addr.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    backend,
    close: async () => {
      unsubscribe();
      for (const ws of [...sockets, ...sessionSockets]) ws.terminate();
      wss.close();
      sessionWss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
