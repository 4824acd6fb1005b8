// One file part: which files it reads, its entities and its links, and "make an entity of a column".
import type { FileSpec, ImportSpec } from '../../../../shared/import-spec';
import type { KindDef } from '../../../../shared/model';
import { addEntityFromColumn } from '../../import-spec/entity-edit';
import { addLink } from '../../import-spec/link-edit';
import { partValues } from '../../import-spec/part-view';
import { removeEntity, removeLink, setPartOptions, updateEntity, updateLink, updatePart, upsertKindDef } from '../../import-spec/spec-edit';
import type { SpecInference } from '../../../../shared/spec-schemas';
import { EntityCard } from './EntityCard';
import { LinkCard } from './LinkCard';

interface Props {
  spec: ImportSpec;
  p: number;
  header: readonly string[];
  inference: SpecInference | null;
  caseKinds: { nodes: KindDef[]; links: KindDef[] };
  /** Per entity, the columns the preview rejects rows for. */
  badColumns: ReadonlyArray<ReadonlySet<string>>;
  onEdit(edit: (s: ImportSpec) => ImportSpec): void;
}

const noEnter = (e: React.KeyboardEvent) => e.key === 'Enter' && e.preventDefault();

export function PartEditor({ spec, p, header, inference, caseKinds, badColumns, onEdit }: Props) {
  const part = spec.files[p];
  if (!part) return null;
  const defs = [...spec.kinds, ...caseKinds.nodes];
  const linkDefs = [...spec.linkKinds, ...caseKinds.links];
  const values = partValues(part, inference);
  const editPart = (fn: (f: FileSpec) => FileSpec) => onEdit((s) => updatePart(s, p, fn));
  const xlsx = /\.xlsx$/i.test(part.match) || part.format === 'xlsx';
  return (
    <div className="itw-part-editor" data-testid="part-editor">
      <details className="itw-file-options">
        <summary>
          File <span className="mono">{part.match}</span> <span className="muted small">· header on row {part.headerRow}</span>
        </summary>
        <div className="itw-grid2">
          <label className="itw-field">
            <span>Reads files named</span>
            <input className="itw-input mono" value={part.match} onChange={(e) => editPart((f) => setPartOptions(f, { match: e.target.value }))} onKeyDown={noEnter} />
          </label>
          <label className="itw-field">
            <span>Header row</span>
            <input className="itw-input" type="number" min={1} max={1000} value={part.headerRow} onChange={(e) => editPart((f) => setPartOptions(f, { headerRow: Number(e.target.value) }))} onKeyDown={noEnter} />
          </label>
          {xlsx ? (
            <label className="itw-field">
              <span>Worksheet</span>
              <input className="itw-input" value={part.sheet ?? ''} placeholder="the first" onChange={(e) => editPart((f) => setPartOptions(f, { sheet: e.target.value }))} onKeyDown={noEnter} />
            </label>
          ) : (
            <label className="itw-field">
              <span>Separator</span>
              <select className="itw-select" value={part.delimiter ?? ''} onChange={(e) => editPart((f) => setPartOptions(f, { delimiter: e.target.value || null }))}>
                <option value="">By the file name (, or tab)</option>
                <option value=",">Comma ,</option>
                <option value=";">Semicolon ;</option>
                <option value={'\t'}>Tab</option>
                <option value="|">Bar |</option>
              </select>
            </label>
          )}
        </div>
        <p className="muted small">A name or a pattern with * and ?: the same spec reads the next export whose files are named alike.</p>
      </details>

      <h3 className="itw-h">Entities <span className="count-pill">{part.entities.length}</span></h3>
      {part.entities.map((e, i) => (
        <EntityCard key={`${i}-${e.id}`} entity={e} header={header} defs={defs} labels={e.kindFrom ? values : []} badColumns={badColumns[i] ?? new Set()} secondary={i > 0}
          onChange={(next) => onEdit((s) => updateEntity(s, p, i, () => next))}
          onDefine={(d) => onEdit((s) => upsertKindDef(s, d, false))}
          onRemove={() => editPart((f) => removeEntity(f, i))} />
      ))}
      <label className="itw-add">
        <span>+ Make an entity of column</span>
        <select className="itw-select" data-testid="add-entity" aria-label="Make an entity of column" value="" onChange={(e) => e.target.value && onEdit((s) => addEntityFromColumn(s, p, e.target.value))}>
          <option value="">choose a column…</option>
          {header.map((h) => <option key={h} value={h}>{h}</option>)}
        </select>
      </label>

      <h3 className="itw-h">Links <span className="count-pill">{part.links.length}</span></h3>
      {part.links.length === 0 && <p className="muted small">No link from this file. A person record’s phone, email, address and document fields are linked to it by themselves.</p>}
      {part.links.map((l, i) => (
        <LinkCard key={i} link={l} part={part} header={header} defs={defs} linkDefs={linkDefs} types={l.kindFrom ? values : []}
          onChange={(next) => onEdit((s) => updateLink(s, p, i, () => next))}
          onDefine={(d) => onEdit((s) => upsertKindDef(s, d, true))}
          onRemove={() => editPart((f) => removeLink(f, i))} />
      ))}
      <button className="btn btn-small" data-testid="add-link" onClick={() => editPart((f) => addLink(f, header))}>+ Add link</button>
    </div>
  );
}
