// What the Analyse menu does: put paths, connections and co-travellers on the board as one
// undoable command each, ask the backend for metrics of what is shown, and read the
// agencies the agency filter needs. Paths, metrics and co-travel are all computed there.
import type { BoardSlice, CotravelPair, GraphPath, Metric } from '../../../shared/contract';
import type { Agency, Handling, LinkRef, NodeRef } from '../../../shared/model';
import { api } from '../api/client';
import { cachedApi } from '../api/query-cache';
import { placePath } from '../components/analysis/path-layout';
import { addCommand } from '../graph/commands';
import { hiddenBy, type FilterSpec } from '../graph/filters';
import { fmtDate, plural, truncate } from '../graph/format';
import { boardStore, runCommand } from '../graph/graph-store';
import { boardSignature } from '../graph/metric-style';
import type { Pos } from '../graph/types';
import { analysisStore, metricActive, rememberAgencies, setFilters, setHighlight, setMetricStyling } from '../state/analysis-store';
import { requestCanvas } from '../state/canvas-bus';
import { toast, toastError } from '../state/toasts';
import { setBusy, uiStore } from '../state/ui-store';

const positionsOf = (): Map<number, Pos> => new Map([...boardStore.get().graph.nodes].map(([id, n]) => [id, n.pos]));

/** Adds a slice (nodes + links from the backend) as one undoable step, then highlights and shows it. */
function addSlice(slice: BoardSlice, chains: number[][], label: string, highlightLabel: string): void {
  const graph = boardStore.get().graph;
  const known = positionsOf();
  const placed = new Map<number, Pos>();
  for (const chain of chains) {
    const around = new Map([...known, ...placed]);
    for (const [id, p] of placePath(around, chain)) placed.set(id, p);
  }
  const rest = slice.nodes.map((n) => n.id);
  for (const [id, p] of placePath(new Map([...known, ...placed]), [], rest, slice.links)) placed.set(id, p);
  const cmd = addCommand(graph, slice.nodes, slice.links, placed, label);
  runCommand(cmd);
  const nodes = [...new Set(slice.nodes.map((n) => n.id))];
  setHighlight({ nodes, links: slice.links.map((l) => l.id), label: highlightLabel });
  requestCanvas({ type: 'focus', select: [], context: nodes });
  if (!cmd) toast('info', 'Already on the canvas', 'Everything of this path is on the board; it is highlighted.');
}

/** A person's label without its " · 5 records". */
const nameOf = (n: { label: string } | undefined): string => truncate((n?.label ?? '?').split(' · ')[0], 24);
const ends = (p: GraphPath): string => `${nameOf(p.nodes[0])} → ${nameOf(p.nodes[p.nodes.length - 1])}`;

export function addPathsToBoard(paths: GraphPath[]): void {
  if (!paths.length) return;
  const slice: BoardSlice = { nodes: paths.flatMap((p) => p.board.nodes), links: paths.flatMap((p) => p.board.links) };
  const what = paths.length === 1 ? `path ${ends(paths[0])}` : `${paths.length} paths ${ends(paths[0])}`;
  const hops = paths.length === 1 ? ` (${plural(paths[0].length, 'step')})` : '';
  addSlice(slice, paths.map((p) => p.nodes.map((n) => n.id)), `Add ${what}`, `${what}${hops}`);
}

/** Analyse > Connect selected: the union of short paths joining the selected nodes. */
export async function connectSelected(): Promise<void> {
  const ids = uiStore.get().selection.nodes;
  if (ids.length < 2) {
    toast('info', 'Select two or more nodes', 'Shift-click or drag a box around the nodes to connect, then Analyse > Connect selected.');
    return;
  }
  if (ids.length > 100) {
    toast('info', 'Too many nodes selected', `Connect works on up to 100 nodes; ${ids.length} are selected.`);
    return;
  }
  setBusy(`Connecting ${ids.length} nodes…`);
  try {
    const r = await api('graph.connect', { ids });
    const joined = r.pairs.filter((p) => p.length !== null).length;
    if (!r.board.nodes.length || !joined) {
      toast('info', 'No connection found', r.note ?? 'None of the selected nodes are connected within the hop limit, avoiding hubs.');
      return;
    }
    addSlice(r.board, [], `Connect ${ids.length} nodes`, `Connection of ${ids.length} selected nodes`);
    const missing = r.pairs.length - joined;
    toast('success', `Connected ${joined} of ${plural(r.pairs.length, 'pair')}`, [missing ? `${missing} not connected within the limits.` : '', r.note ?? ''].filter(Boolean).join(' '));
  } catch (e) {
    toastError('Could not connect the selection', e);
  } finally {
    setBusy(null);
  }
}

const STRICTER: Record<Handling, number> = { SHARED: 0, LES: 1, ORCON: 2 };

/** A co-travel pair as a board link between the two persons. */
export function cotravelLink(p: CotravelPair): LinkRef {
  return {
    id: p.linkId,
    kind: 'travelled_with',
    source: p.a.id,
    target: p.b.id,
    label: `travelled together ${p.count}× (${fmtDate(p.first)} – ${fmtDate(p.last)})`,
    at: p.last,
    handling: STRICTER[p.a.handling] >= STRICTER[p.b.handling] ? p.a.handling : p.b.handling,
  };
}

export function addCotravelPairs(pairs: CotravelPair[]): void {
  if (!pairs.length) return;
  const slice: BoardSlice = { nodes: pairs.flatMap((p) => [p.a, p.b]), links: pairs.map(cotravelLink) };
  const label = pairs.length === 1 ? `${nameOf(pairs[0].a)} & ${nameOf(pairs[0].b)}` : `${pairs.length} co-traveller pairs`;
  addSlice(slice, pairs.map((p) => [p.a.id, p.b.id]), `Add ${label}`, `Travelled together: ${label}`);
}

/** The board as shown (filters applied), as the metrics call wants it. */
export function shownBoard(): { nodes: number[]; links: Array<[number, number]> } {
  const { graph } = boardStore.get();
  const a = analysisStore.get();
  const hidden = hiddenBy(graph, a.filters, (id) => a.agencies.get(id));
  const nodes = [...graph.nodes.keys()].filter((id) => !hidden.nodes.has(id));
  const links = [...graph.links.values()].filter((l) => !hidden.links.has(l.ref.id)).map((l): [number, number] => [l.ref.source, l.ref.target]);
  return { nodes, links };
}

let metricSeq = 0;

/** Asks the backend for the scores of the shown board, unless they are already for it. */
export async function refreshMetrics(force = false): Promise<void> {
  const board = shownBoard();
  const sig = boardSignature(board.nodes, board.links);
  const cur = analysisStore.get().metric;
  if (!force && cur.computedFor === sig && cur.result) return;
  if (!board.nodes.length) {
    setMetricStyling({ result: null, computedFor: sig, loading: false });
    return;
  }
  const seq = ++metricSeq;
  setMetricStyling({ loading: true });
  try {
    const result = await api('graph.metrics', board);
    if (seq === metricSeq) setMetricStyling({ result, computedFor: sig, loading: false });
  } catch (e) {
    if (seq === metricSeq) setMetricStyling({ loading: false });
    toastError('Could not compute the metrics', e);
  }
}

export async function styleByMetric(sizeBy: Metric | null, colourByCommunity: boolean): Promise<void> {
  if (!boardStore.get().graph.nodes.size) {
    toast('info', 'The canvas is empty', 'Metrics are computed on what is on the board: add some nodes first.');
    return;
  }
  setMetricStyling({ sizeBy, colourByCommunity });
  if (metricActive(analysisStore.get().metric)) await refreshMetrics();
}

/** Agencies that entered a node: from the provenance of its attributes and mentions. */
async function agenciesOf(id: number): Promise<Agency[]> {
  const d = await cachedApi('graph.node', { id });
  const set = new Set<Agency>();
  for (const a of d.attributes) if (a.provenance.agency) set.add(a.provenance.agency);
  for (const m of d.mentions) if (m.agency) set.add(m.agency);
  return [...set];
}

/** Sets the filters; the agency filter first reads the agencies of the board's nodes it does not know yet. */
export async function applyFilters(spec: FilterSpec): Promise<void> {
  if (spec.agencies.length) {
    const known = analysisStore.get().agencies;
    const todo = [...boardStore.get().graph.nodes.keys()].filter((id) => !known.has(id));
    if (todo.length) {
      setBusy(`Reading the agencies of ${plural(todo.length, 'node')}…`);
      try {
        const found = new Map<number, Agency[]>();
        for (let i = 0; i < todo.length; i += 8) {
          const batch = todo.slice(i, i + 8);
          const got = await Promise.all(batch.map((id) => agenciesOf(id).catch(() => [] as Agency[])));
          batch.forEach((id, k) => found.set(id, got[k]));
        }
        rememberAgencies(found);
      } finally {
        setBusy(null);
      }
    }
  }
  setFilters(spec);
}

/** Nodes the agency filter has not looked at yet (added after it was set). */
export function missingAgencies(): number[] {
  const { agencies, filters } = analysisStore.get();
  if (!filters.agencies.length) return [];
  return [...boardStore.get().graph.nodes.keys()].filter((id) => !agencies.has(id));
}

export function nodeOnBoard(id: number): NodeRef | null {
  return boardStore.get().graph.nodes.get(id)?.ref ?? null;
}
