// What each value of a kind column becomes (a graph export's :LABEL or :TYPE): the value,
// how many rows carry it, and a picker. Shared by entity and link cards.
import type { ReactNode } from 'react';

interface Props {
  column: string;
  /** `Label` or `Type`, for the header. */
  noun: string;
  testId: string;
  values: ReadonlyArray<{ value: string; count: number }>;
  becomes(value: string): ReactNode;
}

export function ValueKinds({ column, noun, testId, values, becomes }: Props) {
  if (!values.length) return null;
  return (
    <table className="itw-map" data-testid={testId}>
      <thead><tr><th>{noun} in {column}</th><th className="num">Rows</th><th>Becomes</th></tr></thead>
      <tbody>
        {values.map((v) => (
          <tr key={v.value}>
            <td className="mono">{v.value}</td>
            <td className="num">{v.count ? v.count.toLocaleString('en-US') : ''}</td>
            <td>{becomes(v.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
