// Brief > Export package…: the form, then "Writing the package…" while the backend renders
// the PDF (a few seconds), then what was written. A failure returns to the form with the
// reason above it, the analyst's text intact.
import { useEffect, useRef, useState } from 'react';
import type { BriefResult } from '../../../../shared/contract';
import { exportBrief } from '../../actions/brief-actions';
import { currentBoard } from '../../actions/board-journal';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { errorMessage, toast } from '../../state/toasts';
import { closeDialog, uiStore } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { BriefForm, type BriefDraft } from './BriefForm';
import { BriefResultPanel } from './BriefResultPanel';

type Phase = { step: 'form'; error?: string } | { step: 'writing' } | { step: 'done'; result: BriefResult };

export function BriefExportDialog() {
  const selected = useStore(uiStore, (u) => u.selection.nodes);
  const [draft, setDraft] = useState<BriefDraft>(() => ({
    title: currentBoard.get().name,
    summary: '',
    audience: caseStore.get().info?.actingAs.agency ?? 'ICE',
    onlySelected: false,
    out: '',
  }));
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  const open = useRef(true);
  useEffect(() => () => void (open.current = false), []);

  const ok = phase.step === 'form' && draft.title.trim() !== '';
  const write = async () => {
    if (!ok) return;
    setPhase({ step: 'writing' });
    try {
      const result = await exportBrief({ ...draft, nodeIds: draft.onlySelected ? selected : undefined });
      if (open.current) setPhase({ step: 'done', result });
      // Closed while writing: the package still exists, so say where.
      else toast('success', 'Briefing package written', result.file);
    } catch (e) {
      if (open.current) setPhase({ step: 'form', error: errorMessage(e) });
      else toast('error', 'The briefing package was not written', errorMessage(e));
    }
  };

  return (
    <Dialog
      title="Export briefing package"
      onClose={closeDialog}
      size="large"
      testId="brief-dialog"
      footer={
        phase.step === 'done' ? (
          <>
            <button className="btn" onClick={() => setPhase({ step: 'form' })}>Write another…</button>
            <button className="btn btn-primary" onClick={closeDialog}>Close</button>
          </>
        ) : (
          <>
            <span className="foot-note muted small">The board is saved first, so the package holds what you see now.</span>
            <button className="btn" onClick={closeDialog}>Cancel</button>
            <button className="btn btn-primary" data-testid="brief-write" disabled={!ok} onClick={() => void write()}>
              {phase.step === 'writing' ? 'Writing…' : 'Write package'}
            </button>
          </>
        )
      }
    >
      {phase.step === 'form' && phase.error && (
        <div className="error-box" data-testid="brief-error"><strong>The package was not written.</strong> {phase.error}</div>
      )}
      {phase.step === 'form' && <BriefForm draft={draft} onChange={setDraft} selected={selected.length} />}
      {phase.step === 'writing' && (
        <div className="brief-writing" data-testid="brief-writing" role="status">
          <span className="spinner" aria-hidden="true" />
          <div>
            <strong>Writing the package…</strong>
            <div className="muted small">Saving the board, applying the handling rules for {draft.audience}, rendering the PDF. This can take a few seconds.</div>
          </div>
        </div>
      )}
      {phase.step === 'done' && <BriefResultPanel result={phase.result} />}
    </Dialog>
  );
}
