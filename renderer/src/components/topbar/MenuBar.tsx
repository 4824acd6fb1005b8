// File / Edit / View / Help, with the shortcuts of each item. Opens on click; once one menu
// is open, hovering another switches to it, as in desktop apps.
import { useEffect, useRef, useState } from 'react';
import { command } from '../../app-commands';
import { LAYOUTS } from '../../graph/layouts/catalog';
import { ANALYSIS_MENU } from '../../actions/analysis-commands';
import { LEADS_MENU } from '../../actions/leads-commands';
import { BOARD_MENU } from '../../actions/board-commands';
import { BRIEF_MENU } from '../../actions/brief-commands';
import { SESSION_MENU, allowedHere } from '../../actions/session-commands';
import { sessionStore } from '../../session/session-store';
import { useStore } from '../../hooks/useStore';
import { boardStore } from '../../graph/graph-store';
import { caseStore } from '../../state/case-store';
import { uiStore } from '../../state/ui-store';

const ALL_MENUS: Array<{ id: string; label: string; items: string[] }> = [
  { id: 'file', label: 'File', items: ['file.newCase', 'file.openCase', 'file.import', 'file.importTable', '-', 'file.backUp', 'file.restore', 'file.audit', '-', 'file.closeCase'] },
  { id: 'edit', label: 'Edit', items: ['edit.undo', 'edit.redo', '-', 'edit.expand', 'edit.remove'] },
  { id: 'view', label: 'View', items: ['view.search', '-', 'view.fit', 'view.relayout', ...LAYOUTS.map((l) => `view.layout.${l.name}`), '-', 'view.clear', '-', 'view.review', 'view.health'] },
  { id: 'board', label: 'Board', items: BOARD_MENU },
  { id: 'analyse', label: 'Analyse', items: [...ANALYSIS_MENU, ...(LEADS_MENU.length ? ['-', ...LEADS_MENU] : [])] },
  { id: 'brief', label: 'Brief', items: BRIEF_MENU },
  { id: 'session', label: 'Session', items: SESSION_MENU },
  { id: 'help', label: 'Help', items: ['help.shortcuts', 'help.diagnostics', 'help.about'] },
];

const TEST_IDS: Record<string, string> = {
  'file.newCase': 'menu-new-case',
  'file.openCase': 'menu-open-case',
  'file.import': 'menu-import',
  'file.importTable': 'menu-import-table',
  'file.backUp': 'menu-backup-now',
  'file.restore': 'menu-backups',
  'view.health': 'menu-health',
  'view.review': 'menu-review',
  'help.diagnostics': 'menu-diagnostics',
};

/** The menus and items this window offers (a session participant's window offers fewer). */
function menusHere(): typeof ALL_MENUS {
  return ALL_MENUS.map((m) => {
    const items = m.items.filter((id) => id === '-' || allowedHere(id));
    // No separator first, last or twice.
    const tidy = items.filter((id, i) => id !== '-' || (i > 0 && i < items.length - 1 && items[i - 1] !== '-'));
    return { ...m, items: tidy };
  }).filter((m) => m.items.some((id) => id !== '-'));
}

export function MenuBar() {
  const [open, setOpen] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const bar = useRef<HTMLDivElement>(null);
  // Re-render when the things that enable items change.
  useStore(boardStore);
  useStore(caseStore);
  useStore(uiStore, (u) => u.selection);
  useStore(sessionStore);
  const menus = menusHere();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const run = (id: string) => {
    setOpen(null);
    const c = command(id);
    if (c.enabled?.() ?? true) c.run();
  };

  const onKeyDown = (e: React.KeyboardEvent, items: string[]) => {
    const ids = items.filter((i) => i !== '-');
    if (e.key === 'Escape') setOpen(null);
    else if (e.key === 'ArrowDown') setActive((a) => (a + 1) % ids.length);
    else if (e.key === 'ArrowUp') setActive((a) => (a - 1 + ids.length) % ids.length);
    else if (e.key === 'Enter' && active >= 0) run(ids[active]);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const i = menus.findIndex((m) => m.id === open);
      setOpen(menus[(i + (e.key === 'ArrowRight' ? 1 : menus.length - 1)) % menus.length].id);
      setActive(-1);
    } else return;
    e.preventDefault();
  };

  return (
    <div className="menubar" ref={bar} role="menubar">
      {menus.map((m) => (
        <div key={m.id} className="menu" onKeyDown={(e) => onKeyDown(e, m.items)}>
          <button
            className={`menu-title${open === m.id ? ' open' : ''}`}
            data-testid={`menu-${m.id}`}
            aria-haspopup="menu"
            aria-expanded={open === m.id}
            onClick={() => { setOpen(open === m.id ? null : m.id); setActive(-1); }}
            onMouseEnter={() => open && open !== m.id && setOpen(m.id)}
          >
            {m.label}
          </button>
          {open === m.id && (
            <div className="menu-pop" role="menu">
              {m.items.map((id, i) => {
                if (id === '-') return <div key={`sep${i}`} className="menu-sep" />;
                const c = command(id);
                const enabled = c.enabled?.() ?? true;
                const idx = m.items.filter((x) => x !== '-').indexOf(id);
                return (
                  <button
                    key={id}
                    role="menuitem"
                    className={`menu-item${idx === active ? ' active' : ''}`}
                    disabled={!enabled}
                    data-testid={TEST_IDS[id] ?? `menu-item-${id}`}
                    onMouseEnter={() => setActive(idx)}
                    onClick={() => run(id)}
                  >
                    <span>{c.describe?.() ?? c.label}</span>
                    {c.keys[0] && <kbd>{c.keys[0]}</kbd>}
                  </button>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
