import type { Reject } from '../../../shared/contract';
import { fmtInt } from '../graph/format';

export function RejectsTable({ rejects, total }: { rejects: Reject[]; total: number }) {
  return (
    <>
      <h3>
        {rejects.length < total ? `First ${fmtInt(rejects.length)} of ${fmtInt(total)} rejected rows` : `Rejected rows (${fmtInt(total)})`}
      </h3>
      <div className="table-scroll">
        <table className="table rejects">
          <thead>
            <tr><th>File</th><th className="num">Line</th><th>Column</th><th>Reason</th></tr>
          </thead>
          <tbody>
            {rejects.map((x, i) => (
              <tr key={i}>
                <td className="mono">{x.file}</td>
                <td className="num mono">{x.line}</td>
                <td className="mono">{x.column ?? '—'}</td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
