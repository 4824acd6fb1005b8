// One entity of a file part: its kind (or the kinds its label column maps to), its key, its
// label, and what it makes of each column.
import type { EntitySpec, MappableNodeKind, Normaliser } from '../../../../shared/import-spec';
import { NORMALISERS } from '../../../../shared/import-spec';
import type { KindDef } from '../../../../shared/model';
import { addToLabel, hasRecordKind, setColumnRole, setColumnValue, toggleKeyColumn } from '../../import-spec/column-roles';
import { setEntityKind, setKey, setLabelKind, setLabelTemplate, setOptional } from '../../import-spec/entity-edit';
import { isCustomKind } from '../../../../shared/model';
import { isRecordKind, kindHint, nodeKindLabel } from '../../import-spec/kind-catalog';
import { ColumnTable } from './ColumnTable';
import { KindPicker } from './KindPicker';
import { ValueKinds } from './ValueKinds';
import { specBadgeUri } from './kind-badge';
import { NORMALISER_LABEL } from './value-options';

interface Props {
  entity: EntitySpec;
  header: readonly string[];
  defs: readonly KindDef[];
  /** Labels of the kind column with how many rows carry each (graph exports). */
  labels: Array<{ value: string; count: number }>;
  badColumns: ReadonlySet<string>;
  /** Not the part's first entity: its column table lists the columns it uses. */
  secondary: boolean;
  onChange(next: EntitySpec): void;
  onDefine(def: KindDef): void;
  onRemove(): void;
}

export function EntityCard({ entity: e, header, defs, labels, badColumns, secondary, onChange, onDefine, onRemove }: Props) {
  const showsLabel = isCustomKind(e.kind) || e.kind === 'case' || !!e.kindFrom;
  const needsName = hasRecordKind(e) && (e.kind === 'subject' || Object.values(e.kindFrom?.map ?? {}).includes('subject')) && !e.fields.last_name && !e.fields.first_name;
  return (
    <section className="itw-card" data-testid="entity-card" aria-label={`Entity ${e.id}`}>
      <header className="itw-card-head">
        <img src={specBadgeUri(e.kind, defs)} width={22} height={22} alt="" />
        <KindPicker value={e.kind} defs={defs} testId="entity-kind" label={e.kindFrom ? 'Kind of rows without a label' : 'Kind'}
          onChange={(k) => onChange(setEntityKind(e, k as MappableNodeKind))} onDefine={onDefine} />
        <span className="muted small" title="The name links use for this entity">“{e.id}”</span>
        <button className="icon-btn itw-remove" aria-label={`Remove entity ${e.id}`} title="Remove this entity (and its links)" onClick={onRemove}>×</button>
      </header>
      <p className="itw-hint muted small">{e.kindFrom ? 'Each row’s kind is read from the label column; rows without a label take the kind above.' : kindHint(e.kind)}</p>
      {e.kindFrom && <LabelKinds entity={e} labels={labels} defs={defs} onChange={onChange} onDefine={onDefine} />}
      <div className="itw-line">
        <span className="itw-line-label">Key</span>
        <span className="itw-chips" data-testid="entity-key">
          {e.key.columns.length ? e.key.columns.map((c) => <span key={c} className="itw-chip">{c}</span>) : <span className="itw-warn">no key column: tick one below</span>}
        </span>
        <select className="itw-select itw-narrow" aria-label="Key normalised" value={e.key.normalise} onChange={(x) => onChange(setKey(e, { normalise: x.target.value as Normaliser }))}>
          {NORMALISERS.map((n) => <option key={n} value={n}>{NORMALISER_LABEL[n]}</option>)}
        </select>
      </div>
      {showsLabel && (
        <div className="itw-line">
          <span className="itw-line-label">Label</span>
          <input className="itw-input mono" data-testid="entity-label" value={e.label ?? ''} placeholder="the key" spellCheck={false}
            onChange={(x) => onChange(setLabelTemplate(e, x.target.value))} onKeyDown={(x) => x.key === 'Enter' && x.preventDefault()} />
          <select className="itw-select itw-narrow" aria-label="Add a column to the label" value="" onChange={(x) => x.target.value && onChange(setLabelTemplate(e, addToLabel(e.label, x.target.value)))}>
            <option value="">+ column</option>
            {header.map((h) => <option key={h} value={h}>{h}</option>)}
          </select>
        </div>
      )}
      {needsName && <div className="itw-warn-box">Map a column to <strong>Last name</strong> or <strong>First name</strong>: a person record is found and resolved by its name.</div>}
      <ColumnTable entity={e} header={header} badColumns={badColumns} compact={secondary}
        onRole={(c, r) => onChange(setColumnRole(e, c, r))} onValue={(c, p) => onChange(setColumnValue(e, c, p))} onKey={(c) => onChange(toggleKeyColumn(e, c, header))} />
      <label className="check itw-optional">
        <input type="checkbox" checked={e.optional} onChange={(x) => onChange(setOptional(e, x.target.checked))} />
        A row with an empty key makes no {isRecordKind(e.kind) ? nodeKindLabel(e.kind).toLowerCase() : 'entity here'} (instead of being rejected)
      </label>
    </section>
  );
}

/** What each label of a graph export's label column becomes. */
function LabelKinds({ entity: e, labels, defs, onChange, onDefine }: Pick<Props, 'entity' | 'labels' | 'defs' | 'onChange' | 'onDefine'>) {
  return (
    <ValueKinds column={e.kindFrom!.column} noun="Label" testId="label-kinds" values={labels} becomes={(value) => (
      <span className="itw-kind-cell">
        <img src={specBadgeUri(e.kindFrom!.map[value] ?? e.kind, defs)} width={18} height={18} alt="" />
        <KindPicker value={e.kindFrom!.map[value] ?? e.kind} defs={defs} testId={`label-kind-${value}`} label={`${value} becomes`}
          onChange={(k) => onChange(setLabelKind(e, value, k as MappableNodeKind))} onDefine={onDefine} />
      </span>
    )} />
  );
}
