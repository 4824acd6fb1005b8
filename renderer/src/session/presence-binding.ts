// This window's presence in the session (what it has selected, where its pointer is on the
// graph, its pan and zoom), sent at most ten times a second; and the others' presence read
// back into the peers store.
import type { Core, EventObject } from 'cytoscape';
import type { WebsocketProvider } from 'y-websocket';
import type { SessionPresence } from '../../../shared/session-schemas';
import { onCy } from '../components/canvas/cy-registry';
import { uiStore } from '../state/ui-store';
import { sharedPos } from './board-sync';
import { readPeers, selectionTargets } from './peers';
import { peersStore } from './session-store';
import { throttle } from './throttle';

type Local = Pick<SessionPresence, 'selection' | 'pointer' | 'viewport'>;

const SEND_MS = 100;

export function viewportOf(cy: Core): NonNullable<Local['viewport']> {
  const p = sharedPos(cy.pan());
  return { x: p.x, y: p.y, zoom: Math.min(1000, Math.max(0.001, Math.round(cy.zoom() * 1e4) / 1e4)) };
}

export function bindPresence(provider: WebsocketProvider): () => void {
  const aw = provider.awareness;
  aw.setLocalState({ selection: selectionTargets(uiStore.get().selection), pointer: null, viewport: null } satisfies Local);
  const out = throttle<Local>((patch) => aw.setLocalState({ ...(aw.getLocalState() ?? {}), ...patch }), SEND_MS);

  const offSel = uiStore.subscribe((next, prev) => {
    if (next.selection !== prev.selection) out.push({ selection: selectionTargets(next.selection) });
  });

  let detach = () => {};
  const offCy = onCy((cy) => {
    detach();
    detach = () => {};
    if (!cy) return;
    const onMove = (e: EventObject) => out.push({ pointer: sharedPos(e.position) });
    const onView = () => out.push({ viewport: viewportOf(cy) });
    const box = cy.container();
    const onLeave = () => out.push({ pointer: null });
    cy.on('mousemove', onMove);
    cy.on('viewport', onView);
    box?.addEventListener('mouseleave', onLeave);
    out.push({ viewport: viewportOf(cy) });
    detach = () => {
      cy.off('mousemove', onMove);
      cy.off('viewport', onView);
      box?.removeEventListener('mouseleave', onLeave);
    };
  });

  const onChange = () => peersStore.set(readPeers(aw.getStates(), provider.doc.clientID));
  aw.on('change', onChange);
  onChange();

  return () => {
    offSel();
    offCy();
    detach();
    out.cancel();
    aw.off('change', onChange);
    peersStore.set([]);
  };
}
