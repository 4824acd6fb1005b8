// The columns of a table as one entity uses them: in its key or not, and what each becomes
// (a TECS field, an attribute, the identifier's value, its date), read as which type.
import { useState } from 'react';
import type { EntitySpec, Normaliser, ValueSpec, ValueType } from '../../../../shared/import-spec';
import { NORMALISERS, VALUE_TYPES } from '../../../../shared/import-spec';
import { columnUses, decodeRole, encodeRole, fieldChoices, roleChoices, type ColumnRole } from '../../import-spec/column-roles';
import { fieldLabel } from '../../import-spec/kind-catalog';
import { DATE_FORMATS, NORMALISER_LABEL, NUMBER_FORMATS, TYPE_LABEL, isDated } from './value-options';

interface Props {
  entity: EntitySpec;
  header: readonly string[];
  /** Columns a reject of the preview names (shown in red). */
  badColumns: ReadonlySet<string>;
  onRole(column: string, role: ColumnRole): void;
  onValue(column: string, patch: Partial<Pick<ValueSpec, 'type' | 'format' | 'normalise'>>): void;
  onKey(column: string): void;
  /** Only the columns the entity uses, until asked for all (an entity made of one column). */
  compact?: boolean;
}

export function ColumnTable({ entity, header, badColumns, onRole, onValue, onKey, compact = false }: Props) {
  const [all, setAll] = useState(!compact);
  const every = columnUses(entity, header);
  const uses = all ? every : every.filter((u) => u.key || u.kindFrom || u.role.type !== 'none' || badColumns.has(u.column));
  const hidden = every.length - uses.length;
  const roles = roleChoices(entity);
  const fields = fieldChoices(entity);
  return (
    <table className="itw-cols" data-testid="column-table">
      <thead>
        <tr><th title="Part of the identity: rows with the same key are one entity">Key</th><th>Column</th><th>Becomes</th><th>Read as</th><th /></tr>
      </thead>
      <tbody>
        {uses.map((u) => (
          <tr key={u.column} className={`${u.role.type === 'none' && !u.key ? 'unused' : ''}${badColumns.has(u.column) ? ' bad' : ''}`} data-column={u.column}>
            <td><input type="checkbox" aria-label={`${u.column} is part of the key`} checked={u.key} onChange={() => onKey(u.column)} /></td>
            <td className="itw-colname" title={u.column}>{u.column}{u.kindFrom && <span className="itw-tag">kind</span>}</td>
            <td>
              <select className="itw-select" aria-label={`${u.column} becomes`} value={encodeRole(u.role)} onChange={(e) => onRole(u.column, decodeRole(e.target.value))}>
                <optgroup label="Use">
                  {roles.map((r) => <option key={r.value} value={r.value}>{r.value === 'none' && u.key ? 'Key only' : r.label}</option>)}
                </optgroup>
                {fields.length > 0 && (
                  <optgroup label="TECS field">
                    {fields.map((f) => <option key={f} value={`field:${f}`}>{fieldLabel(f)}</option>)}
                  </optgroup>
                )}
              </select>
            </td>
            <td>
              {u.value && (
                <select className="itw-select" aria-label={`${u.column} read as`} value={u.value.type} onChange={(e) => onValue(u.column, { type: e.target.value as ValueType })}>
                  {VALUE_TYPES.map((t) => <option key={t} value={t}>{TYPE_LABEL[t]}</option>)}
                </select>
              )}
            </td>
            <td>{u.value && <HowRead column={u.column} value={u.value} onValue={onValue} />}</td>
          </tr>
        ))}
        {(hidden > 0 || (compact && all)) && (
          <tr>
            <td colSpan={5}>
              <button className="link-btn small" onClick={() => setAll(!all)}>
                {all ? 'Show only the columns used' : `Show the ${hidden} other column${hidden === 1 ? '' : 's'}`}
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Dates and numbers take a format; text takes a normaliser. */
function HowRead({ column, value, onValue }: { column: string; value: ValueSpec; onValue: Props['onValue'] }) {
  if (isDated(value.type) || value.type === 'int' || value.type === 'float') {
    const list = isDated(value.type) ? DATE_FORMATS : NUMBER_FORMATS;
    const id = `itw-formats-${isDated(value.type) ? 'date' : 'number'}`;
    return (
      <>
        <input className="itw-input mono" aria-label={`${column} format`} list={id} value={value.format ?? ''} spellCheck={false}
          placeholder={isDated(value.type) ? 'iso' : '1,234.5'} onChange={(e) => onValue(column, { format: e.target.value })}
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
        <datalist id={id}>{list.map((f) => <option key={f} value={f} />)}</datalist>
      </>
    );
  }
  if (value.type === 'boolean') return null;
  return (
    <select className="itw-select" aria-label={`${column} normalised`} value={value.normalise} onChange={(e) => onValue(column, { normalise: e.target.value as Normaliser })}>
      {NORMALISERS.map((n) => <option key={n} value={n}>{NORMALISER_LABEL[n]}</option>)}
    </select>
  );
}
