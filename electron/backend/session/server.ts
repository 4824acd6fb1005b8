// The session server: HTTPS with the session's own certificate, bound only where the host
// said. It serves the renderer (to browsers joining), the lobby, the contract for admitted
// participants (answered under their profile), and their Yjs connection.
import https from 'node:https';
import type http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../../../shared/contract';
import { AGENCY } from '../../../shared/model';
import { SESSION_LIMITS } from '../../../shared/session-schemas';
import { AppError, toCallError } from '../errors';
import type { Member } from './check';
import type { SessionHost } from './host';
import { publicAddress } from './tls';
import { serveContractFrames, serveStatic } from '../util/http-serve';

export const SESSION_COOKIE = 'crosslink_session';
/** What a participant may ask the host's backend: reading, under their own profile. */
export const PARTICIPANT_CALLS = new Set([
  'app.info', 'search', 'graph.node', 'graph.link', 'graph.resolveId', 'graph.expand', 'graph.path', 'graph.connect', 'graph.metrics',
  'graph.timeline', 'cotravel.list', 'leads.list', 'leads.get', 'session.self', 'session.elements',
]);
const KNOCKS_PER_MINUTE = 10;

export interface SessionServerOptions {
  host: SessionHost;
  bind: string;
  port: number;
  staticDir: string;
  call(member: Member, name: string, input: unknown): Promise<Result<unknown>>;
  onListening(port: number): Promise<void>;
}

export interface SessionServer {
  port: number;
  joinUrl: string;
  close(): Promise<void>;
}

function bearer(req: http.IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const url = new URL(req.url ?? '/', 'https://x');
  const q = url.searchParams.get('token');
  if (q) return q;
  const cookie = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)) : null;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage, max: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new AppError('invalid_input', 'request body too large');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError('invalid_input', 'request body is not JSON');
  }
}

function headers(res: http.ServerResponse): void {
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Strict-Transport-Security', 'max-age=600');
}


/** Calls one participant may have in flight: enough for a window, not enough to swamp the host. */
const MAX_IN_FLIGHT = 6;

export async function startSessionServer(o: SessionServerOptions): Promise<SessionServer> {
  const { host } = o;
  const inFlight = new Map<string, number>();
  const call = async (m: Member, name: string, input: unknown): Promise<Result<unknown>> => {
    const n = inFlight.get(m.id) ?? 0;
    if (n >= MAX_IN_FLIGHT) return { ok: false, error: { code: 'conflict', message: 'Too many questions at once; wait for the answers.' } };
    inFlight.set(m.id, n + 1);
    try {
      return await o.call(m, name, input);
    } finally {
      inFlight.set(m.id, (inFlight.get(m.id) ?? 1) - 1);
    }
  };
  const knocksBy = new Map<string, number[]>();
  const tooMany = (ip: string): boolean => {
    const now = Date.now();
    const recent = (knocksBy.get(ip) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    knocksBy.set(ip, recent);
    return recent.length > KNOCKS_PER_MINUTE;
  };

  const server = https.createServer({ cert: host.row.cert, key: host.row.key }, async (req, res) => {
    headers(res);
    const url = new URL(req.url ?? '/', 'https://x');
    try {
      if (url.pathname === '/session/knock' && req.method === 'POST') {
        const ip = req.socket.remoteAddress ?? '?';
        if (tooMany(ip)) return json(res, 429, { error: 'Too many attempts; wait a minute.' });
        const body = (await readJson(req, 4096)) as { code?: unknown; name?: unknown; agency?: unknown };
        const agency = AGENCY.safeParse(body.agency);
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        if (typeof body.code !== 'string' || body.code.trim().toUpperCase() !== host.row.code) return json(res, 403, { error: 'That join code is not this session’s.' });
        if (!agency.success || !name || name.length > SESSION_LIMITS.nameChars) return json(res, 400, { error: 'Give your name and your agency (CBP, ICE or USCIS).' });
        return json(res, 200, { ticket: host.knock(name, agency.data, ip) });
      }
      if (url.pathname === '/session/knock' && req.method === 'GET') {
        const r = host.poll(url.searchParams.get('ticket') ?? '');
        if (r.token) res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(r.token)}; HttpOnly; Secure; SameSite=Strict; Path=/`);
        return json(res, 200, r);
      }
      if (url.pathname.startsWith('/api/')) {
        const member = host.byBearer(bearer(req));
        if (!member) return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Not admitted to this session.' } });
        if (req.method !== 'POST') return json(res, 405, { error: 'POST only' });
        const input = await readJson(req, SESSION_LIMITS.frameBytes);
        return json(res, 200, await call(member, decodeURIComponent(url.pathname.slice(5)), input));
      }
      if (req.method !== 'GET') return json(res, 405, { error: 'GET only' });
      serveStatic(res, o.staticDir, url.pathname);
    } catch (err) {
      const e = toCallError(err);
      json(res, e.code === 'invalid_input' ? 400 : e.code === 'conflict' ? 409 : 500, { error: e.message });
    }
  });

  const yjs = new WebSocketServer({ noServer: true, maxPayload: SESSION_LIMITS.frameBytes });
  const contract = new WebSocketServer({ noServer: true, maxPayload: SESSION_LIMITS.frameBytes });
  const sockets = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'https://x');
    const member = host.byBearer(bearer(req));
    const wss = url.pathname.startsWith('/session/yjs') ? yjs : url.pathname === '/ws' ? contract : null;
    if (!member || !wss || host.isEnded) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      if (wss === yjs) return host.connect(ws, member);
      // Removed while connected: the socket is closed by the host, and no call gets through.
      serveContractFrames(ws, (name, input) => {
        const still = host.member(member.id);
        return still ? call(still, name, input) : Promise.resolve({ ok: false, error: { code: 'unauthorized', message: 'Removed from the session.' } });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new AppError('conflict', e.code === 'EADDRINUSE' ? `Port ${o.port} is in use on ${o.bind}; choose another port.` : `Cannot listen on ${o.bind}:${o.port}: ${e.message}`)),
    );
    server.listen(o.port, o.bind, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  await o.onListening(port);
  const addr = publicAddress(o.bind);
  const joinUrl = `https://${addr.includes(':') ? `[${addr}]` : addr}:${port}/join#code=${host.row.code}&fp=${host.row.fingerprint.replace(/:/g, '')}`;
  return {
    port,
    joinUrl,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      yjs.close();
      contract.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
