// The wizard's body: the spec being edited (left), the part's first rows and the preview (right).
import { editSpec, focusRow, selectPart } from '../../actions/table-import-actions';
import { partFiles, partHeader } from '../../import-spec/part-view';
import { badColumnsByEntity } from '../../import-spec/preview-summary';
import type { TableImport } from '../../state/table-import-store';
import { PartEditor } from './PartEditor';
import { PartList } from './PartList';
import { PreviewPanel } from './PreviewPanel';
import { RowsGrid } from './RowsGrid';
import { SourceFields } from './SourceFields';
import { SpecFilePanel } from './SpecFilePanel';

export function MappingView({ w }: { w: TableImport }) {
  const spec = w.spec!;
  const p = Math.min(w.part, spec.files.length - 1);
  const result = w.preview.result;
  const header = partHeader(spec, p, result, w.inference);
  const files = partFiles(p, result);
  const defs = [...spec.kinds, ...w.caseKinds.nodes];
  const linkDefs = [...spec.linkKinds, ...w.caseKinds.links];
  const troubled = new Set((result?.files ?? []).filter((f) => f.refused || result?.rejects.some((r) => r.file === f.file)).map((f) => f.part));
  const badColumns = badColumnsByEntity(result, p, files.map((f) => f.file), spec.files[p].entities.length);
  const allColumns = [...new Set(spec.files.flatMap((_, i) => partHeader(spec, i, result, w.inference)))];
  return (
    <div className="itw">
      <aside className="itw-spec" aria-label="The spec">
        <SourceFields spec={spec} columns={allColumns} onEdit={editSpec} />
        {w.inference?.notes.map((n) => <div key={n} className="info-box small">{n}</div>)}
        {w.inference?.style === 'neo4j' && (
          <p className="muted small itw-intro">
            A neo4j export: each label became a custom kind and each relationship type a link kind. Switch a label to a Crosslink kind
            (Person → Person record, Phone → Phone) so it meets TECS data.
          </p>
        )}
        <PartList spec={spec} current={p} defs={defs} troubled={troubled} onSelect={selectPart} />
        <PartEditor spec={spec} p={p} header={header} inference={w.inference} caseKinds={w.caseKinds} badColumns={badColumns} onEdit={editSpec} />
      </aside>
      <div className="itw-data">
        <RowsGrid part={spec.files[p]} files={files} header={header} preview={result} focus={w.focus} />
        <PreviewPanel preview={w.preview} problems={w.problems} defs={defs} linkDefs={linkDefs} onShowRow={focusRow} />
      </div>
      {w.panel && <SpecFilePanel key={w.panel} mode={w.panel} specName={spec.name} specFile={w.specFile} loadError={w.loadError} />}
    </div>
  );
}
