// The live preview: what the first rows make (counts by kind, a sketch, the lists), whether it
// is up to date, and why it could not run.
import type { KindDef } from '../../../../shared/model';
import { linkKindLabel } from '../../import-spec/kind-catalog';
import { headline, linkCounts, refusedFiles, schemaOf } from '../../import-spec/preview-summary';
import type { SpecProblem } from '../../import-spec/spec-check';
import { PREVIEW_ROWS, type WizardPreview } from '../../state/table-import-store';
import { PreviewLists } from './PreviewLists';
import { SchemaSketch } from './SchemaSketch';
import { specBadgeUri } from './kind-badge';

interface Props {
  preview: WizardPreview;
  problems: SpecProblem[];
  defs: readonly KindDef[];
  linkDefs: readonly KindDef[];
  onShowRow(file: string, line: number): void;
}

export function PreviewPanel({ preview, problems, defs, linkDefs, onShowRow }: Props) {
  const p = preview.result;
  const linkLabel = (k: string) => linkKindLabel(k, linkDefs);
  const stale = preview.status !== 'done';
  const kindLabel = (k: string, fallback: string) => defs.find((d) => d.kind === k)?.label ?? fallback;
  const schema = p ? schemaOf(p, kindLabel) : null;
  return (
    <section className="itw-preview" data-testid="preview-panel" aria-label="Preview">
      <div className="itw-preview-head">
        <strong>Preview</strong>
        {p && <span data-testid="preview-headline" className={stale ? 'muted' : ''}>{headline(p, PREVIEW_ROWS)}</span>}
        <span className="itw-status small" role="status" data-testid="preview-status">
          {preview.status === 'running' && <><span className="spinner small" aria-hidden="true" /> updating…</>}
          {preview.status === 'done' && 'up to date · nothing is kept until you import'}
        </span>
      </div>
      {preview.status === 'invalid' && problems.length > 0 && (
        <div className="error-box" data-testid="spec-problems">
          <strong>The spec has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}; the preview waits for {problems.length === 1 ? 'it' : 'them'}:</strong>
          <ul>{problems.map((x) => <li key={x.path}>{x.where}: {x.message} <span className="mono muted small">{x.path}</span></li>)}</ul>
        </div>
      )}
      {preview.status === 'failed' && <div className="error-box" data-testid="preview-error"><strong>The preview could not run.</strong> {preview.error}</div>}
      {p && refusedFiles(p).map((r) => (
        <div key={r.file} className="error-box" data-testid="preview-refused"><strong>{r.file} would be refused whole:</strong> {r.reason}</div>
      ))}
      {p ? (
        <div className={`itw-preview-body${stale ? ' stale' : ''}`}>
          <div className="itw-kinds">
            <ul className="itw-kind-counts" data-testid="preview-kinds">
              {schema!.nodes.map((k) => (
                <li key={k.kind} data-kind={k.kind}>
                  <img src={specBadgeUri(k.kind, defs)} width={18} height={18} alt="" />
                  <span className="itw-kc-label">{k.label}</span>
                  <span className="itw-kc-n">{k.count.toLocaleString('en-US')}</span>
                </li>
              ))}
              {linkCounts(p, linkLabel).map((l) => (
                <li key={l.kind} className="itw-kc-link" data-link-kind={l.kind}>
                  <span className="itw-kc-line" aria-hidden="true" />
                  <span className="itw-kc-label">{l.label}</span>
                  <span className="itw-kc-n">{l.count.toLocaleString('en-US')}</span>
                </li>
              ))}
            </ul>
            <SchemaSketch {...schema!} defs={defs} linkLabel={linkLabel} />
          </div>
          <PreviewLists preview={p} linkLabel={linkLabel} kindLabel={kindLabel} onShowRow={onShowRow} />
        </div>
      ) : (
        preview.status === 'running' && <p className="muted pad">Reading the first rows through the spec…</p>
      )}
    </section>
  );
}
