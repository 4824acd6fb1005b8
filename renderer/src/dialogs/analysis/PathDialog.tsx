// Analyse > Find paths: how are two items connected? Up to k shortest distinct paths,
// each explained step by step with dates and sources; hubs the search avoided can be
// allowed one by one. Adding a path puts it on the board, highlighted.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GraphPath, PathResult } from '../../../../shared/contract';
import type { NodeRef } from '../../../../shared/model';
import { addPathsToBoard } from '../../actions/analysis-actions';
import { api } from '../../api/client';
import { NodeChip } from '../../components/analysis/NodeChip';
import { NodePicker } from '../../components/analysis/NodePicker';
import { PathChain } from '../../components/analysis/PathChain';
import { plural } from '../../graph/format';
import { errorMessage } from '../../state/toasts';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { LinkKindPicker } from './LinkKindPicker';
import { DEFAULT_PATH_FORM, pathInput, type PathForm } from './path-options';

export interface PathDialogData {
  from?: NodeRef | null;
  to?: NodeRef | null;
}

export function PathDialog({ data }: { data?: PathDialogData }) {
  const [from, setFrom] = useState<NodeRef | null>(data?.from ?? null);
  const [to, setTo] = useState<NodeRef | null>(data?.to ?? null);
  const [form, setForm] = useState<PathForm>(DEFAULT_PATH_FORM);
  const [result, setResult] = useState<PathResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const set = (patch: Partial<PathForm>) => setForm((f) => ({ ...f, ...patch }));

  const find = useCallback(async (f: PathForm) => {
    if (!from || !to) return;
    const mine = ++seq.current;
    setBusy(true);
    setError(null);
    try {
      const r = await api('graph.path', pathInput(from, to, f));
      if (mine === seq.current) setResult(r);
    } catch (e) {
      if (mine === seq.current) {
        setResult(null);
        setError(errorMessage(e));
      }
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, [from, to]);

  // Opened with both ends (two nodes selected): search straight away.
  const auto = useRef(!!(data?.from && data?.to));
  useEffect(() => {
    if (auto.current) {
      auto.current = false;
      void find(form);
    }
  }, [find, form]);

  const allow = (hub: NodeRef) => {
    const next = { ...form, allowed: [...form.allowed, hub] };
    setForm(next);
    void find(next);
  };
  const add = (paths: GraphPath[]) => {
    addPathsToBoard(paths);
    closeDialog();
  };
  const paths = result?.paths ?? [];
  const swap = () => { setFrom(to); setTo(from); };

  const footer = (
    <>
      <span className="foot-note small muted" data-testid="path-note">
        {busy ? 'Searching…' : result ? `${plural(paths.length, 'path')} in ${Math.round(result.ms)} ms${result.note ? ` · ${result.note}` : ''}` : 'Pick two items, then Find'}
      </span>
      <button className="btn" data-testid="path-add-all" disabled={!paths.length} onClick={() => add(paths)}>Add all to board</button>
      <button className="btn btn-primary" data-testid="path-find" disabled={!from || !to || busy} onClick={() => void find(form)}>Find paths</button>
    </>
  );
  return (
    <Dialog title="How are these connected?" onClose={closeDialog} size="large" footer={footer} testId="path-dialog">
      <div className="an-ends">
        <NodePicker label="From" value={from} onChange={(n) => { setFrom(n); setResult(null); }} testId="path-from" />
        <button className="icon-btn" title="Swap the ends" aria-label="Swap the ends" onClick={swap} disabled={!from && !to}>⇄</button>
        <NodePicker label="To" value={to} onChange={(n) => { setTo(n); setResult(null); }} testId="path-to" />
      </div>
      <div className="an-options">
        <label>Paths <input type="number" min={1} max={20} value={form.k} onChange={(e) => set({ k: Number(e.target.value) })} data-testid="path-k" /></label>
        <label>Max hops <input type="number" min={1} max={12} value={form.maxHops} onChange={(e) => set({ maxHops: Number(e.target.value) })} /></label>
        <label>From <input type="date" value={form.since} onChange={(e) => set({ since: e.target.value })} /></label>
        <label>To <input type="date" value={form.until} onChange={(e) => set({ until: e.target.value })} /></label>
        <label className="an-check" title="Ports and very connected values (a shared address, a busy phone) make everything look connected">
          <input type="checkbox" checked={form.avoidHubs} onChange={(e) => set({ avoidHubs: e.target.checked, allowed: [] })} /> Avoid hubs
        </label>
        <label className="an-check" title="Each dated step no earlier than the one before: A met B before B met C">
          <input type="checkbox" checked={form.timeRespecting} onChange={(e) => set({ timeRespecting: e.target.checked })} /> In time order
        </label>
      </div>
      <LinkKindPicker avoid={form.avoidLinkKinds} onChange={(avoidLinkKinds) => set({ avoidLinkKinds })} />
      {error && <div className="error-box">{error}</div>}
      {result && result.hubsAvoided.length > 0 && (
        <div className="an-hubs" data-testid="hubs-avoided">
          <span className="small muted">Not passed through{result.hubDegree ? ` (hubs: ports and nodes with ${result.hubDegree}+ links)` : ''}:</span>
          {result.hubsAvoided.slice(0, 8).map((h) => (
            <span key={h.id} className="an-hub">
              <NodeChip node={h} max={22} />
              <span className="small muted">{h.degree}</span>
              <button className="link-btn" data-testid="hub-allow" onClick={() => allow(h)} disabled={busy}>allow this hub</button>
            </span>
          ))}
        </div>
      )}
      {result && !paths.length && !busy && (
        <div className="info-box" data-testid="path-none">{result.note ?? `No path within ${form.maxHops} hops.`}</div>
      )}
      <div className="an-results">
        {paths.map((p, i) => (
          <section key={i} className="an-result" data-testid="path-result">
            <header className="an-result-head">
              <b>Path {i + 1}</b>
              <span className="muted small">{plural(p.length, 'step')}</span>
              <span className="sb-grow" />
              <button className="btn btn-small" data-testid="path-add" onClick={() => add([p])}>Add path to board</button>
            </header>
            <PathChain path={p} />
          </section>
        ))}
      </div>
    </Dialog>
  );
}
