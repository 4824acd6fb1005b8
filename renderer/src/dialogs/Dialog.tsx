// The modal shell: title, body, footer; Escape closes it. Focus moves into the dialog.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** `wide`: nearly the whole window, for work that needs room (the import wizard). */
  size?: 'small' | 'medium' | 'large' | 'wide';
  testId?: string;
}

export function Dialog({ title, onClose, children, footer, size = 'medium', testId }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // An inline form inside the dialog (data-own-escape) takes its own Escape: it cancels the form, not the dialog.
      if (e.target instanceof Element && e.target.closest('[data-own-escape]')) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    const first = box.current?.querySelector<HTMLElement>('[autofocus], input, button.btn-primary');
    (first ?? box.current)?.focus();
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div className="overlay">
      <div className={`dialog dialog-${size}`} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId} ref={box} tabIndex={-1}>
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button className="icon-btn" aria-label="Close" title="Close (Esc)" onClick={onClose}>×</button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-foot">{footer}</footer>}
      </div>
    </div>
  );
}
