// Others' pointers over the canvas: a small arrow in their colour with their name, placed where
// their pointer is on the graph (model coordinates, drawn through this canvas's pan and zoom).
import { useEffect, useState } from 'react';
import { onCy } from '../canvas/cy-registry';
import { useStore } from '../../hooks/useStore';
import { toRendered } from '../../session/peers';
import { peersStore } from '../../session/session-store';

type View = { pan: { x: number; y: number }; zoom: number };

function useViewport(): View | null {
  const [view, setView] = useState<View | null>(null);
  useEffect(() => {
    let frame = 0;
    let detach = () => {};
    const off = onCy((cy) => {
      detach();
      if (!cy) return setView(null);
      const read = () => {
        frame = 0;
        if (!cy.destroyed()) setView({ pan: { ...cy.pan() }, zoom: cy.zoom() });
      };
      const onView = () => {
        if (!frame) frame = requestAnimationFrame(read);
      };
      cy.on('viewport', onView);
      read();
      detach = () => cy.off('viewport', onView);
    });
    return () => {
      off();
      detach();
      cancelAnimationFrame(frame);
    };
  }, []);
  return view;
}

export function RemoteCursors() {
  const peers = useStore(peersStore);
  const view = useViewport();
  if (!view) return null;
  return (
    <div className="remote-cursors" aria-hidden="true">
      {peers.filter((p) => p.pointer).map((p) => {
        const at = toRendered(p.pointer!, view);
        return (
          <div key={p.clientId} className="remote-cursor" data-testid="remote-cursor" data-participant={p.id} style={{ transform: `translate(${at.x}px, ${at.y}px)` }}>
            <svg viewBox="0 0 16 16" width="16" height="16"><path d="M1 1l5.5 13 2-5.5 5.5-2z" fill={p.colour} stroke="#fff" strokeWidth="1.2" /></svg>
            <span style={{ background: p.colour }}>{p.name}</span>
          </div>
        );
      })}
    </div>
  );
}
