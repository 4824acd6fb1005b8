// Who a contract call is answered for when it is not the workstation's own analyst: a review
// session's participant, whose calls the host's backend answers under their profile. Carried
// through the call's async work (AsyncLocalStorage), so every worker query and audit entry
// made on the call's behalf takes that profile without being handed it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Profile } from '../../../shared/model';

/** A session participant's profile, and their id in the session. */
export interface Caller extends Profile {
  participant?: string;
}

const store = new AsyncLocalStorage<Caller>();

export function asCaller<T>(profile: Caller, fn: () => T): T {
  return store.run(profile, fn);
}

export function caller(): Caller | undefined {
  return store.getStore();
}
