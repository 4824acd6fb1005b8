import { useState } from 'react';
import type { Provenance } from '../../../../shared/model';
import { fmtInt } from '../../graph/format';
import { HandlingBadge } from '../HandlingBadge';
import { provenanceText } from './ProvenanceLine';

const FIRST = 30;

/** For derived values (a phone, a document): every row of the bundles that names it. */
export function Mentions({ mentions }: { mentions: Provenance[] }) {
  const [all, setAll] = useState(false);
  if (!mentions.length) return null;
  const shown = all ? mentions : mentions.slice(0, FIRST);
  return (
    <section className="dsec">
      <h3>
        Named in <span className="count-pill">{fmtInt(mentions.length)}</span> rows
      </h3>
      <ul className="mentions">
        {shown.map((m, i) => (
          <li key={i} title={provenanceText(m)}>
            <span className="mono">{m.file}:{m.line}</span>
            <span className="muted">{m.agency ?? '—'} · {m.exportId}</span>
            <HandlingBadge handling={m.handling} />
          </li>
        ))}
      </ul>
      {mentions.length > FIRST && (
        <button className="link-btn" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${fmtInt(mentions.length)}`}
        </button>
      )}
    </section>
  );
}
