// The timeline under the canvas: events of the board's entities over time as a histogram.
// Drag across it to brush a period (the canvas fades the rest); selected entities' events
// are drawn in blue; hovering a bar lights its entities on the canvas.
import { useMemo } from 'react';
import { fmtInt, plural } from '../../graph/format';
import { useStore } from '../../hooks/useStore';
import { caseStore } from '../../state/case-store';
import { setBrush, setOutside, setTimelineVisible, timelineStore } from '../../state/timeline-store';
import { uiStore } from '../../state/ui-store';
import { Histogram } from './Histogram';
import { fmtPeriod, histogram, inPeriod, UNIT_LABEL } from './timeline-bins';

export function TimelinePanel() {
  const hasCase = useStore(caseStore, (c) => !!c.info);
  const t = useStore(timelineStore);
  const selectedIds = useStore(uiStore, (u) => u.selection.nodes);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const h = useMemo(() => histogram(t.items, selected), [t.items, selected]);
  if (!hasCase || !t.visible) return null;
  const entities = new Set(t.items.map((i) => i.nodeId)).size;
  const brushed = t.brush && h ? inPeriod(t.items, t.brush) : null;
  const selCount = h ? h.bins.reduce((a, b) => a + b.selected, 0) : 0;
  return (
    <section className="timeline" data-testid="timeline" aria-label="Timeline">
      <header className="tl-head">
        <h2>Timeline</h2>
        {h ? (
          <span className="tl-sum muted small" data-testid="timeline-summary">
            <span title={fmtPeriod({ from: h.from, to: h.to }, h.unit)}>{plural(h.dated, 'event')} · {plural(entities, 'entity', 'entities')} · {UNIT_LABEL[h.unit]}</span>
            {t.truncated && ' · first events only'}
            {selected.size > 0 && <span className="tl-sel"> · {fmtInt(selCount)} of the selection</span>}
          </span>
        ) : (
          <span className="tl-sum muted small">{t.loading ? 'Reading events…' : ''}</span>
        )}
        <span className="tl-spacer" />
        {brushed && t.brush && h && (
          <span className="tl-brush-info" data-testid="timeline-brush">
            <b>{fmtPeriod(t.brush, h.unit)}</b> · {plural(brushed.count, 'event')} · {plural(brushed.nodes.size, 'entity', 'entities')}
          </span>
        )}
        {t.brush && (
          <>
            <div className="seg" role="group" aria-label="Outside the period">
              <button className={t.outside === 'fade' ? 'on' : ''} onClick={() => setOutside('fade')} title="Elements outside the period fade">Fade</button>
              <button className={t.outside === 'hide' ? 'on' : ''} onClick={() => setOutside('hide')} title="Elements outside the period are hidden">Hide</button>
            </div>
            <button className="btn btn-small" data-testid="timeline-clear" onClick={() => setBrush(null)} title="Show the whole board again">Clear</button>
          </>
        )}
        <button className="icon-btn" aria-label="Hide timeline" title="Hide timeline (T)" onClick={() => setTimelineVisible(false)}>×</button>
      </header>
      <div className="tl-body">
        {t.error ? (
          <p className="tl-empty error-text">Could not read the events: {t.error}</p>
        ) : h ? (
          <Histogram h={h} brush={t.brush} />
        ) : (
          <p className="tl-empty muted">
            {t.loading ? 'Reading the events of the board…' : t.key ? 'No dated events (crossings, encounters) for the entities on the board.' : 'Put entities on the board to see their crossings over time.'}
          </p>
        )}
      </div>
    </section>
  );
}
