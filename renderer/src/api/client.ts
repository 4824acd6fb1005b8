// The one client every renderer module uses. Electron's preload exposes `window.crosslink`;
// in the browser host the same contract travels over WebSocket.
import type { CallName, ContractClient, Input, Output } from '../../../shared/contract';
import { createWebClient } from './web-client';

declare global {
  interface Window {
    crosslink?: ContractClient;
  }
}

export const client: ContractClient = window.crosslink ?? createWebClient();

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the contract and throws a readable error on failure. */
export async function api<N extends CallName>(name: N, input: Input<N>): Promise<Output<N>> {
  const r = await client.call(name, input);
  if (!r.ok) throw new CallFailed(r.error.code, r.error.message);
  return r.value;
}
