// Coalesces frequent updates (pointer moves, pans) into at most one call per interval: the
// host closes a connection that sends more than ~60 frames a second for long.

export interface Throttled<T> {
  push(patch: Partial<T>): void;
  /** Sends what is pending now. */
  flush(): void;
  cancel(): void;
}

interface Timers {
  set(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clear(t: ReturnType<typeof setTimeout>): void;
}

// Wrapped: a browser's setTimeout called as a method of another object throws "Illegal invocation".
const TIMERS: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (t) => clearTimeout(t) };

export function throttle<T>(send: (patch: Partial<T>) => void, ms: number, timers: Timers = TIMERS): Throttled<T> {
  let pending: Partial<T> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const flush = () => {
    if (timer) timers.clear(timer);
    timer = null;
    if (!pending) return;
    const p = pending;
    pending = null;
    last = Date.now();
    send(p);
  };
  return {
    push(patch) {
      pending = { ...(pending ?? {}), ...patch };
      if (timer) return;
      const wait = Math.max(0, ms - (Date.now() - last));
      timer = timers.set(flush, wait);
    },
    flush,
    cancel() {
      if (timer) timers.clear(timer);
      timer = null;
      pending = null;
    },
  };
}
