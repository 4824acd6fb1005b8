import { useState } from 'react';
import type { NodeKind } from '../../../../shared/model';
import { boardStore } from '../../graph/graph-store';
import { useStore } from '../../hooks/useStore';
import { HANDLING_LOOK } from '../../icons/handling';
import { kindLook, orderKinds } from '../../icons/kinds';
import { lockBadgeUri } from '../../graph/marks-look';
import { KindIcon } from '../KindIcon';

function kindCounts(nodes: ReadonlyMap<number, { ref: { kind: NodeKind } }>): Map<NodeKind, number> {
  const m = new Map<NodeKind, number>();
  for (const n of nodes.values()) m.set(n.ref.kind, (m.get(n.ref.kind) ?? 0) + 1);
  return m;
}

/** Bottom-left: the kinds on the board, and what the rings and dashes mean. */
export function Legend() {
  const nodes = useStore(boardStore, (b) => b.graph.nodes);
  const [collapsed, setCollapsed] = useState(false);
  if (!nodes.size) return null;
  const counts = kindCounts(nodes);
  const partly = [...nodes.values()].some((n) => n.ref.pointer && n.ref.kind !== 'pointer');
  return (
    <div className={`legend${collapsed ? ' collapsed' : ''}`} data-testid="legend">
      <button className="legend-title" onClick={() => setCollapsed(!collapsed)} aria-expanded={!collapsed}>
        Legend <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
      </button>
      {!collapsed && (
        <>
          <ul className="legend-kinds">
            {orderKinds(counts.keys()).map((k) => (
              <li key={k}>
                <KindIcon kind={k} size={16} />
                <span>{kindLook(k).label}</span>
                <span className="muted">{counts.get(k)}</span>
              </li>
            ))}
          </ul>
          <div className="legend-sep" />
          <div className="legend-caption">Ring = handling</div>
          <ul className="legend-rings">
            {(['SHARED', 'LES', 'ORCON'] as const).map((h) => (
              <li key={h} title={HANDLING_LOOK[h].meaning}>
                <span className="ring" style={{ borderColor: HANDLING_LOOK[h].ring, borderWidth: Math.max(2, HANDLING_LOOK[h].width - 1) }} />
                <span>{h}</span>
              </li>
            ))}
            <li title="A relation an agency reported (family, associate, employer…), not a fact of one record">
              <span className="dash" />
              <span>reported</span>
            </li>
            {partly && (
              <li title="Some of this entity's records are withheld from you under handling rules: hover or select it to see who holds them">
                <img src={lockBadgeUri} width={16} height={16} alt="" />
                <span>partly withheld</span>
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
