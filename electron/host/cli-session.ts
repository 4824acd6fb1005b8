// `crosslink session host`: a headless review-session host. Prints the join link, shows who
// knocks, and takes commands on stdin (admit, deny, remove, list, end). Ctrl+C stops serving
// and keeps the session: running the command again resumes it at the same address.
import readline from 'node:readline';
import type { Backend } from '../backend/api';
import type { Agency } from '../../shared/model';
import type { SessionStatus } from '../../shared/session-schemas';
import { call, int, UsageError } from './cli-util';

export const SESSION_USAGE = `  crosslink session host --db FILE --board NAME [--port N] [--bind ADDR] [--admit AGENCIES]
                                                 host a review session of a board (loopback unless
                                                 --bind says otherwise); prints the join link; on stdin:
                                                 list, admit TICKET|all, deny TICKET, remove ID, end.
                                                 --admit CBP,ICE admits those agencies without asking`;

async function boardId(b: Backend, name: string): Promise<number> {
  const boards = await call(b, 'board.list', {});
  const hit = boards.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? (/^\d+$/.test(name) ? boards.find((x) => x.id === Number(name)) : undefined);
  if (!hit) throw new UsageError(`no board named '${name}' (boards: ${boards.map((x) => x.name).join(', ')})`);
  return hit.id;
}

function describe(s: SessionStatus): string {
  const people = s.participants.map((p) => `  ${p.id.padEnd(14)} ${p.name} (${p.agency})${p.role === 'host' ? ' host' : ''}${p.online ? ' online' : ''}`);
  const lobby = s.lobby.map((k) => `  waiting: ${k.ticket.slice(0, 8)}  ${k.name} (${k.agency}) from ${k.from}`);
  return [`Participants:`, ...people, ...(lobby.length ? ['Lobby:', ...lobby] : ['Lobby: empty'])].join('\n');
}

export async function cmdSessionHost(b: Backend, v: { board?: string; port?: string; bind?: string; admit?: string; json?: boolean }): Promise<number> {
  if (!v.board) throw new UsageError('session host needs --board NAME');
  const autoAdmit = new Set((v.admit ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) as Agency[]);
  const status = await call(b, 'session.host', { boardId: await boardId(b, v.board), port: int(v.port, 'port', 0), bind: v.bind ?? '127.0.0.1' });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (v.json) out(JSON.stringify({ joinUrl: status.joinUrl, code: status.code, fingerprint: status.fingerprint, port: status.port, sessionId: status.id }));
  else {
    out(`Review session #${status.id} of “${status.board}” on ${status.bind}:${status.port}`);
    out(`Join link: ${status.joinUrl}`);
    out(`Join code: ${status.code}   Certificate SHA-256: ${status.fingerprint}`);
  }
  const seen = new Set<string>();
  b.on((event, payload) => {
    if (event !== 'session.changed' || !payload) return;
    for (const k of (payload as SessionStatus).lobby) {
      if (seen.has(k.ticket)) continue;
      seen.add(k.ticket);
      if (autoAdmit.has(k.agency)) void call(b, 'session.admit', { ticket: k.ticket }).then(() => out(`admitted ${k.name} (${k.agency})`), () => {});
      else out(`${k.name} (${k.agency}) from ${k.from} is waiting: admit ${k.ticket.slice(0, 8)} / deny ${k.ticket.slice(0, 8)}`);
    }
  });
  return new Promise<number>((resolve) => {
    const stop = async (end: boolean) => {
      rl.close();
      if (end) await call(b, 'session.end', {}).catch(() => {});
      out(end ? 'Session ended; the board and the minutes are saved in the case.' : 'Stopped; run the same command to resume the session.');
      resolve(0);
    };
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    rl.on('line', async (line) => {
      const [cmd, arg] = line.trim().split(/\s+/);
      const s = (await call(b, 'session.status', {}))!;
      const ticket = (prefix: string | undefined) => s.lobby.filter((k) => prefix === 'all' || (prefix && k.ticket.startsWith(prefix)));
      try {
        if (cmd === 'list') out(describe(s));
        else if (cmd === 'admit') {
          for (const k of ticket(arg)) {
            await call(b, 'session.admit', { ticket: k.ticket });
            out(`admitted ${k.name} (${k.agency})`);
          }
        }
        else if (cmd === 'deny') for (const k of ticket(arg)) await call(b, 'session.deny', { ticket: k.ticket });
        else if (cmd === 'remove' && arg) await call(b, 'session.remove', { participant: arg });
        else if (cmd === 'end') await stop(true);
        else if (cmd) out('commands: list, admit TICKET|all, deny TICKET, remove ID, end');
      } catch (e) {
        out(`error: ${(e as Error).message}`);
      }
    });
    process.once('SIGINT', () => void stop(false));
    process.once('SIGTERM', () => void stop(false));
  });
}
