// Which link kinds a path may use: all ticked by default; unticked ones are avoided.
import { linkKindLabel, LINK_KINDS, type LinkKind } from '../../../../shared/model';

export function LinkKindPicker({ avoid, onChange }: { avoid: LinkKind[]; onChange: (avoid: LinkKind[]) => void }) {
  const off = new Set(avoid);
  const toggle = (k: LinkKind) => onChange(off.has(k) ? avoid.filter((x) => x !== k) : [...avoid, k]);
  return (
    <details className="an-kinds">
      <summary>
        Link kinds: {avoid.length ? `avoiding ${avoid.map((k) => linkKindLabel(k)).join(', ')}` : 'all'}
      </summary>
      <div className="an-kind-grid">
        {LINK_KINDS.map((k) => (
          <label key={k} className="an-check">
            <input type="checkbox" checked={!off.has(k)} onChange={() => toggle(k)} />
            {linkKindLabel(k)}
          </label>
        ))}
      </div>
      <div className="an-kind-actions">
        <button className="link-btn" onClick={() => onChange([])}>Use all</button>
        <button className="link-btn" onClick={() => onChange(['possibly_same'])}>Avoid possible matches</button>
      </div>
    </details>
  );
}
