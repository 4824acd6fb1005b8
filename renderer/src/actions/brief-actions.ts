// Writing and checking briefing packages. The backend reads the board from the case, so the
// board on the canvas is saved first: the package must hold what the analyst sees now.
import type { BriefResult, Output } from '../../../shared/contract';
import type { Agency } from '../../../shared/model';
import { api } from '../api/client';
import { saveBoardNow } from './board-journal';

export interface BriefRequest {
  title: string;
  summary: string;
  audience: Agency;
  /** The selected nodes only; the whole board when absent. */
  nodeIds?: number[];
  /** Where to write the .zip; the backend's default (briefs/ beside the case) when blank. */
  out: string;
}

export async function exportBrief(r: BriefRequest): Promise<BriefResult> {
  const board = await saveBoardNow();
  return api('brief.export', {
    boardId: board.id,
    title: r.title.trim(),
    summary: r.summary,
    audience: r.audience,
    nodeIds: r.nodeIds?.length ? r.nodeIds : undefined,
    out: r.out.trim() || undefined,
  });
}

export const verifyBrief = (file: string): Promise<Output<'brief.verify'>> => api('brief.verify', { file });
