// A kind picker: Crosslink's records and identifiers, the custom kinds the spec and the case
// know, and "Custom kind…" which asks for a label, a colour and an icon.
import { useState } from 'react';
import type { KindDef } from '../../../../shared/model';
import { linkKindChoices, nodeKindChoices, type KindChoice } from '../../import-spec/kind-catalog';
import { CustomKindForm } from './CustomKindForm';

const NEW = '__new__';

interface Props {
  value: string;
  defs: readonly KindDef[];
  link?: boolean;
  onChange(kind: string): void;
  /** A new custom kind, or a new look for one (same kind). */
  onDefine(def: KindDef): void;
  testId?: string;
  label?: string;
}

function groups(choices: KindChoice[]): Array<[string, KindChoice[]]> {
  const m = new Map<string, KindChoice[]>();
  for (const c of choices) m.set(c.group, [...(m.get(c.group) ?? []), c]);
  return [...m];
}

export function KindPicker({ value, defs, link = false, onChange, onDefine, testId, label }: Props) {
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const choices = link ? linkKindChoices(defs) : nodeKindChoices(defs);
  const known = choices.some((c) => c.value === value);
  const own = defs.find((d) => d.kind === value);
  return (
    <div className="itw-kind">
      <div className="itw-kind-row">
        <select className="itw-select" data-testid={testId} aria-label={label ?? (link ? 'Link kind' : 'Kind')} value={value}
          onChange={(e) => (e.target.value === NEW ? setForm('new') : onChange(e.target.value))}>
          {!known && <option value={value}>{value}</option>}
          {groups(choices).map(([g, cs]) => (
            <optgroup key={g} label={g}>
              {cs.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </optgroup>
          ))}
          <option value={NEW}>{link ? 'Custom link kind…' : 'Custom kind…'}</option>
        </select>
        {own && !form && (
          <button className="btn btn-small" title="Label, colour and icon of this kind" onClick={() => setForm('edit')}>
            <span className="itw-swatch" style={{ background: own.colour }} /> Look…
          </button>
        )}
      </div>
      {form && (
        <CustomKindForm
          link={link}
          initial={form === 'edit' ? own : undefined}
          onCancel={() => setForm(null)}
          onSave={(def) => {
            setForm(null);
            onDefine(def);
            onChange(def.kind);
          }}
        />
      )}
    </div>
  );
}
