// Others' selections on this canvas: a halo in the colour of whoever selected the element
// (the `remote-sel` class and `remoteColour` data, styled by graph/cy-style-session.ts).
import { getCy, onCy } from '../components/canvas/cy-registry';
import { boardStore } from '../graph/graph-store';
import { selectionMarks } from './peers';
import { peersStore } from './session-store';

export function bindRemoteSelection(): () => void {
  let marked = new Set<string>();
  let queued = false;
  const apply = () => {
    queued = false;
    const cy = getCy();
    if (!cy || cy.destroyed()) return;
    const want = selectionMarks(peersStore.get());
    cy.batch(() => {
      for (const id of marked) {
        if (want.has(id)) continue;
        const el = cy.getElementById(id);
        el.removeClass('remote-sel');
        el.removeData('remoteColour remoteBy');
      }
      for (const [id, m] of want) {
        const el = cy.getElementById(id);
        if (el.empty()) continue;
        if (el.data('remoteColour') !== m.colour || el.data('remoteBy') !== m.name) el.data({ remoteColour: m.colour, remoteBy: m.name });
        el.addClass('remote-sel');
      }
    });
    marked = new Set(want.keys());
  };
  // After the canvas has drawn a board change (elements selected before they arrived).
  const later = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(apply);
  };
  const offs = [peersStore.subscribe(later), boardStore.subscribe(later), onCy(later)];
  return () => {
    for (const off of offs) off();
    peersStore.set([]);
    apply();
  };
}
