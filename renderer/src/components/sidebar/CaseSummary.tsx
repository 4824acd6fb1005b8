import { fmtDate, fmtInt } from '../../graph/format';
import { useStore } from '../../hooks/useStore';
import { kindLook, orderKinds } from '../../icons/kinds';
import { caseStore } from '../../state/case-store';
import { KindIcon } from '../KindIcon';

export function CaseSummary() {
  const { info, stats } = useStore(caseStore);
  if (!info) return null;
  const counts = new Map(stats?.nodes.map((n) => [n.kind, n.count]) ?? []);
  // Custom kinds (import specs) are listed after the built-in ones, in their own look.
  const kinds = orderKinds([...counts.keys()].filter((k) => counts.get(k)));
  const links = stats?.links.reduce((s, l) => s + l.count, 0) ?? info.counts.links;
  return (
    <section className="side-section">
      <h2>Case</h2>
      <div className="case-card">
        <div className="case-card-name">{info.name}</div>
        <div className="muted small">Created {fmtDate(info.createdAt)} · {fmtInt(info.counts.nodes)} nodes · {fmtInt(links)} links</div>
      </div>
      {kinds.length ? (
        <ul className="kind-counts">
          {kinds.map((k) => (
            <li key={k}>
              <KindIcon kind={k} size={18} />
              <span className="kc-label">{kindLook(k).label}</span>
              <span className="kc-count">{fmtInt(counts.get(k)!)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">The case is empty. Use File › Import bundle… for a TECS export, or File › Import table… for a spreadsheet or graph export.</p>
      )}
    </section>
  );
}
