// The preview's entities, links and rejected rows, one tab each. A rejected row names its
// file, line, column and reason (with the spec field); clicking it shows the row in the grid.
import { useState } from 'react';
import type { SpecPreviewResult } from '../../../../shared/spec-schemas';
import { derivedIdentifiers, shortReason } from '../../import-spec/preview-summary';
import { fmtInt } from '../../graph/format';

type Tab = 'rejects' | 'entities' | 'links';

interface Props {
  preview: SpecPreviewResult;
  linkLabel(kind: string): string;
  kindLabel(kind: string, fromPreview: string): string;
  onShowRow(file: string, line: number): void;
}

export function PreviewLists({ preview: p, linkLabel, kindLabel, onShowRow }: Props) {
  const [picked, setPicked] = useState<Tab | null>(null);
  const tab: Tab = picked ?? (p.rejects.length ? 'rejects' : 'entities');
  const derived = [...derivedIdentifiers(p)].reduce((n, [, ids]) => n + ids.size, 0);
  const tabs: Array<[Tab, string, number]> = [
    ['rejects', 'Rejected rows', p.counts.rejects],
    ['entities', 'Entities', p.counts.entities + derived],
    ['links', 'Links', p.counts.links],
  ];
  return (
    <div className="itw-lists">
      <div className="itw-tabs" role="tablist">
        {tabs.map(([t, label, n]) => (
          <button key={t} role="tab" aria-selected={tab === t} data-testid={`preview-tab-${t}`} className={`itw-tab${tab === t ? ' current' : ''}${t === 'rejects' && n ? ' bad' : ''}`} onClick={() => setPicked(t)}>
            {label} <span className="count-pill">{fmtInt(n)}</span>
          </button>
        ))}
      </div>
      <div className="itw-list-scroll">
        {tab === 'rejects' && (
          p.rejects.length ? (
            <table className="table" data-testid="preview-rejects">
              <thead><tr><th>File</th><th className="num">Line</th><th>Column</th><th>Reason</th></tr></thead>
              <tbody>
                {p.rejects.map((r, i) => (
                  <tr key={i} className="itw-click" onClick={() => onShowRow(r.file, r.line)} title="Show this row in the grid">
                    <td className="mono">{r.file}</td>
                    <td className="num mono">{r.line}</td>
                    <td className="mono">{r.column ?? '—'}</td>
                    <td>
                      {shortReason(r.reason)}
                      {r.reason.startsWith('$') && <div className="muted small mono itw-path">{r.reason.slice(0, r.reason.indexOf(':'))}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="muted pad">No row of the preview is rejected.</p>
        )}
        {tab === 'entities' && (
          <table className="table" data-testid="preview-entities">
            <thead><tr><th>Kind</th><th>Label</th><th>Key</th><th className="num">Line</th><th /></tr></thead>
            <tbody>
              {p.entities.map((e) => (
                <tr key={e.id}>
                  <td>{kindLabel(e.kind, e.kindLabel)}</td>
                  <td>{e.label}</td>
                  <td className="mono small">{e.key}</td>
                  <td className="num mono">{e.line ?? ''}</td>
                  <td>{e.isNew ? '' : <span className="status" title="The case already holds it: the import links to it">in case</span>}</td>
                </tr>
              ))}
            </tbody>
            {derived > 0 && (
              <tfoot>
                <tr><td colSpan={5} className="muted small">and {fmtInt(derived)} phones, emails, documents or addresses from the records’ fields (their links are under Links)</td></tr>
              </tfoot>
            )}
          </table>
        )}
        {tab === 'links' && (
          <table className="table" data-testid="preview-links">
            <thead><tr><th>From</th><th>Link</th><th>To</th><th className="num">Line</th></tr></thead>
            <tbody>
              {p.links.map((l, i) => (
                <tr key={i}>
                  <td>{l.sourceLabel}</td>
                  <td className="muted">{linkLabel(l.kind)}</td>
                  <td>{l.targetLabel}</td>
                  <td className="num mono">{l.line ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
