// Follow mode: this canvas takes the presenter's pan and zoom whenever they change.
import { getCy } from '../components/canvas/cy-registry';
import { peersStore, sessionStore } from './session-store';

export function presenterViewport(): { x: number; y: number; zoom: number } | null {
  const s = sessionStore.get();
  if (!s.follow || !s.presenter || s.presenter === s.self?.participant.id) return null;
  return peersStore.get().find((p) => p.id === s.presenter && p.viewport)?.viewport ?? null;
}

export function bindFollow(): () => void {
  let last = '';
  const apply = () => {
    const v = presenterViewport();
    const key = v ? `${v.x},${v.y},${v.zoom}` : '';
    if (key === last) return;
    last = key;
    const cy = getCy();
    if (v && cy && !cy.destroyed()) cy.viewport({ zoom: v.zoom, pan: { x: v.x, y: v.y } });
  };
  const offPeers = peersStore.subscribe(apply);
  const offSession = sessionStore.subscribe((n, p) => {
    if (n.follow !== p.follow || n.presenter !== p.presenter) apply();
  });
  return () => {
    offPeers();
    offSession();
  };
}
