// Coalesces frequent updates (pointer moves, pans) into at most one call per interval: the
// host closes a connection that sends more than ~60 frames a second for long.

export interface Throttled<T> {
  push(patch: Partial<T>): void;
  /** Sends what is pending now. */
  flush(): void;
  cancel(): void;
}

export function throttle<T>(send: (patch: Partial<T>) => void, ms: number, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout }): Throttled<T> {
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
