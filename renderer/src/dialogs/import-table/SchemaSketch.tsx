// A small picture of what the import makes: its kinds as badges with counts, the link kinds
// between them as lines. The kind most links touch sits on the left, the others in a column
// on the right, so each line and its label has room. SVG from the preview, no layout engine.
import type { KindDef } from '../../../../shared/model';
import type { SchemaEdge, SchemaNode } from '../../import-spec/preview-summary';
import { specBadgeUri } from './kind-badge';

interface Props {
  nodes: SchemaNode[];
  edges: SchemaEdge[];
  defs: readonly KindDef[];
  linkLabel(kind: string): string;
}

const W = 296;
const ROW = 30;
const MAX = 7;

/** The kind with the most link ends (ties: the most entities). */
function hubOf(nodes: SchemaNode[], edges: SchemaEdge[]): string {
  const degree = (k: string) => edges.filter((e) => e.from === k || e.to === k).length;
  return [...nodes].sort((a, b) => degree(b.kind) - degree(a.kind) || b.count - a.count)[0].kind;
}

export function SchemaSketch({ nodes, edges, defs, linkLabel }: Props) {
  if (!nodes.length) return null;
  const hub = hubOf(nodes, edges);
  const others = nodes.filter((n) => n.kind !== hub).slice(0, MAX - 1);
  const h = Math.max(110, others.length * ROW + 24);
  const at = new Map<string, { x: number; y: number }>([[hub, { x: 46, y: h / 2 - 6 }]]);
  others.forEach((n, i) => at.set(n.kind, { x: W - 118, y: h / 2 - ((others.length - 1) * ROW) / 2 + i * ROW }));
  const hubNode = nodes.find((n) => n.kind === hub)!;
  return (
    <svg className="itw-sketch" viewBox={`0 0 ${W} ${h}`} width={W} height={h} role="img" aria-label="What the import makes" data-testid="schema-sketch">
      {edges.map((e) => {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) return null;
        const key = `${e.from}|${e.kind}|${e.to}`;
        const label = `${linkLabel(e.kind)} (${e.count.toLocaleString('en-US')})`;
        if (e.from === e.to) {
          return (
            <g key={key}>
              <circle cx={a.x} cy={a.y - 20} r={14} className="itw-sketch-edge" />
              <text x={a.x} y={a.y - 38} className="itw-sketch-elabel" textAnchor="middle">{label}</text>
            </g>
          );
        }
        // The label sits on the line, nearer the far end, where the lines have spread apart.
        const t = 0.58;
        return (
          <g key={key}>
            <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="itw-sketch-edge" />
            <text x={a.x + (b.x - a.x) * t} y={a.y + (b.y - a.y) * t - 3} className="itw-sketch-elabel" textAnchor="middle">{label}</text>
          </g>
        );
      })}
      <image href={specBadgeUri(hub, defs)} x={46 - 15} y={h / 2 - 6 - 15} width={30} height={30} />
      <text x={46} y={h / 2 + 24} className="itw-sketch-label" textAnchor="middle">{hubNode.label}</text>
      <text x={46} y={h / 2 + 36} className="itw-sketch-count" textAnchor="middle">{hubNode.count.toLocaleString('en-US')}</text>
      {others.map((n) => {
        const p = at.get(n.kind)!;
        return (
          <g key={n.kind}>
            <image href={specBadgeUri(n.kind, defs)} x={p.x - 12} y={p.y - 12} width={24} height={24} />
            <text x={p.x + 16} y={p.y + 4} className="itw-sketch-label">{n.label} <tspan className="itw-sketch-count">{n.count.toLocaleString('en-US')}</tspan></text>
          </g>
        );
      })}
    </svg>
  );
}
