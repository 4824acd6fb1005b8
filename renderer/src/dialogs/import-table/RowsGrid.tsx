// The first rows of the part's file as the preview read them, with their line numbers; rows
// that would be rejected are red, the cell at fault darker, the reason on hover.
import { useEffect, useRef, useState } from 'react';
import type { FileSpec } from '../../../../shared/import-spec';
import type { SpecPreviewResult } from '../../../../shared/spec-schemas';
import { columnBadges, fileNote } from '../../import-spec/part-view';
import { rejectsByLine, shortReason } from '../../import-spec/preview-summary';

type PreviewFile = SpecPreviewResult['files'][number];

interface Props {
  part: FileSpec;
  files: PreviewFile[];
  header: readonly string[];
  preview: SpecPreviewResult | null;
  focus: { file: string; line: number } | null;
}

export function RowsGrid({ part, files, header, preview, focus }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  // A reject clicked in the preview shows its file; the analyst may pick another after.
  useEffect(() => {
    if (focus) setChosen(focus.file);
  }, [focus]);
  const file = files.find((f) => f.file === chosen) ?? files[0] ?? null;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || !box.current) return;
    const row = box.current.querySelector<HTMLElement>(`[data-line="${focus.line}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.classList.add('flash');
    const t = setTimeout(() => row?.classList.remove('flash'), 1200);
    return () => clearTimeout(t);
  }, [focus]);
  const cols = file?.header.length ? file.header : header;
  const badges = columnBadges(part, cols);
  const bad = rejectsByLine(preview, file?.file ?? '');
  return (
    <section className="itw-rows" data-testid="rows-grid" aria-label="First rows of the file">
      <div className="itw-rows-head">
        <strong>{file ? file.file : part.match}</strong>
        <span className="muted small">{file ? `first ${fileNote(file)}, as read` : 'not read yet'}</span>
        {files.length > 1 && (
          <select className="itw-select itw-narrow" aria-label="File of this part" value={file?.file} onChange={(e) => setChosen(e.target.value)}>
            {files.map((f) => <option key={f.file} value={f.file}>{f.file} ({fileNote(f)})</option>)}
          </select>
        )}
        {bad.size > 0 && <span className="itw-legend-bad small">{bad.size} rejected shown in red</span>}
      </div>
      <div className="itw-rows-scroll" ref={box}>
        <table className="itw-grid">
          <thead>
            <tr>
              <th className="ln">Line</th>
              {cols.map((h, i) => (
                <th key={`${i}-${h}`} className={badges[i]?.length ? '' : 'unused'}>
                  <div className="itw-colhead">{h}</div>
                  <div className="itw-colrole">{badges[i]?.join(' · ') || 'not imported'}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(file?.rows ?? []).map((r) => {
              const rejects = bad.get(r.line);
              const badCols = new Set((rejects ?? []).map((x) => (x.column === null ? -1 : cols.indexOf(x.column))));
              return (
                <tr key={r.line} data-line={r.line} className={rejects ? 'rejected' : ''} title={rejects?.map((x) => `Line ${r.line}: ${shortReason(x.reason)}`).join('\n')}>
                  <td className="ln">{r.line}</td>
                  {cols.map((_, i) => <td key={i} className={badCols.has(i) ? 'bad-cell' : ''}>{r.cells[i] ?? ''}</td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
        {file && !file.rows.length && <div className="muted pad">{file.refused ?? 'No rows after the header.'}</div>}
      </div>
    </section>
  );
}
