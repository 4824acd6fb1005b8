// `crosslink session host` as a real process: prints the join link, admits the agencies it
// was told to, serves a participant, stops on SIGINT keeping the session, and resumes it at
// the same address and fingerprint when run again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { joinSession, parseJoinLink, pinnedRequest } from '../../../electron/backend/session/pinned';
import type { SessionStatus } from '../../../shared/session-schemas';
import { tmpDir, writeBundle } from '../../fixtures/bundle-builder';
import { connect, synced, until } from '../../helpers/session';
import { baseFiles } from '../../fixtures/bundles';

const BIN = path.resolve('bin/crosslink.js');

function host(db: string): { child: ChildProcess; first: Promise<{ joinUrl: string; port: number; fingerprint: string; code: string; sessionId: number }>; lines: string[] } {
  const child = spawn(process.execPath, [BIN, 'session', 'host', '--db', db, '--board', 'Working board', '--admit', 'CBP', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const first = new Promise<{ joinUrl: string; port: number; fingerprint: string; code: string; sessionId: number }>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (l) => {
      lines.push(l);
      if (lines.length === 1) resolve(JSON.parse(l));
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  return { child, first, lines };
}

describe('crosslink session host', { timeout: 180_000 }, () => {
  it('serves a board, admits CBP by rule, stops on SIGINT and resumes at the same address', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'case.crosslink');
    expect(spawnSync(process.execPath, [BIN, 'import', writeBundle(path.join(dir, 'bundle'), { files: baseFiles() }), '--db', db, '--no-resolve'], { encoding: 'utf8' }).status).toBe(0);
    const a = host(db);
    const info = await a.first;
    const link = parseJoinLink(info.joinUrl);
    expect(link.origin).toBe(`https://127.0.0.1:${info.port}`);
    const token = await joinSession(link, { name: 'C. Barros', agency: 'CBP' }, { pollMs: 50, timeoutMs: 20_000 });
    const self = await pinnedRequest(`${link.origin}/api/session.self`, link.fingerprint, { method: 'POST', body: {}, token });
    expect((self.body as { value: { participant: { agency: string; name: string } } }).value.participant).toMatchObject({ agency: 'CBP', name: 'C. Barros' });
    // USCIS is not admitted by rule: it waits in the lobby.
    const waiting = joinSession(link, { name: 'U. Sato', agency: 'USCIS' }, { pollMs: 50, timeoutMs: 1500 });
    await expect(waiting).rejects.toThrow(/in time/);
    a.child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => a.child.once('exit', r));
    expect(code).toBe(0);
    expect(a.lines.join('\n')).toMatch(/Stopped; run the same command to resume/);

    const b = host(db);
    const again = await b.first;
    expect(again.port).toBe(info.port);
    expect(again.fingerprint).toBe(info.fingerprint);
    expect(again.code).toBe(info.code);
    // The admitted participant's token still works after the restart.
    const self2 = await pinnedRequest(`${link.origin}/api/session.self`, link.fingerprint, { method: 'POST', body: {}, token });
    expect(self2.status).toBe(200);
    b.child.stdin!.write('end\n');
    expect(await new Promise<number | null>((r) => b.child.once('exit', r))).toBe(0);
    expect(b.lines.join('\n')).toMatch(/Session ended/);
  });

  it('a host killed with SIGKILL loses nothing a participant wrote a moment before', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'case.crosslink');
    expect(spawnSync(process.execPath, [BIN, 'import', writeBundle(path.join(dir, 'bundle'), { files: baseFiles() }), '--db', db, '--no-resolve'], { encoding: 'utf8' }).status).toBe(0);
    const a = host(db);
    const info = await a.first;
    const status = { joinUrl: info.joinUrl, id: info.sessionId } as SessionStatus;
    const token = await joinSession(parseJoinLink(info.joinUrl), { name: 'C. Barros', agency: 'CBP' }, { pollMs: 50, timeoutMs: 20_000 });
    const p = connect(status, 'C. Barros', 'CBP', token);
    await synced(p);
    p.doc.getText('minutes').insert(0, 'Written just before the crash.');
    await new Promise((r) => setTimeout(r, 600));
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));
    p.provider.destroy();
    const b = host(db);
    expect((await b.first).port).toBe(info.port);
    const fresh = connect(status, 'C. Barros', 'CBP', token);
    await synced(fresh);
    await until('minutes restored', () => fresh.doc.getText('minutes').toString() === 'Written just before the crash.');
    fresh.provider.destroy();
    b.child.stdin!.write('end\n');
    expect(await new Promise<number | null>((r) => b.child.once('exit', r))).toBe(0);
  });
});
