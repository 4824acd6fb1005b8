// A node as a chip: kind icon, label, and its source id in the tooltip.
import type { NodeRef } from '../../../../shared/model';
import { truncate } from '../../graph/format';
import { kindLook } from '../../icons/kinds';
import { KindIcon } from '../KindIcon';

/** `short`: the name alone, without the " · 5 records" a person's label carries. */
export function NodeChip({ node, max = 34, short = false }: { node: Pick<NodeRef, 'kind' | 'label' | 'sourceId' | 'handling'>; max?: number; short?: boolean }) {
  const text = short ? node.label.split(' · ')[0] : node.label;
  const title = `${kindLook(node.kind).label}: ${node.label}${node.sourceId ? ` (${node.sourceId})` : ''}${node.handling !== 'SHARED' ? ` · ${node.handling}` : ''}`;
  return (
    <span className={`an-chip an-h-${node.handling}`} title={title} data-testid="node-chip">
      <KindIcon kind={node.kind} size={16} />
      <span className="an-chip-label">{truncate(text || node.sourceId || '?', max)}</span>
    </span>
  );
}
