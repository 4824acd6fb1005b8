// The file parts of a spec (a graph export has one per node or relationship file): pick one to edit.
import type { ImportSpec } from '../../../../shared/import-spec';
import type { KindDef } from '../../../../shared/model';
import { partSummary } from '../../import-spec/part-view';

interface Props {
  spec: ImportSpec;
  current: number;
  defs: readonly KindDef[];
  /** Parts with rejects or a refusal in the preview. */
  troubled: ReadonlySet<number>;
  onSelect(p: number): void;
}

export function PartList({ spec, current, defs, troubled, onSelect }: Props) {
  if (spec.files.length < 2) return null;
  return (
    <nav className="itw-parts" aria-label="Files of the spec" data-testid="spec-parts">
      {spec.files.map((f, i) => (
        <button key={i} className={`itw-part${i === current ? ' current' : ''}${troubled.has(i) ? ' troubled' : ''}`} aria-current={i === current} onClick={() => onSelect(i)}>
          <span className="mono">{f.match}</span>
          <span className="muted small">{partSummary(f, defs)}</span>
        </button>
      ))}
    </nav>
  );
}
