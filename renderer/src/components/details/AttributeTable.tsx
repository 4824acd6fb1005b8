// Attributes with their handling and where each came from; a click shows the full provenance.
import { useState } from 'react';
import type { Attribute } from '../../../../shared/model';
import { HandlingBadge } from '../HandlingBadge';
import { ProvenanceFull, ProvenanceLine } from './ProvenanceLine';

const pretty = (name: string): string => name.replace(/_/g, ' ');

export function AttributeTable({ attributes }: { attributes: Attribute[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!attributes.length) return <p className="muted small">No attributes.</p>;
  return (
    <div className="attrs">
      {attributes.map((a, i) => (
        <div
          key={`${a.name}-${i}`}
          className={`attr-row${open === i ? ' open' : ''}`}
          data-testid="attr-row"
          onClick={() => setOpen(open === i ? null : i)}
          title="Click for the full provenance"
        >
          <div className="attr-line">
            <span className="attr-name">{pretty(a.name)}</span>
            <span className="attr-value">{a.value}</span>
            <HandlingBadge handling={a.handling} />
          </div>
          <ProvenanceLine p={a.provenance} />
          {open === i && <ProvenanceFull p={a.provenance} />}
        </div>
      ))}
    </div>
  );
}
