// The histogram itself, in SVG: bars per bin, the selection's share in blue, the brush as
// an amber band. Drag to brush, click a bar to brush that bin, hover to light its entities.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { setBrush, setHover, type Period } from '../../state/timeline-store';
import { fmtInt } from '../../graph/format';
import { fmtTime, snap, type Histogram as H } from './timeline-bins';

const HEIGHT = 100;
const AXIS = 16;
const PAD = 8;

export function Histogram({ h, brush }: { h: H; brush: Period | null }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);
  const [hoverBin, setHoverBin] = useState<number | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth)));
    ro.observe(el);
    setWidth(Math.max(200, el.clientWidth));
    return () => ro.disconnect();
  }, []);
  useEffect(() => () => setHover([]), []);

  const span = h.to - h.from;
  const inner = width - 2 * PAD;
  const xOf = (t: number) => PAD + ((t - h.from) / span) * inner;
  const tOf = (x: number) => h.from + ((Math.min(Math.max(x, PAD), width - PAD) - PAD) / inner) * span;
  const max = Math.max(1, ...h.bins.map((b) => b.count));
  const plot = HEIGHT - AXIS;
  const yOf = (n: number) => plot - (n / max) * (plot - 6);
  const localX = (e: PointerEvent) => e.clientX - (box.current?.getBoundingClientRect().left ?? 0);
  const binAt = (x: number) => {
    const t = tOf(x);
    const i = h.bins.findIndex((b) => t >= b.from && t < b.to);
    return i < 0 ? null : i;
  };

  const onDown = (e: PointerEvent) => {
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const x = localX(e);
    setDrag({ x0: x, x1: x });
  };
  const onMove = (e: PointerEvent) => {
    const x = localX(e);
    if (drag) setDrag({ ...drag, x1: x });
    const i = binAt(x);
    if (i !== hoverBin) {
      setHoverBin(i);
      setHover(i == null || drag ? [] : h.bins[i].nodes);
    }
  };
  const onUp = () => {
    if (!drag) return;
    const { x0, x1 } = drag;
    setDrag(null);
    if (Math.abs(x1 - x0) < 3) {
      // A click: brush the bar under the pointer, or clear when it is already the brush.
      const i = binAt(x0);
      if (i == null) return;
      const b = h.bins[i];
      setBrush(brush && brush.from === b.from && brush.to === b.to ? null : { from: b.from, to: b.to });
      return;
    }
    setBrush(snap({ from: tOf(x0), to: tOf(x1) }, h.unit));
  };
  const onLeave = () => {
    setHoverBin(null);
    setHover([]);
  };

  const live = drag && Math.abs(drag.x1 - drag.x0) >= 3 ? snap({ from: tOf(drag.x0), to: tOf(drag.x1) }, h.unit) : null;
  const band = live ?? brush;
  const ticks = tickBins(h, inner);
  const hb = hoverBin != null ? h.bins[hoverBin] : null;
  return (
    <div className="tl-chart" ref={box} data-testid="timeline-chart">
      <svg width={width} height={HEIGHT} onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerLeave={onLeave} role="img"
        aria-label="Events over time; drag to choose a period">
        <rect x={0} y={0} width={width} height={plot} className="tl-bg" />
        {band && <rect className="tl-band" x={xOf(band.from)} y={0} width={Math.max(2, xOf(band.to) - xOf(band.from))} height={plot} />}
        {h.bins.map((b, i) => {
          if (!b.count) return null;
          const x = xOf(b.from);
          const w = Math.max(1, xOf(b.to) - x - (inner / h.bins.length > 4 ? 1 : 0));
          const outside = band && (b.to <= band.from || b.from >= band.to);
          return (
            <g key={b.from} className={outside ? 'tl-out' : ''}>
              <rect className={`tl-bar${i === hoverBin ? ' hover' : ''}`} x={x} y={yOf(b.count)} width={w} height={plot - yOf(b.count)} />
              {b.selected > 0 && <rect className="tl-bar-sel" x={x} y={yOf(b.selected)} width={w} height={plot - yOf(b.selected)} />}
            </g>
          );
        })}
        <line className="tl-axis" x1={PAD} x2={width - PAD} y1={plot + 0.5} y2={plot + 0.5} />
        {ticks.map((t, i) => (
          <g key={t}>
            <line className="tl-axis" x1={xOf(t)} x2={xOf(t)} y1={plot} y2={plot + 4} />
            <text className="tl-tick" x={xOf(t)} y={HEIGHT - 3} textAnchor={i === 0 ? 'start' : 'middle'}>{fmtTime(t, h.unit === 'hour' ? 'hour' : h.unit === 'month' ? 'month' : 'day')}</text>
          </g>
        ))}
        <text className="tl-max" x={PAD + 2} y={11}>{fmtInt(max)}</text>
      </svg>
      {hb && !drag && (
        <div className="tl-tip" style={{ left: Math.min(width - 180, Math.max(0, xOf(hb.from) - 40)) }}>
          {fmtTime(hb.from, h.unit)} · {fmtInt(hb.count)} event{hb.count === 1 ? '' : 's'}{hb.selected ? ` (${hb.selected} selected)` : ''}
        </div>
      )}
    </div>
  );
}

/** About one label per 110 px, on bin starts. */
function tickBins(h: H, inner: number): number[] {
  const every = Math.max(1, Math.ceil(h.bins.length / Math.max(1, Math.floor(inner / 110))));
  return h.bins.filter((_, i) => i % every === 0).map((b) => b.from);
}
