// The contract's session calls, over the session manager (asked for lazily: the backend's
// handler table is built before its constructor runs).
import type { CallName, Output, ParsedInput } from '../../../shared/contract';
import { caller } from '../access/caller';
import type { CaseStore } from '../db/client';
import type { SessionManager } from './manager';

type SessionCall = Extract<CallName, `session.${string}`>;
export type SessionHandlers = { [N in SessionCall]: (input: ParsedInput<N>) => Promise<Output<N>> };

export function sessionHandlers(sessions: () => SessionManager, store: () => CaseStore): SessionHandlers {
  return {
    'session.host': async (i) => sessions().start(i),
    'session.status': async () => sessions().status(),
    // The one being hosted now is not interrupted.
    'session.interrupted': async () => (await store().query('session.unended', undefined)).filter((s) => s.id !== sessions().active?.id),
    'session.admit': async (i) => sessions().admit(i.ticket),
    'session.deny': async (i) => sessions().deny(i.ticket),
    'session.remove': async (i) => sessions().remove(i.participant),
    'session.end': async () => ({ ended: await sessions().end() }),
    'session.self': async () => sessions().self(caller()?.participant),
    'session.elements': async (i) => store().query('session.elements', { nodes: i.nodes, links: i.links }),
  };
}
