// Joins this window to the session's shared document, or leaves it: the connection, the
// board binding, presence, follow mode and others' selections, started and stopped together.
import type { SessionSelf } from '../../../shared/session-schemas';
import { bindBoard } from './board-binding';
import { closeConnection, openConnection } from './connection';
import { bindFollow } from './follow';
import { bindPresence } from './presence-binding';
import { bindRemoteSelection } from './remote-selection';

let stops: Array<() => void> = [];

export function joinLive(self: SessionSelf): void {
  leaveLive();
  const live = openConnection(self);
  stops = [bindBoard(live.doc, live.provider), bindPresence(live.provider), bindRemoteSelection(), bindFollow()];
}

export function leaveLive(): void {
  for (const stop of stops.splice(0).reverse()) stop();
  closeConnection();
}
