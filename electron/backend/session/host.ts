// A review session hosted on this workstation: its documents, its participants and lobby, and
// its record in the case. The HTTPS/WebSocket server in server.ts carries it; this module
// knows nothing of sockets beyond handing a connection to YConn.
import crypto from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BoardState } from '../../../shared/contract';
import type { Agency, Profile } from '../../../shared/model';
import type { SessionKnock, SessionParticipant, SessionStatus } from '../../../shared/session-schemas';
import { SESSION_LIMITS } from '../../../shared/session-schemas';
import { boardSource } from '../board/board-source';
import type { CaseStore } from '../db/client';
import { AppError } from '../errors';
import type { OpsLog } from '../ops/log';
import type { Member } from './check';
import { SessionDocs } from './docs';
import { SessionPersist } from './persist';
import { Presence } from './presence';
import type { ParticipantRow, SessionRow } from './session-store';
import { makeCert } from './tls';
import { VisibilityCache } from './visibility';
import { CLOSE, YConn } from './yjs-conn';

const COLOURS = ['#d1495b', '#00798c', '#edae49', '#66a182', '#8d6a9f', '#2e4057', '#f08a4b', '#3c6e71'];
/** More stored updates than this for one document are merged into one when a session resumes. */
const COMPACT_OVER = 200;
const BOARD_SAVE_MS = 10_000;

export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

function joinCode(): string {
  // No 0/O, 1/I/L: read aloud across a room.
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.randomBytes(6), (b) => alphabet[b % alphabet.length]).join('');
}

interface Knock extends SessionKnock {
  state: 'waiting' | 'admitted' | 'denied';
  /** Handed over once, on the first poll after admission. */
  token: string | null;
}

export interface HostStart {
  store: CaseStore;
  log: OpsLog;
  boardId: number;
  bind: string;
  port: number;
  host: Profile;
  onChange: () => void;
  /** A line in the case's audit trail (who was admitted, removed; start and end). */
  audit: (target: string, detail: string) => void;
}

export class SessionHost {
  private readonly participants = new Map<string, ParticipantRow>();
  private readonly byToken = new Map<string, string>();
  private readonly knocks = new Map<string, Knock>();
  private readonly conns = new Set<YConn>();
  private boardTimer: NodeJS.Timeout | null = null;
  /** The host window's bearer token for the session server (Electron joins over TLS). */
  hostToken = '';
  private boardDirty = false;
  private ended = false;

  private constructor(
    readonly row: SessionRow,
    private readonly opts: HostStart,
    readonly docs: SessionDocs,
    readonly presence: Presence,
    private readonly persist: SessionPersist,
    private readonly vis: VisibilityCache,
  ) {}

  /** Starts a new session on the board, or resumes the one that was not ended. */
  static async open(opts: HostStart): Promise<SessionHost> {
    const { store } = opts;
    let row = await store.query('session.open', { boardId: opts.boardId });
    const resumed = !!row;
    if (!row) {
      const board = await store.query('board.name', { id: opts.boardId });
      const cert = await makeCert(opts.bind);
      row = await store.write('session.create', {
        boardId: opts.boardId, board, code: joinCode(), bind: opts.bind, port: opts.port, ...cert,
        host: opts.host.name, agency: opts.host.agency, startedAt: new Date().toISOString(),
      }).done;
    }
    const loaded = await store.query('session.load', { id: row.id });
    for (const [doc, list] of Object.entries(loaded.updates)) {
      if (list.length <= COMPACT_OVER) continue;
      const Y = await import('yjs');
      const merged = Y.mergeUpdates(list);
      await store.write('session.compact', { sessionId: row.id, doc, data: merged }).done;
      loaded.updates[doc] = [merged];
    }
    const vis = new VisibilityCache((q) => store.query('session.visibility', q));
    let persist: SessionPersist | null = null;
    const docs = new SessionDocs(vis, (doc, u) => persist!.push(doc, u), loaded.updates);
    persist = new SessionPersist(store, row.id, () => docs.takeClaims(), opts.log);
    for (const c of loaded.clients) docs.owners.set(c.client, c.participant);
    const presence = new Presence(vis, (client, m) => docs.claim(client, m));
    const host = new SessionHost(row, opts, docs, presence, persist, vis);
    for (const p of loaded.participants) {
      host.participants.set(p.id, p);
      if (!p.removedAt) host.byToken.set(p.tokenHash, p.id);
    }
    if (resumed) {
      const m = docs.mentioned();
      await vis.ensure({ nodes: m.nodes, links: m.links });
      await vis.ensure(VisibilityCache.ids(m.targets));
      docs.projectAll();
    } else {
      await host.seed();
    }
    // The host's own token is new at every start and lives in memory only.
    host.hostToken = crypto.randomBytes(24).toString('base64url');
    const prior = host.participants.get('host');
    if (prior) {
      host.byToken.delete(prior.tokenHash);
      prior.tokenHash = sha256(host.hostToken);
      host.byToken.set(prior.tokenHash, 'host');
      await store.write('session.participant', { sessionId: row.id, p: prior }).done;
    } else {
      await host.addParticipant({ id: 'host', name: opts.host.name, agency: opts.host.agency, role: 'host' }, host.hostToken);
    }
    docs.master.on('update', () => (host.boardDirty = true));
    host.boardTimer = setInterval(() => void host.saveBoard(), BOARD_SAVE_MS);
    host.boardTimer.unref();
    return host;
  }

  /** A new session starts from the board as saved. */
  private async seed(): Promise<void> {
    const copy = await boardSource(this.opts.store, this.opts.boardId);
    const nodes = copy?.state.nodes ?? [];
    const links = copy?.state.links ?? [];
    await this.vis.ensure({ nodes: nodes.map((n) => n.ref.id), links: links.map((l) => l.id) });
    this.docs.writeMaster((m) => {
      for (const n of nodes) m.getMap('nodes').set(String(n.ref.id), { x: n.pos.x, y: n.pos.y });
      for (const l of links) if (l.kind !== 'withheld') m.getMap('links').set(String(l.id), { s: l.source, t: l.target });
      m.getMap('meta').set('board', this.row.board);
      m.getMap('meta').set('presenter', null);
      m.getMap('meta').set('endedAt', null);
    });
  }

  get id(): number {
    return this.row.id;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  private async addParticipant(p: Pick<ParticipantRow, 'id' | 'name' | 'agency' | 'role'>, token: string): Promise<ParticipantRow> {
    const row: ParticipantRow = {
      ...p,
      colour: COLOURS[this.participants.size % COLOURS.length],
      tokenHash: sha256(token),
      admittedAt: new Date().toISOString(),
      removedAt: null,
    };
    await this.opts.store.write('session.participant', { sessionId: this.row.id, p: row }).done;
    this.participants.set(row.id, row);
    this.byToken.set(row.tokenHash, row.id);
    return row;
  }

  member(id: string): Member | null {
    const p = this.participants.get(id);
    return p && !p.removedAt ? { id: p.id, name: p.name, agency: p.agency, colour: p.colour, role: p.role } : null;
  }

  /** The participant a bearer token belongs to, if still admitted. */
  byBearer(token: string | null): Member | null {
    if (!token) return null;
    const id = this.byToken.get(sha256(token));
    return id ? this.member(id) : null;
  }

  // ---- lobby ----

  knock(name: string, agency: Agency, from: string): string {
    if (this.ended) throw new AppError('conflict', 'This review session has ended.');
    const waiting = [...this.knocks.values()].filter((k) => k.state === 'waiting');
    if (waiting.length >= SESSION_LIMITS.participants) throw new AppError('conflict', 'The lobby is full; try again later.');
    if (this.participants.size >= SESSION_LIMITS.participants) throw new AppError('conflict', 'This session is full.');
    const ticket = crypto.randomBytes(18).toString('base64url');
    this.knocks.set(ticket, { ticket, name: name.trim().slice(0, SESSION_LIMITS.nameChars), agency, at: new Date().toISOString(), from, state: 'waiting', token: null });
    this.opts.log.write('info', 'session_knock', { agency, from });
    this.opts.onChange();
    return ticket;
  }

  /** A waiting participant's poll: once admitted, their token (once). */
  poll(ticket: string): { state: Knock['state']; token?: string } {
    const k = this.knocks.get(ticket);
    if (!k) return { state: 'denied' };
    if (k.state === 'admitted' && k.token) {
      const token = k.token;
      k.token = null;
      this.knocks.delete(ticket);
      return { state: 'admitted', token };
    }
    return { state: k.state };
  }

  async admit(ticket: string): Promise<void> {
    const k = this.knocks.get(ticket);
    if (!k || k.state !== 'waiting') throw new AppError('not_found', 'Nobody with that ticket is waiting in the lobby.');
    const token = crypto.randomBytes(24).toString('base64url');
    await this.addParticipant({ id: `p-${crypto.randomBytes(5).toString('hex')}`, name: k.name, agency: k.agency, role: 'participant' }, token);
    k.state = 'admitted';
    k.token = token;
    this.opts.log.write('info', 'session_admit', { agency: k.agency });
    this.opts.audit(`${this.row.board} (session #${this.row.id})`, `admitted ${k.name} (${k.agency}) from ${k.from}`);
    this.opts.onChange();
  }

  deny(ticket: string): void {
    const k = this.knocks.get(ticket);
    if (!k || k.state !== 'waiting') throw new AppError('not_found', 'Nobody with that ticket is waiting in the lobby.');
    k.state = 'denied';
    this.opts.audit(`${this.row.board} (session #${this.row.id})`, `turned away ${k.name} (${k.agency}) from ${k.from}`);
    this.opts.onChange();
  }

  async remove(id: string): Promise<void> {
    const p = this.participants.get(id);
    if (!p || p.removedAt) throw new AppError('not_found', 'No such participant in this session.');
    if (p.role === 'host') throw new AppError('conflict', 'The host cannot be removed; end the session instead.');
    p.removedAt = new Date().toISOString();
    this.byToken.delete(p.tokenHash);
    await this.opts.store.write('session.participant', { sessionId: this.row.id, p }).done;
    for (const c of this.conns) if (c.member.id === id) c.close(CLOSE.removed, 'removed from the session by the host');
    this.opts.audit(`${this.row.board} (session #${this.row.id})`, `removed ${p.name} (${p.agency})`);
    this.opts.onChange();
  }

  // ---- connections ----

  connect(ws: WebSocket, member: Member): void {
    const conn = new YConn(ws, member, this.docs, this.presence, (m, reason) =>
      this.opts.log.write('warn', 'session_update_refused', { participant: m.id, agency: m.agency, reason }),
    );
    this.conns.add(conn);
    ws.on('close', () => {
      this.conns.delete(conn);
      this.opts.onChange();
    });
    this.opts.onChange();
  }

  status(joinUrl: string, port: number): SessionStatus {
    const online = new Set([...this.conns].map((c) => c.member.id));
    const participants: SessionParticipant[] = [...this.participants.values()]
      .filter((p) => !p.removedAt)
      .map((p) => ({ id: p.id, name: p.name, agency: p.agency, colour: p.colour, role: p.role, admittedAt: p.admittedAt, online: online.has(p.id) }));
    return {
      id: this.row.id,
      boardId: this.row.boardId,
      board: this.row.board,
      joinUrl,
      code: this.row.code,
      fingerprint: this.row.fingerprint,
      bind: this.row.bind,
      port,
      startedAt: this.row.startedAt,
      participants,
      lobby: [...this.knocks.values()].filter((k) => k.state === 'waiting').map(({ ticket, name, agency, at, from }) => ({ ticket, name, agency, at, from })),
    };
  }

  // ---- the board in the case ----

  /** Writes the session's board (membership and positions) back to the case's board. */
  async saveBoard(force = false): Promise<void> {
    if (!this.boardDirty && !force) return;
    this.boardDirty = false;
    const { store } = this.opts;
    const nodesMap = this.docs.master.getMap('nodes');
    const linksMap = this.docs.master.getMap('links');
    const ids = [...nodesMap.keys()].map(Number);
    const present = new Set(ids);
    const linkIds = [...linksMap.entries()].filter(([, v]) => present.has((v as { s: number }).s) && present.has((v as { t: number }).t)).map(([k]) => Number(k));
    const before = await boardSource(store, this.row.boardId);
    const old = new Map((before?.state.nodes ?? []).map((n) => [n.ref.id, n]));
    const oldLinks = new Map((before?.state.links ?? []).map((l) => [l.id, l]));
    const refs = await store.query('session.elements', { nodes: ids.filter((id) => !old.has(id)), links: linkIds.filter((id) => !oldLinks.has(id)), raw: true });
    const fresh = new Map(refs.nodes.map((n) => [n.id, n]));
    const freshLinks = new Map(refs.links.map((l) => [l.id, l]));
    const state: BoardState = {
      ...(before?.state ?? {}),
      type: 'crosslink-board',
      version: 2,
      nodes: ids.flatMap((id) => {
        const pos = nodesMap.get(String(id)) as { x: number; y: number };
        const prev = old.get(id);
        const ref = prev?.ref ?? fresh.get(id);
        return ref ? [{ ...(prev ?? {}), ref, pos: { x: pos.x, y: pos.y } }] : [];
      }),
      links: linkIds.flatMap((id) => {
        const l = oldLinks.get(id) ?? freshLinks.get(id);
        return l ? [l] : [];
      }),
    };
    const savedAt = new Date().toISOString();
    await store.write('board.save', { id: this.row.boardId, state: JSON.stringify(state), nodes: state.nodes.length, links: state.links.length, savedAt }).done;
  }

  async flush(): Promise<void> {
    await this.persist.flush();
  }

  /** Ends the session for everyone: the board and the session's documents stay in the case. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.docs.writeMaster((m) => m.getMap('meta').set('endedAt', new Date().toISOString()));
    for (const c of this.conns) c.close(CLOSE.ended, 'the host ended the session');
    await this.saveBoard(true);
    await this.persist.flush();
    await this.opts.store.write('session.end', { id: this.row.id, at: new Date().toISOString() }).done;
    this.opts.audit(`${this.row.board} (session #${this.row.id})`, 'ended');
    this.ended = true;
    this.stop();
  }

  /** Stops serving without ending (the workstation closes; the session resumes next time). */
  async suspend(): Promise<void> {
    await this.saveBoard();
    await this.persist.flush();
    this.stop();
  }

  private stop(): void {
    if (this.boardTimer) clearInterval(this.boardTimer);
    for (const c of this.conns) c.close(CLOSE.stopped, 'the host stopped; it resumes the session when it restarts');
    this.presence.destroy();
    this.docs.destroy();
  }
}
