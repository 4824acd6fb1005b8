// The backend's handle on the review session this workstation hosts (one at a time): starts
// or resumes it, answers the host's calls about it, and suspends it when the case closes.
import type { WebSocket } from 'ws';
import type { Result } from '../../../shared/contract';
import type { Profile } from '../../../shared/model';
import type { SessionSelf, SessionStatus } from '../../../shared/session-schemas';
import type { CaseStore } from '../db/client';
import { AppError } from '../errors';
import type { OpsLog } from '../ops/log';
import type { Member } from './check';
import { SessionHost } from './host';
import { startSessionServer, type SessionServer } from './server';

export interface SessionDeps {
  store(): CaseStore;
  log: OpsLog;
  profile(): Profile;
  staticDir: string;
  call(member: Member, name: string, input: unknown): Promise<Result<unknown>>;
  changed(status: SessionStatus | null): void;
  audit(target: string, detail: string): void;
}

export class SessionManager {
  private host: SessionHost | null = null;
  private server: SessionServer | null = null;

  constructor(private readonly deps: SessionDeps) {}

  get active(): SessionHost | null {
    return this.host;
  }

  private need(): SessionHost {
    if (!this.host) throw new AppError('not_found', 'No review session is running. Use Session > Host review… on a board.');
    return this.host;
  }

  async start(i: { boardId: number; port: number; bind: string }): Promise<SessionStatus> {
    if (this.host) {
      if (this.host.row.boardId === i.boardId) return this.status()!;
      throw new AppError('conflict', `A review session is already running on “${this.host.row.board}”; end it first.`);
    }
    const store = this.deps.store();
    const host = await SessionHost.open({
      store, log: this.deps.log, boardId: i.boardId, bind: i.bind, port: i.port, host: this.deps.profile(),
      onChange: () => this.deps.changed(this.status()),
      audit: this.deps.audit,
    });
    // A resumed session keeps its address (the join link participants hold) unless told otherwise.
    const bind = i.bind === '127.0.0.1' && host.row.bind ? host.row.bind : i.bind;
    const port = i.port || host.row.port;
    try {
      this.server = await startSessionServer({
        host, bind, port, staticDir: this.deps.staticDir, call: this.deps.call,
        onListening: (p) => (p === host.row.port ? Promise.resolve() : store.write('session.port', { id: host.row.id, port: p }).done),
      });
    } catch (e) {
      await host.suspend();
      throw e;
    }
    this.host = host;
    this.deps.log.write('info', 'session_started', { id: host.row.id, port: this.server.port });
    this.deps.audit(`${host.row.board} (session #${host.row.id})`, `hosted on ${bind}:${this.server.port}`);
    return this.status()!;
  }

  status(): SessionStatus | null {
    return this.host && this.server ? this.host.status(this.server.joinUrl, this.server.port) : null;
  }

  async admit(ticket: string): Promise<SessionStatus> {
    await this.need().admit(ticket);
    return this.status()!;
  }

  deny(ticket: string): SessionStatus {
    this.need().deny(ticket);
    return this.status()!;
  }

  async remove(participant: string): Promise<SessionStatus> {
    await this.need().remove(participant);
    return this.status()!;
  }

  self(participant: string | undefined): SessionSelf {
    const host = this.need();
    const m = host.member(participant ?? 'host');
    if (!m) throw new AppError('unauthorized', 'Not a participant of this session.');
    const p = host.status('', 0).participants.find((x) => x.id === m.id)!;
    const hostYjs =
      m.role === 'host' && this.server
        ? { url: `wss://${host.row.bind === '0.0.0.0' || host.row.bind === '::' ? '127.0.0.1' : host.row.bind}:${this.server.port}/session/yjs`, token: host.hostToken, fingerprint: host.row.fingerprint }
        : null;
    return { sessionId: host.id, participant: p, board: host.row.board, yjsPath: `/session/yjs/${host.id}`, hostYjs };
  }

  /** The host's own window joins through its local transport, as the participant "host". */
  attachHost(ws: WebSocket): void {
    const host = this.need();
    host.connect(ws, host.member('host')!);
  }

  async end(): Promise<boolean> {
    if (!this.host) return false;
    const host = this.host;
    await host.end();
    await this.close();
    this.deps.changed(null);
    return true;
  }

  /** The case closes or the workstation quits: stop serving, keep the session to resume. */
  async suspend(): Promise<void> {
    if (!this.host) return;
    await this.host.suspend();
    await this.close();
    this.deps.changed(null);
  }

  private async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
    this.host = null;
  }
}
