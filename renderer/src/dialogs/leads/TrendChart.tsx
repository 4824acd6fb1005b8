// Crossings per day, one row per port (small multiples sharing one day axis): bars scaled
// to the port's own busiest day, unusual days in red, weekends shaded. Hover for figures.
import { Fragment } from 'react';
import { fmtInt } from '../../graph/format';
import { barTip, dayTicks, isWeekend, rowBars, shortDay, type TrendRow } from './trend-model';

const W = 1060;
const LABEL_W = 250;
const RIGHT_W = 110;
const ROW_H = 38;
const BAR_H = 26;
const AXIS_H = 26;
const PLOT_W = W - LABEL_W - RIGHT_W;

export function TrendChart({ days, rows }: { days: string[]; rows: TrendRow[] }) {
  const H = rows.length * ROW_H + AXIS_H;
  const step = PLOT_W / Math.max(1, days.length);
  const ticks = dayTicks(days, 10);
  return (
    <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Crossings per day for each port; unusual days in red" data-testid="trend-chart">
      {days.map((d, i) => isWeekend(d) && <rect key={d} className="tc-weekend" x={LABEL_W + i * step} y={0} width={step} height={rows.length * ROW_H} />)}
      {rows.map((r, ri) => {
        const y0 = ri * ROW_H;
        const base = y0 + ROW_H - 5;
        const bars = rowBars(days, r, PLOT_W, BAR_H);
        return (
          <g key={r.port} className="tc-row" data-testid="trend-row">
            {ri > 0 && <line className="tc-sep" x1={0} x2={W} y1={y0} y2={y0} />}
            <text className="tc-label" x={0} y={y0 + 16}>{r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}<title>{`${r.label} (${r.port})`}</title></text>
            <text className="tc-sub" x={0} y={y0 + 31}>port {r.port} · {fmtInt(r.total)} crossings</text>
            <line className="tc-base" x1={LABEL_W} x2={LABEL_W + PLOT_W} y1={base} y2={base} />
            {bars.map((b) => (
              <Fragment key={b.day}>
                {b.anomaly && <rect className="tc-anomaly-band" x={LABEL_W + b.x - 1} y={y0 + 3} width={b.w + 2} height={ROW_H - 6} rx={2} />}
                <rect className={b.anomaly ? 'tc-bar anomaly' : 'tc-bar'} x={LABEL_W + b.x} y={base - b.h} width={b.w} height={b.h} data-testid={b.anomaly ? 'trend-anomaly' : undefined} />
                {b.anomaly && b.count === 0 && <path className="tc-zero" d={`M${LABEL_W + b.x + b.w / 2} ${base - 8} l5 8 h-10 z`} />}
                {/* A full-height target so thin bars are easy to hover. */}
                <rect className="tc-hit" x={LABEL_W + b.x - (step - b.w) / 2} y={y0} width={step} height={ROW_H}><title>{barTip(r.label, b)}</title></rect>
              </Fragment>
            ))}
            <text className="tc-peak" x={W - RIGHT_W + 12} y={y0 + 16}>peak {fmtInt(r.peak)}/day</text>
            {r.anomalies.length > 0 && <text className="tc-flag" x={W - RIGHT_W + 12} y={y0 + 31}>{r.anomalies.length} unusual</text>}
          </g>
        );
      })}
      <g className="tc-axis">
        <line className="tc-base" x1={LABEL_W} x2={LABEL_W + PLOT_W} y1={rows.length * ROW_H} y2={rows.length * ROW_H} />
        {ticks.map((i) => (
          <text key={days[i]} className="tc-tick" x={LABEL_W + i * step + step / 2} y={rows.length * ROW_H + 17} textAnchor="middle">{shortDay(days[i])}</text>
        ))}
      </g>
    </svg>
  );
}
