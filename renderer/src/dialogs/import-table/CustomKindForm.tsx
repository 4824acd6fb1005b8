// A custom kind's label, colour and icon. A new kind's id comes from its label (x.slug);
// editing a kind's look keeps its id, so what the case already holds stays that kind.
import { useState } from 'react';
import { KIND_COLOURS, defaultKindColour, guessIcon } from '../../../../shared/import-spec';
import { KIND_ICONS, customKindOf, type KindDef, type KindIcon } from '../../../../shared/model';
import { ICON_GLYPHS, badgeSvg, dataUri } from '../../icons/glyphs';

interface Props {
  link: boolean;
  initial?: KindDef;
  onSave(def: KindDef): void;
  onCancel(): void;
}

export function CustomKindForm({ link, initial, onSave, onCancel }: Props) {
  const [label, setLabel] = useState(initial?.label ?? '');
  const [colour, setColour] = useState<string | null>(initial?.colour ?? null);
  const [icon, setIcon] = useState<KindIcon | null>(initial?.icon ?? null);
  const kind = initial?.kind ?? customKindOf(label || 'other');
  const shownColour = colour ?? defaultKindColour(kind);
  const shownIcon = icon ?? (link ? 'tag' : guessIcon(label));
  const ok = label.trim().length > 0;
  const save = () => ok && onSave({ kind, label: label.trim(), colour: shownColour, icon: shownIcon, ...(link ? { directed: initial?.directed ?? true } : {}) });
  return (
    <div className="itw-kindform" data-testid="custom-kind-form" data-own-escape
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}>
      <label className="itw-field">
        <span>{link ? 'Link label' : 'Kind label'}</span>
        <input data-testid="custom-kind-label" value={label} maxLength={80} autoFocus placeholder={link ? 'e.g. works for' : 'e.g. Company'}
          onChange={(e) => setLabel(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
      </label>
      <div className="itw-field">
        <span>Colour</span>
        <div className="itw-colours" role="radiogroup" aria-label="Colour">
          {KIND_COLOURS.map((c) => (
            <button key={c} type="button" role="radio" aria-checked={shownColour === c} className={`itw-colour${shownColour === c ? ' chosen' : ''}`}
              style={{ background: c }} title={c} onClick={() => setColour(c)} />
          ))}
        </div>
      </div>
      {!link && (
        <div className="itw-field">
          <span>Icon</span>
          <div className="itw-icons" role="radiogroup" aria-label="Icon">
            {KIND_ICONS.map((i) => (
              <button key={i} type="button" role="radio" aria-checked={shownIcon === i} className={`itw-icon${shownIcon === i ? ' chosen' : ''}`} title={i} onClick={() => setIcon(i)}>
                <img src={dataUri(badgeSvg(ICON_GLYPHS[i], shownColour))} width={20} height={20} alt={i} />
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="itw-kindform-foot">
        <span className="muted small mono">{kind}</span>
        <button className="btn btn-small" onClick={onCancel}>Cancel</button>
        <button className="btn btn-small btn-primary" data-testid="custom-kind-save" disabled={!ok} onClick={save}>{initial ? 'Apply' : 'Add kind'}</button>
      </div>
    </div>
  );
}
