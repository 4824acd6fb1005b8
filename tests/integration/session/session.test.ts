// A review session on loopback with real participants: ICE, CBP and USCIS analysts join with
// the link, are admitted from the lobby, and edit the same board. What one agency may not see
// never reaches its socket; hostile traffic is refused without harm; a host restart resumes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../../electron/backend/api';
import { generateDemo } from '../../../electron/backend/demo/generate';
import { parseJoinLink, pinnedRequest, pinnedWebSocket } from '../../../electron/backend/session/pinned';
import type { NodeRef } from '../../../shared/model';
import type { SessionStatus } from '../../../shared/session-schemas';
import { readZip } from '../../../electron/backend/brief/zip';
import { tmpDir } from '../../fixtures/bundle-builder';
import { call, runImport } from '../../helpers/case';
import { admit, connect, synced, until, type TestParticipant } from '../../helpers/session';

let dir: string;
let file: string;
let canary: string;
let orcon: NodeRef;
let shared: NodeRef[];
let host: Backend;
/** A record CBP may not read that is not on the board; and CBP's participant id. */
let hiddenFromCbp: number;
let cbpId: string;
let status: SessionStatus;
const people: TestParticipant[] = [];
const renderer = () => path.join(dir, 'renderer');

function open(): Backend {
  return new Backend({ host: 'cli', version: 'test', checkOutput: true, rendererDir: renderer(), dataDir: path.join(dir, 'home') });
}

beforeAll(async () => {
  dir = tmpDir();
  fs.mkdirSync(renderer());
  fs.writeFileSync(path.join(renderer(), 'index.html'), '<!doctype html><title>Crosslink</title>');
  const bundle = path.join(dir, 'demo');
  await generateDemo({ out: bundle, seed: 31, people: 400, days: 2 });
  const planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8')) as { orcon_canary: string; orcon_case_id: string };
  canary = planted.orcon_canary;
  file = path.join(dir, 'case.crosslink');
  host = open();
  await call(host, 'case.create', { path: file, name: 'Session test', profile: { name: 'R. Ortega', agency: 'ICE' } });
  expect((await runImport(host, bundle)).progress.state).toBe('done');
  orcon = (await call(host, 'graph.resolveId', { sourceId: planted.orcon_case_id }))!;
  // Records every agency may read (SHARED handling), and the links among them.
  const db = new Database(file, { readonly: true });
  const ids = db.prepare(`SELECT id FROM node WHERE handling = 'SHARED' AND kind = 'subject' AND (agency IS NULL OR agency != 'USCIS') ORDER BY id LIMIT 4`).pluck().all() as number[];
  hiddenFromCbp = db.prepare(`SELECT id FROM node WHERE handling = 'ORCON' AND agency != 'CBP' AND id != ? LIMIT 1`).pluck().get(orcon.id) as number;
  expect(hiddenFromCbp).toBeGreaterThan(0);
  db.close();
  shared = (await call(host, 'session.elements', { nodes: ids, links: [] })).nodes;
  expect(shared.length).toBe(4);
  const nodes = [orcon, ...shared].map((ref, i) => ({ ref, pos: { x: i * 100, y: 0 } }));
  await call(host, 'board.save', { id: 1, state: { type: 'crosslink-board', version: 2, nodes, links: [] } });
  status = await call(host, 'session.host', { boardId: 1 });
}, 300_000);

afterAll(async () => {
  for (const p of people) p.provider.destroy();
  await host?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const nodesOf = (p: TestParticipant) => p.doc.getMap('nodes');
const byAgency = (a: string) => people.find((p) => p.agency === a)!;

describe('a review session on loopback', () => {
  it('binds to loopback, and the join link carries the code and the certificate fingerprint', async () => {
    expect(status.bind).toBe('127.0.0.1');
    const link = parseJoinLink(status.joinUrl);
    expect(link.origin).toBe(`https://127.0.0.1:${status.port}`);
    expect(link.code).toBe(status.code);
    expect(status.fingerprint.replace(/:/g, '')).toBe(link.fingerprint);
    // A client holding another fingerprint refuses the server.
    await expect(pinnedRequest(`${link.origin}/`, 'AB'.repeat(32))).rejects.toThrow(/not the one in the join link/);
    const wrong = await pinnedRequest(`${link.origin}/session/knock`, link.fingerprint, { method: 'POST', body: { code: 'WRONG1', name: 'X', agency: 'CBP' } });
    expect(wrong.status).toBe(403);
  });

  it('participants wait in the lobby until the host admits them; each syncs their agency view', async () => {
    for (const [name, agency] of [['I. Mendes', 'ICE'], ['C. Barros', 'CBP'], ['U. Sato', 'USCIS']] as const) {
      const token = await admit(host, status, name, agency);
      people.push(connect(status, name, agency, token));
    }
    await Promise.all(people.map(synced));
    const s = await call(host, 'session.status', {});
    expect(s!.participants.filter((p) => p.role === 'participant').map((p) => p.agency).sort()).toEqual(['CBP', 'ICE', 'USCIS']);
    for (const p of people) for (const n of shared) expect(nodesOf(p).has(String(n.id))).toBe(true);
    // The ORCON case is a pointer for CBP (present by id only) and not readable by anyone but ICE.
    expect(nodesOf(byAgency('ICE')).has(String(orcon.id))).toBe(true);
  });

  it('moves, comments, verdicts and minutes converge for everyone', async () => {
    const [ice, cbp, uscis] = ['ICE', 'CBP', 'USCIS'].map(byAgency);
    const key = String(shared[0].id);
    nodesOf(cbp).set(key, { x: 321, y: -45 });
    await until('move reaches ICE and USCIS', () => [ice, uscis].every((p) => (nodesOf(p).get(key) as { x: number })?.x === 321));
    const me = await call(host, 'session.status', {});
    cbpId = me!.participants.find((p) => p.agency === 'CBP')!.id;
    cbp.doc.getMap('comments').set('c-cbp-1', { target: `node:${key}`, text: 'Seen at Nogales twice', by: cbpId, name: 'C. Barros', agency: 'CBP', at: new Date().toISOString() });
    await until('comment reaches ICE', () => ice.doc.getMap('comments').has('c-cbp-1'));
    uscis.doc.getText('minutes').insert(0, 'Agreed: follow up on the vehicle. ');
    await until('minutes reach all', () => [ice, cbp].every((p) => p.doc.getText('minutes').toString().includes('follow up on the vehicle')));
  });

  it('presence: each sees the others under the names the host admitted; a standard client passing on states is not cut off', async () => {
    const [ice, cbp, uscis] = ['ICE', 'CBP', 'USCIS'].map(byAgency);
    const before = people.map((p) => p.closes.length);
    uscis.provider.awareness.setLocalState({ user: { id: 'x', name: 'Somebody Else', agency: 'ICE', colour: '#000' }, selection: [`node:${shared[0].id}`, `node:${orcon.id}`], pointer: { x: 1, y: 2 } });
    ice.provider.awareness.setLocalState({ selection: [`node:${orcon.id}`], pointer: { x: 5, y: 5 } });
    const stateOf = (p: TestParticipant, of: TestParticipant) => [...p.provider.awareness.getStates().entries()].find(([id]) => id === of.doc.clientID)?.[1] as
      | { user?: { name: string; agency: string }; selection?: string[] }
      | undefined;
    await until('USCIS presence reaches CBP', () => stateOf(cbp, uscis)?.user?.name === 'U. Sato');
    expect(stateOf(cbp, uscis)!.user!.agency).toBe('USCIS');
    // The ORCON case is a pointer for CBP, so a selection of it may be shown; the content is not.
    await until('ICE presence reaches USCIS', () => !!stateOf(uscis, ice)?.selection);
    await new Promise((r) => setTimeout(r, 500));
    expect(people.map((p) => p.closes.length)).toEqual(before);
  });

  it('what CBP may not see never reaches its socket: ICE comments on the ORCON case stay with ICE', async () => {
    const ice = byAgency('ICE');
    const cbp = byAgency('CBP');
    const iceId = (await call(host, 'session.status', {}))!.participants.find((p) => p.agency === 'ICE' && p.role === 'participant')!.id;
    ice.doc.getMap('comments').set('c-ice-orcon', { target: `node:${orcon.id}`, text: `Source says ${canary}`, by: iceId, name: 'I. Mendes', agency: 'ICE', at: new Date().toISOString() });
    ice.doc.getMap('verdicts').set(`node:${orcon.id}`, { verdict: 'confirmed', by: iceId, name: 'I. Mendes', agency: 'ICE', at: new Date().toISOString() });
    // A later shared edit arrives, so CBP has had every chance to receive the ORCON one.
    nodesOf(ice).set(String(shared[1].id), { x: 7, y: 7 });
    await until('shared move reaches CBP', () => (nodesOf(cbp).get(String(shared[1].id)) as { x: number })?.x === 7);
    expect(cbp.doc.getMap('comments').has('c-ice-orcon')).toBe(false);
    expect(cbp.doc.getMap('verdicts').has(`node:${orcon.id}`)).toBe(false);
    const all = Buffer.concat(cbp.frames).toString('latin1');
    expect(all.includes(canary)).toBe(false);
    expect(all.includes('Source says')).toBe(false);
    // The CBP analyst's own questions to the host are answered under CBP's profile.
    const link = parseJoinLink(status.joinUrl);
    const hits = await pinnedRequest(`${link.origin}/api/search`, link.fingerprint, { method: 'POST', body: { q: canary }, token: cbp.token });
    expect(JSON.stringify(hits.body)).not.toContain(canary);
    const els = await pinnedRequest(`${link.origin}/api/session.elements`, link.fingerprint, { method: 'POST', body: { nodes: [orcon.id], links: [] }, token: cbp.token });
    const ref = (els.body as { value: { nodes: NodeRef[] } }).value.nodes[0];
    expect(ref.kind).toBe('pointer');
    const write = await pinnedRequest(`${link.origin}/api/board.save`, link.fingerprint, { method: 'POST', body: { state: { nodes: [], links: [] } }, token: cbp.token });
    expect((write.body as { error: { code: string } }).error.code).toBe('unauthorized');
    const ice2 = await pinnedRequest(`${link.origin}/api/session.elements`, link.fingerprint, { method: 'POST', body: { nodes: [orcon.id], links: [] }, token: ice.token });
    expect((ice2.body as { value: { nodes: NodeRef[] } }).value.nodes[0].kind).not.toBe('pointer');
  });
});

/** A raw participant socket (no Yjs provider), for traffic a real client would never send. */
async function raw(token: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const link = parseJoinLink(status.joinUrl);
  const Pinned = pinnedWebSocket(link.fingerprint, token);
  const ws = new Pinned(`${link.origin.replace(/^https/, 'wss')}/session/yjs/${status.id}`);
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code: number, reason: Buffer) => r({ code, reason: reason.toString() })));
  ws.on('error', () => {});
  await new Promise<void>((r, j) => {
    ws.once('open', () => r());
    ws.once('error', j);
  });
  return { ws, closed };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An edit made on a copy of the CBP participant's document, sent as CBP would send it. */
function edit(fn: (d: Y.Doc) => void): Uint8Array {
  const base = byAgency('CBP').doc;
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  fn(d);
  return Y.encodeStateAsUpdate(d, Y.encodeStateVector(base));
}

describe('a hostile or broken client', () => {
  const hostile: Array<[string, (ws: WebSocket) => void, RegExp]> = [
    ['garbage bytes', (ws) => ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x07, 0x01])), /unreadable|unknown/],
    ['a text frame', (ws) => ws.send('hello'), /binary/],
    ['an update that puts an ICE-only record on its board', (ws) => ws.send(updateFrame(edit((d) => d.getMap('nodes').set(String(hiddenFromCbp), { x: 0, y: 0 })))), /not one you may see/],
    ['a comment on the ORCON case (a pointer for CBP)', (ws) => ws.send(updateFrame(edit((d) => d.getMap('comments').set('c-orcon', { target: `node:${orcon.id}`, text: 'x', by: cbpId, name: 'C. Barros', agency: 'CBP', at: 'now' })))), /not one you may see/],
    ['a comment signed as someone else', (ws) => ws.send(updateFrame(edit((d) => d.getMap('comments').set('forged', { target: `node:${shared[0].id}`, text: 'x', by: 'host', name: 'R. Ortega', agency: 'CBP', at: 'now' })))), /signed/],
    ['a new top-level type', (ws) => ws.send(updateFrame(edit((d) => d.getArray('evil').push([1])))), /unknown part/],
    ['a node with a nested type instead of a position', (ws) => ws.send(updateFrame(edit((d) => d.getMap('nodes').set(String(shared[0].id), new Y.Map())))), /bad position/],
    ['a session setting (host only)', (ws) => ws.send(updateFrame(edit((d) => d.getMap('meta').set('presenter', 'me')))), /only the host/],
    ['a flood', (ws) => { for (let i = 0; i < 600; i++) ws.send(Buffer.from([3])); }, /too many/],
  ];

  for (const [what, send, reason] of hostile) {
    it(`is cut off for ${what}; the board and the host are unharmed`, async () => {
      const cbp = byAgency('CBP');
      const before = JSON.stringify(byAgency('ICE').doc.getMap('nodes').toJSON());
      const { ws, closed } = await raw(cbp.token);
      send(ws);
      const c = await closed;
      expect(c.code).toBeGreaterThanOrEqual(4000);
      expect(c.reason).toMatch(reason);
      // Everyone else is still connected and converging.
      const key = String(shared[2].id);
      const x = Math.round(Math.random() * 1000);
      nodesOf(byAgency('USCIS')).set(key, { x, y: 1 });
      await until('a later move converges', () => people.every((p) => (nodesOf(p).get(key) as { x: number })?.x === x));
      const after = byAgency('ICE').doc.getMap('nodes').toJSON();
      delete after[key];
      const was = JSON.parse(before);
      delete was[key];
      expect(after).toEqual(was);
      expect(byAgency('ICE').doc.getMap('comments').has('forged')).toBe(false);
    });
  }

  it('a participant asking many questions at once is told to wait, and the host still answers others', async () => {
    const link = parseJoinLink(status.joinUrl);
    const Pinned = pinnedWebSocket(link.fingerprint, byAgency('CBP').token);
    const ws = new Pinned(`${link.origin.replace(/^https/, 'wss')}/ws`);
    await new Promise<void>((r, j) => {
      ws.once('open', () => r());
      ws.once('error', j);
    });
    const answers: Array<{ ok: boolean; error?: { code: string } }> = [];
    const all = new Promise<void>((r) =>
      ws.on('message', (d: Buffer) => {
        answers.push((JSON.parse(d.toString()) as { result: { ok: boolean; error?: { code: string } } }).result);
        if (answers.length === 20) r();
      }),
    );
    for (let i = 0; i < 20; i++) ws.send(JSON.stringify({ id: i, name: 'search', input: { q: `garcia ${i}`, limit: 200 } }));
    await all;
    ws.close();
    const busy = answers.filter((a) => a.error?.code === 'conflict');
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(6);
    const other = await pinnedRequest(`${link.origin}/api/search`, link.fingerprint, { method: 'POST', body: { q: 'garcia' }, token: byAgency('USCIS').token });
    expect((other.body as { ok: boolean }).ok).toBe(true);
  });

  it('a frame over the size limit closes that socket only', async () => {
    const { ws, closed } = await raw(byAgency('CBP').token);
    ws.send(Buffer.alloc(2 << 20, 1));
    expect((await closed).code).toBe(1009);
    const s = await call(host, 'session.status', {});
    expect(s!.participants.length).toBe(4);
  });

  it('a removed participant is cut off and their token no longer works', async () => {
    const extraToken = await admit(host, status, 'Temp Visitor', 'USCIS');
    const extra = connect(status, 'Temp Visitor', 'USCIS', extraToken);
    await synced(extra);
    const id = (await call(host, 'session.status', {}))!.participants.find((p) => p.name === 'Temp Visitor')!.id;
    await call(host, 'session.remove', { participant: id });
    await until('removed socket closed', () => extra.closes.some((c) => c.code === 4010));
    extra.provider.destroy();
    const link = parseJoinLink(status.joinUrl);
    const r = await pinnedRequest(`${link.origin}/api/session.self`, link.fingerprint, { method: 'POST', body: {}, token: extraToken });
    expect(r.status).toBe(401);
  });
});

describe('the host crashes and restarts', () => {
  it('resumes the session at the same address; a participant’s offline edits merge on reconnect', async () => {
    const cbp = byAgency('CBP');
    const ice = byAgency('ICE');
    cbp.provider.disconnect();
    // Offline edit by CBP while the host goes down.
    cbp.doc.getText('minutes').insert(cbp.doc.getText('minutes').length, 'CBP offline note. ');
    await host.sessions.active!.flush();
    const port = status.port;
    const fp = status.fingerprint;
    await host.close();
    host = open();
    await call(host, 'case.open', { path: file });
    expect(await call(host, 'session.interrupted', {})).toEqual([expect.objectContaining({ boardId: 1, port })]);
    status = await call(host, 'session.host', { boardId: 1 });
    expect(await call(host, 'session.interrupted', {})).toEqual([]);
    expect(status.port).toBe(port);
    expect(status.fingerprint).toBe(fp);
    expect(status.participants.map((p) => p.name)).toEqual(expect.arrayContaining(['I. Mendes', 'C. Barros', 'U. Sato']));
    cbp.provider.connect();
    await until('ICE reconnected by itself', () => ice.provider.wsconnected, 15_000);
    await until('offline note reaches ICE', () => ice.doc.getText('minutes').toString().includes('CBP offline note.'), 15_000);
    expect(ice.doc.getMap('comments').has('c-cbp-1')).toBe(true);
    expect(ice.doc.getText('minutes').toString()).toContain('follow up on the vehicle');
  });

  it('ending the session saves the board and the session documents in the case', async () => {
    const key = String(shared[3].id);
    nodesOf(byAgency('ICE')).set(key, { x: 555, y: 444 });
    await until('move reaches CBP', () => (nodesOf(byAgency('CBP')).get(key) as { x: number })?.x === 555);
    await call(host, 'session.end', {});
    // The trail says who was let in and out, and what each participant asked, as themselves.
    const trail = await call(host, 'audit.list', { limit: 1000 });
    const texts = trail.entries.map((e) => `${e.who} ${e.action} ${e.target} ${e.detail}`);
    expect(texts.some((t) => /session .*admitted C\. Barros \(CBP\)/.test(t))).toBe(true);
    expect(texts.some((t) => /session .*removed Temp Visitor \(USCIS\)/.test(t))).toBe(true);
    expect(texts.some((t) => /session .* ended$/.test(t))).toBe(true);
    expect(trail.entries.some((e) => e.who === 'C. Barros (CBP)' && e.agency === 'CBP' && e.action === 'search')).toBe(true);
    const board = await call(host, 'board.load', { id: 1 });
    expect(board!.state.nodes.find((n) => n.ref.id === shared[3].id)?.pos).toEqual({ x: 555, y: 444 });
    const db = new Database(file, { readonly: true });
    try {
      const s = db.prepare('SELECT ended_at, key IS NOT NULL AS k FROM session').get() as { ended_at: string | null };
      expect(s.ended_at).not.toBeNull();
      const n = db.prepare('SELECT count(*) FROM session_update').pluck().get() as number;
      expect(n).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM session_participant WHERE token_hash LIKE ?').pluck().get('%' + byAgency('CBP').token + '%')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('the minutes, verdicts and comments go into the board’s briefing package, cut for its audience', async () => {
    const brief = async (audience: 'CBP' | 'ICE') => {
      const r = await call(host, 'brief.export', { boardId: 1, title: 'Review', summary: 'After the review', audience, out: path.join(dir, `brief-${audience}.zip`) });
      const pdf = (await readZip(r.file)).find((e) => e.name === 'brief.pdf')!.data!;
      const pdfFile = path.join(dir, `brief-${audience}.pdf`);
      fs.writeFileSync(pdfFile, pdf);
      return execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const cbp = await brief('CBP');
    expect(cbp).toContain('Review session');
    expect(cbp).toContain('Seen at Nogales twice');
    expect(cbp).toContain('follow up on the vehicle');
    expect(cbp).toContain('CBP offline note.');
    expect(cbp).not.toContain(canary);
    expect(cbp).not.toContain('Source says');
    const ice = await brief('ICE');
    expect(ice).toContain('Source says');
    expect(ice).toContain('Confirmed');
  }, 120_000);
});
