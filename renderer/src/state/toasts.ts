// Toasts: every failed call ends here with a readable message, never silently.
import { CallFailed } from '../api/client';
import { createStore } from './store';

export interface Toast {
  id: number;
  kind: 'error' | 'info' | 'success';
  title: string;
  message: string;
}

export const toastStore = createStore<Toast[]>([]);
let seq = 0;

export function dismissToast(id: number): void {
  toastStore.set((ts) => ts.filter((t) => t.id !== id));
}

export function toast(kind: Toast['kind'], title: string, message = ''): void {
  // The same message twice in a row (a retried search, say) shows once.
  const dup = toastStore.get().find((t) => t.title === title && t.message === message);
  if (dup) return;
  const id = ++seq;
  toastStore.set((ts) => [...ts.slice(-4), { id, kind, title, message }]);
  setTimeout(() => dismissToast(id), kind === 'error' ? 10_000 : 5_000);
}

export function errorMessage(e: unknown): string {
  if (e instanceof CallFailed) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Shows a failure: `what` says what the user was doing ("Could not open the case"). */
export function toastError(what: string, e: unknown): void {
  toast('error', what, errorMessage(e));
}
