// Briefing packages from the command line: `crosslink brief verify FILE` checks a package
// against its manifest before it is sent on or after it arrives.
import path from 'node:path';
import type { Backend } from '../backend/api';
import { checkPackage } from '../backend/brief/verify';
import type { Agency } from '../../shared/model';
import { call, need, print, UsageError } from './cli-util';

export const BRIEF_VERIFY_USAGE = `  crosslink brief verify FILE [--json]         checks a briefing package against its manifest
                                                 (every file present and unchanged, nothing added); exit 1 if not`;

export async function cmdBriefVerify(file: string, json: boolean): Promise<number> {
  const r = await checkPackage(file);
  const files = r.manifest ? r.manifest.files.length + 1 : 0;
  const out = {
    ok: r.ok,
    file,
    files,
    problems: r.problems,
    ...(r.manifest ? { title: r.manifest.title, audience: r.manifest.audience, handling: r.manifest.handling, created_at: r.manifest.createdAt } : {}),
  };
  print(json, out, () =>
    r.ok
      ? `package verified: ${files} files`
      : [`package NOT verified: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${file}`, ...r.problems.map((p) => `  ${p}`)].join('\n'),
  );
  return r.ok ? 0 : 1;
}

export const BRIEF_USAGE = `  crosslink brief --db FILE --board NAME --out FILE.zip [--as AGENCY] [--audience AGENCY] [--title T] [--summary S] [--json]
                                                 a briefing package of a board; --audience: the tear line
                                                 (what that agency may not see is withheld and said so)
${BRIEF_VERIFY_USAGE}`;

export async function cmdBrief(
  b: Backend,
  v: { board?: string; out?: string; audience?: string; title?: string; summary?: string; json?: boolean },
  audience: Agency | undefined,
): Promise<number> {
  const name = need(v.board, 'board');
  const boards = await call(b, 'board.list', {});
  const board = boards.find((x) => x.name === name) ?? boards.find((x) => String(x.id) === name);
  if (!board) throw new UsageError(`no board '${name}' in this case (boards: ${boards.map((x) => x.name).join(', ') || 'none'})`);
  const r = await call(b, 'brief.export', {
    boardId: board.id,
    title: v.title?.trim() || board.name,
    summary: v.summary ?? '',
    audience,
    out: path.resolve(need(v.out, 'out')),
  });
  print(v.json, r, () =>
    [
      `Wrote ${r.file} (${r.bytes.toLocaleString('en-US')} bytes) for ${r.audience}, banner ${r.handling}, ${r.withheld} item${r.withheld === 1 ? '' : 's'} withheld`,
      ...r.files.map((f) => `  ${f.name.padEnd(14)} ${String(f.bytes).padStart(10)}  sha256 ${f.sha256}`),
    ].join('\n'),
  );
  return 0;
}
