// The timeline under the canvas: shown or not (remembered), the events of the board, and
// the brushed period that filters the canvas.
import type { TimelineItem } from '../../../shared/contract';
import { createStore } from './store';

export interface Period {
  /** Epoch milliseconds, from inclusive, to exclusive. */
  from: number;
  to: number;
}

export interface TimelineView {
  visible: boolean;
  /** What happens on the canvas to elements outside the brushed period. */
  outside: 'fade' | 'hide';
  brush: Period | null;
  items: TimelineItem[];
  truncated: boolean;
  loading: boolean;
  error: string | null;
  /** The board nodes the items were asked for, as a key, so the same ask is not repeated. */
  key: string;
  /** Nodes with events in the bar under the pointer, highlighted on the canvas. */
  hover: number[];
}

const VISIBLE_KEY = 'crosslink.timeline.visible';

function remembered(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(VISIBLE_KEY) === '1';
  } catch {
    return false;
  }
}

export const timelineStore = createStore<TimelineView>({
  visible: remembered(),
  outside: 'fade',
  brush: null,
  items: [],
  truncated: false,
  loading: false,
  error: null,
  key: '',
  hover: [],
});

export function setTimelineVisible(visible: boolean): void {
  timelineStore.set((t) => ({ ...t, visible, brush: visible ? t.brush : null, hover: [] }));
  try {
    localStorage.setItem(VISIBLE_KEY, visible ? '1' : '0');
  } catch {
    /* private mode: not remembered */
  }
}

export const toggleTimeline = (): void => setTimelineVisible(!timelineStore.get().visible);

export function setBrush(brush: Period | null): void {
  const b = brush && brush.to > brush.from ? brush : null;
  timelineStore.set((t) => ({ ...t, brush: b }));
}

export const setOutside = (outside: TimelineView['outside']): void => timelineStore.set((t) => ({ ...t, outside }));
export const setHover = (hover: number[]): void =>
  timelineStore.set((t) => (t.hover.length === 0 && hover.length === 0 ? t : { ...t, hover }));
