// What both HTTP servers (the browser host and the review-session server) do the same way:
// serve the built renderer's files, and carry contract calls as WebSocket frames.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { WebSocket } from 'ws';
import type { Result } from '../../../shared/contract';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A file of the renderer, or its index.html for any other path (client-side routes). */
export function serveStatic(res: http.ServerResponse, dir: string, pathname: string): void {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(dir, rel);
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`The renderer is not built (${dir} is missing). Run: npm run build:renderer`);
    return;
  }
  const inside = file.startsWith(path.resolve(dir) + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : index;
  res.writeHead(200, { 'Content-Type': MIME[path.extname(target)] ?? 'application/octet-stream' });
  fs.createReadStream(target).pipe(res);
}

/** Contract calls over a WebSocket: `{ id, name, input }` in, `{ id, result }` out. */
export function serveContractFrames(ws: WebSocket, call: (name: string, input: unknown) => Promise<Result<unknown>>): void {
  ws.on('message', async (data) => {
    let msg: { id?: unknown; name?: unknown; input?: unknown };
    try {
      msg = JSON.parse(String(data));
    } catch {
      return ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'invalid_input', message: 'frame is not JSON' } } }));
    }
    const result = await call(String(msg.name), msg.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id ?? null, result }));
  });
}
