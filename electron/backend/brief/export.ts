// Brief > Export package: a board (or a selection of it) as a package for an audience agency,
// assembled in the DB worker under both the author's and the audience's access, drawn by the
// renderer the host provides.
import path from 'node:path';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { Profile } from '../../../shared/model';
import { boardSource } from '../board/board-source';
import type { CaseStore } from '../db/client';
import { AppError } from '../errors';
import type { OpsLog } from '../ops/log';
import type { BriefRenderer } from './model';

export async function exportBrief(
  store: CaseStore,
  author: Profile,
  i: ParsedInput<'brief.export'>,
  makeRenderer: (() => BriefRenderer) | undefined,
  log: OpsLog,
): Promise<Output<'brief.export'>> {
  const audience = i.audience ?? author.agency;
  const board = await boardSource(store, i.boardId);
  if (!board || !board.state.nodes.length) throw new AppError('not_found', `Board #${i.boardId} has nothing on it to brief; put entities on it and save it first.`);
  const createdAt = new Date().toISOString();
  const model = await store.query('brief.model', { state: board.state, title: i.title, summary: i.summary, author, audience, nodeIds: i.nodeIds, createdAt, boardId: i.boardId });
  const stamp = createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const slug = board.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || `board-${i.boardId}`;
  const out = i.out ? path.resolve(i.out) : path.join(path.dirname(store.path), 'briefs', `${slug}-for-${audience}-${stamp}.zip`);
  // playwright-core is loaded only where no renderer is given (browser host, CLI).
  const renderer = makeRenderer?.() ?? new (await import('./chromium-renderer')).ChromiumRenderer();
  try {
    const { writeBriefPackage } = await import('./package');
    const r = await writeBriefPackage(model, out, renderer);
    log.write('info', 'brief_written', { audience, files: r.files.length, bytes: r.bytes, withheld: model.withheld });
    return { file: r.file, bytes: r.bytes, audience, handling: model.handling, withheld: model.withheld, files: r.files };
  } finally {
    await renderer.close().catch(() => {});
  }
}
