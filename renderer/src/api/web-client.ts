// The browser host's transport: contract calls as WebSocket frames, events pushed back.
import type { CallName, ContractClient, EventName, EventPayload, Input, Output, Result } from '../../../shared/contract';

type Waiter = (r: Result<unknown>) => void;

export function createWebClient(): ContractClient {
  const waiters = new Map<number, Waiter>();
  const handlers = new Map<string, Set<(p: unknown) => void>>();
  let seq = 0;
  let socket: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (socket) return socket;
    socket = new Promise((resolve, reject) => {
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${proto}//${location.host}/ws`);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('cannot reach the Crosslink host'));
      ws.onclose = () => {
        socket = null;
        for (const w of waiters.values()) w({ ok: false, error: { code: 'io_error', message: 'Connection to the Crosslink host was lost.' } });
        waiters.clear();
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
        if (msg.event) handlers.get(msg.event)?.forEach((h) => h(msg.payload));
        else if (typeof msg.id === 'number' && msg.result) {
          waiters.get(msg.id)?.(msg.result);
          waiters.delete(msg.id);
        }
      };
    });
    socket.catch(() => (socket = null));
    return socket;
  };

  return {
    async call<N extends CallName>(name: N, input: Input<N>): Promise<Result<Output<N>>> {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch (e) {
        return { ok: false, error: { code: 'io_error', message: (e as Error).message } };
      }
      const id = ++seq;
      return new Promise((resolve) => {
        waiters.set(id, resolve as Waiter);
        ws.send(JSON.stringify({ id, name, input }));
      });
    },
    on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
      void connect().catch(() => {});
      const set = handlers.get(name) ?? new Set();
      set.add(handler as (p: unknown) => void);
      handlers.set(name, set);
      return () => set.delete(handler as (p: unknown) => void);
    },
  };
}
