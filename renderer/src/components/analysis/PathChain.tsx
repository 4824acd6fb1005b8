// One path, explained: node —link (date)— node as a chain of chips, then each step with
// its source row (export · file:line), agency and handling, and the records it goes through.
import type { GraphPath } from '../../../../shared/contract';
import { linkKindLabel } from '../../../../shared/model';
import { fmtDate } from '../../graph/format';
import { NodeChip } from './NodeChip';

export function PathChain({ path }: { path: GraphPath }) {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  // Person labels carry " · 5 records"; the step list reads better with the name alone.
  const name = (id: number): string => (byId.get(id)?.label ?? `#${id}`).split(' · ')[0];
  return (
    <div className="an-path">
      <div className="an-chain" data-testid="path-chain">
        {path.nodes.map((n, i) => {
          const step = path.links[i];
          return (
            <span key={`${n.id}-${i}`} className="an-chain-part">
              <NodeChip node={n} max={30} short />
              {step && (
                <span className="an-link" title={step.detail ?? step.label}>
                  <span className="an-link-line" />
                  <span className="an-link-text">{linkKindLabel(step.kind)}{step.at ? ` (${fmtDate(step.at)})` : ''}</span>
                  <span className="an-link-line" />
                </span>
              )}
            </span>
          );
        })}
      </div>
      <ol className="an-steps">
        {path.links.map((s, i) => (
          <li key={`${s.linkId}-${i}`} data-testid="path-step">
            <span className="an-step-what">
              {name(s.from)} <span className="an-arrow">—{s.label || linkKindLabel(s.kind)}→</span> {name(s.to)}
              {s.at && <span className="muted"> · {fmtDate(s.at)}</span>}
              {s.detail && <span className="muted"> · {s.detail}</span>}
            </span>
            <span className="an-step-src small" data-testid="path-source">
              {s.provenance ? (
                <>
                  <span className="mono">{s.provenance.exportId} · {s.provenance.file}:{s.provenance.line}</span>
                  {' · '}{s.provenance.agency ?? '—'}{s.provenance.handling !== 'SHARED' && <b className={`an-hb an-hb-${s.provenance.handling}`}> {s.provenance.handling}</b>}
                </>
              ) : (
                <span className="muted">derived by Crosslink (no single source row)</span>
              )}
              {s.via.length > 0 && <span className="muted"> · via {s.via.map((v) => v.sourceId ?? v.label).join(', ')}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
