// A certificate fingerprint ("AB:CD:…") that wraps between byte pairs, never inside one, so it
// reads like the one a browser shows.
import { Fragment } from 'react';

export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  const pairs = value.split(':');
  return (
    <code className="fingerprint" data-testid={testId}>
      {pairs.map((p, i) => (
        <Fragment key={i}>{p}{i < pairs.length - 1 && <>:<wbr /></>}</Fragment>
      ))}
    </code>
  );
}
