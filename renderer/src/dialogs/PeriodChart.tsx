// A small bar chart of neighbours over time (the summary's byPeriod), as inline SVG.
import { bucketPeriods, type PeriodCount } from '../graph/periods';
import { fmtInt } from '../graph/format';

const W = 440;
const H = 120;
const PAD_B = 18;

export function PeriodChart({ periods }: { periods: PeriodCount[] }) {
  const { grain, bars } = bucketPeriods(periods, 60);
  if (!bars.length) return <p className="muted small">No dates on these links.</p>;
  const max = Math.max(...bars.map((b) => b.count));
  const step = W / bars.length;
  const bw = Math.max(1, step - (step > 6 ? 2 : 0.5));
  return (
    <figure className="period-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Neighbours per ${grain}`}>
        <line x1="0" x2={W} y1={H - PAD_B} y2={H - PAD_B} className="axis" />
        {bars.map((b, i) => {
          const h = ((H - PAD_B - 4) * b.count) / max;
          return (
            <rect key={b.period} x={i * step} y={H - PAD_B - h} width={bw} height={h} className={b.period === 'undated' ? 'pbar-undated' : 'pbar'}>
              <title>{`${b.period}: ${fmtInt(b.count)}`}</title>
            </rect>
          );
        })}
        <text x="0" y={H - 4} className="tick">{bars[0].period}</text>
        {bars.length > 1 && <text x={W} y={H - 4} className="tick" textAnchor="end">{bars.at(-1)!.period}</text>}
      </svg>
      <figcaption className="muted small">Neighbours per {grain} · busiest {grain}: {fmtInt(max)}</figcaption>
    </figure>
  );
}
