// Trends: crossings per port per day, the busiest ports first, days unusual for a port
// (against its own median) in red and listed below the chart.
import { useState } from 'react';
import { api } from '../../api/client';
import { useQuery } from '../../hooks/useQuery';
import { fmtDate, plural } from '../../graph/format';
import { closeDialog } from '../../state/ui-store';
import { Dialog } from '../Dialog';
import { TrendChart } from './TrendChart';
import { anomalyText, portsByVolume, trendSummary, unusualDays, shortDay } from './trend-model';

const TOPS = [8, 12, 24, 50];
const THRESHOLDS: Array<[number, string]> = [[2.5, 'sensitive (z ≥ 2.5)'], [3.5, 'usual (z ≥ 3.5)'], [5, 'only extremes (z ≥ 5)']];

export function TrendsDialog() {
  const [top, setTop] = useState(12);
  const [threshold, setThreshold] = useState(3.5);
  const q = useQuery(`${top} ${threshold}`, () => api('trends.ports', { top, threshold }));
  const rows = q.data ? portsByVolume(q.data.ports) : [];
  const sum = q.data ? trendSummary(q.data.days, q.data.ports) : null;
  const unusual = q.data ? unusualDays(q.data.ports) : [];
  return (
    <Dialog title="Trends: crossings per port per day" onClose={closeDialog} size="large" testId="trends-dialog"
      footer={<><span className="foot-note small muted">Bars are scaled to each port’s busiest day; hover a day for its count, median and z.</span><button className="btn btn-primary" onClick={closeDialog}>Close</button></>}>
      <div className="trend-bar">
        <label>Ports <select value={top} onChange={(e) => setTop(Number(e.target.value))} data-testid="trend-top">
          {TOPS.map((t) => <option key={t} value={t}>busiest {t}</option>)}
        </select></label>
        <label>Flag days <select value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} data-testid="trend-threshold">
          {THRESHOLDS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select></label>
        <span className="trend-legend small"><span className="lg lg-bar" /> crossings <span className="lg lg-anom" /> unusual for the port <span className="lg lg-wkd" /> weekend</span>
      </div>
      {q.error && <div className="error-box">{q.error}</div>}
      {q.loading && !q.data && <p className="muted">Counting crossings…</p>}
      {sum && (
        <p className="trend-summary" data-testid="trend-summary">
          {sum.from ? <>{plural(sum.ports, 'port')} from {fmtDate(sum.from)} to {fmtDate(sum.to)} ({plural(q.data!.days.length, 'day')}). </> : 'No crossings in this case yet. '}
          {sum.anomalies ? <b className="bad">{plural(sum.anomalies, 'unusual day')} at {plural(sum.portsWithAnomalies, 'port')}.</b> : sum.from ? 'No unusual days at this threshold.' : ''}
        </p>
      )}
      {q.data && rows.length > 0 && <div className="trend-scroll"><TrendChart days={q.data.days} rows={rows} /></div>}
      {unusual.length > 0 && (
        <>
          <h3>Unusual days</h3>
          <ul className="trend-unusual" data-testid="trend-unusual">
            {unusual.slice(0, 30).map((a) => (
              <li key={`${a.port} ${a.day}`}><span className="tu-day">{shortDay(a.day)}</span> <b>{a.label}</b> <span className="muted">{anomalyText(a)}</span></li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
