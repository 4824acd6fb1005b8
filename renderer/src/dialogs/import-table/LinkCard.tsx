// One link of a file part: its kind (or what each value of a type column becomes), its two
// ends, its date and the columns kept on it.
import type { FileSpec, LinkSpec, MappableLinkKind } from '../../../../shared/import-spec';
import type { KindDef } from '../../../../shared/model';
import { nodeKindLabel } from '../../import-spec/kind-catalog';
import { encodeEndpoint, setEndpoint, setLinkAt, setLinkAtFormat, setLinkKind, setLinkOptional, setTypeKind, toggleLinkAttribute, typeKind } from '../../import-spec/link-edit';
import { KindPicker } from './KindPicker';
import { ValueKinds } from './ValueKinds';
import { DATE_FORMATS } from './value-options';

interface Props {
  link: LinkSpec;
  part: FileSpec;
  header: readonly string[];
  defs: readonly KindDef[];
  linkDefs: readonly KindDef[];
  types: Array<{ value: string; count: number }>;
  onChange(next: LinkSpec): void;
  onDefine(def: KindDef): void;
  onRemove(): void;
}

export function LinkCard({ link: l, part, header, defs, linkDefs, types, onChange, onDefine, onRemove }: Props) {
  const ends = [
    ...part.entities.map((e) => ({ value: `entity:${e.id}`, label: `${nodeKindLabel(e.kind, defs)} “${e.id}” of the row` })),
    ...header.map((h) => ({ value: `column:${h}`, label: `Key in column ${h}` })),
  ];
  const used = new Set([l.kindFrom?.column, l.at?.column, ...[l.from, l.to].map((ep) => ('column' in ep ? ep.column : undefined))]);
  const spare = header.filter((h) => !used.has(h));
  const end = (which: 'from' | 'to') => (
    <select className="itw-select" aria-label={`Link ${which}`} data-testid={`link-${which}`} value={encodeEndpoint(l[which])} onChange={(e) => onChange(setEndpoint(l, which, e.target.value))}>
      {!ends.some((x) => x.value === encodeEndpoint(l[which])) && <option value={encodeEndpoint(l[which])}>{encodeEndpoint(l[which])}</option>}
      {ends.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
    </select>
  );
  return (
    <section className="itw-card itw-link" data-testid="link-card">
      <header className="itw-card-head">
        <span className="itw-link-icon" aria-hidden="true">↔</span>
        <KindPicker value={l.kind} defs={linkDefs} link testId="link-kind" label={l.kindFrom ? 'Link kind of rows without a type' : 'Link kind'}
          onChange={(k) => onChange(setLinkKind(l, k as MappableLinkKind))} onDefine={onDefine} />
        <button className="icon-btn itw-remove" aria-label="Remove this link" title="Remove this link" onClick={onRemove}>×</button>
      </header>
      {l.kindFrom && (
        <ValueKinds column={l.kindFrom.column} noun="Type" testId="type-kinds" values={types} becomes={(value) => (
          <KindPicker value={typeKind(l, value)} defs={linkDefs} link testId={`type-kind-${value}`} label={`${value} becomes`}
            onChange={(k) => onChange(setTypeKind(l, value, k as MappableLinkKind))} onDefine={onDefine} />
        )} />
      )}
      <div className="itw-line"><span className="itw-line-label">From</span>{end('from')}</div>
      <div className="itw-line"><span className="itw-line-label">To</span>{end('to')}</div>
      <div className="itw-line">
        <span className="itw-line-label">Date</span>
        <select className="itw-select" aria-label="Link date column" value={l.at?.column ?? ''} onChange={(e) => onChange(setLinkAt(l, e.target.value || null))}>
          <option value="">No date</option>
          {header.map((h) => <option key={h} value={h}>{h}</option>)}
        </select>
        {l.at && (
          <>
            <input className="itw-input mono itw-narrow" aria-label="Link date format" list="itw-formats-link" value={l.at.format ?? ''} placeholder="iso"
              onChange={(e) => onChange(setLinkAtFormat(l, { format: e.target.value }))} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
            <datalist id="itw-formats-link">{DATE_FORMATS.map((f) => <option key={f} value={f} />)}</datalist>
          </>
        )}
      </div>
      <div className="itw-line">
        <span className="itw-line-label">Keeps</span>
        <span className="itw-chips">
          {l.attributes.map((a) => (
            <button key={a.column} className="itw-chip removable" title="Stop keeping this column on the link" onClick={() => onChange(toggleLinkAttribute(l, a.column))}>{a.column} ×</button>
          ))}
          {spare.length > 0 && (
            <select className="itw-select itw-narrow" aria-label="Keep a column on the link" value="" onChange={(e) => e.target.value && onChange(toggleLinkAttribute(l, e.target.value))}>
              <option value="">+ column</option>
              {spare.filter((h) => !l.attributes.some((a) => a.column === h)).map((h) => <option key={h} value={h}>{h}</option>)}
            </select>
          )}
        </span>
      </div>
      <label className="check itw-optional">
        <input type="checkbox" checked={l.optional} onChange={(e) => onChange(setLinkOptional(l, e.target.checked))} />
        A row with an empty end makes no link (instead of being rejected)
      </label>
    </section>
  );
}
