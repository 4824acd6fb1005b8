import type { Provenance } from '../../../../shared/model';
import { fmtDate, fmtDateTime } from '../../graph/format';

export function provenanceText(p: Provenance): string {
  return [
    `Export: ${p.exportId}`,
    `File: ${p.file}, line ${p.line}`,
    `Agency: ${p.agency ?? 'unknown'}`,
    `Handling: ${p.handling}`,
    `Loaded: ${fmtDateTime(p.loadedAt)}`,
  ].join('\n');
}

/** export_id · file:line · agency · loaded date; the whole record in the tooltip. */
export function ProvenanceLine({ p }: { p: Provenance }) {
  return (
    <div className="prov" data-testid="provenance" title={provenanceText(p)}>
      <span className="mono">{p.exportId}</span> · <span className="mono">{p.file}:{p.line}</span> · {p.agency ?? '—'} · {fmtDate(p.loadedAt)}
    </div>
  );
}

export function ProvenanceFull({ p }: { p: Provenance }) {
  return (
    <dl className="prov-full">
      <dt>Export</dt><dd className="mono">{p.exportId}</dd>
      <dt>File</dt><dd className="mono">{p.file}, line {p.line}</dd>
      <dt>Agency</dt><dd>{p.agency ?? 'unknown'}</dd>
      <dt>Handling</dt><dd>{p.handling}</dd>
      <dt>Loaded</dt><dd>{fmtDateTime(p.loadedAt)}</dd>
    </dl>
  );
}
