// The leads inbox and the trends view, by name.
export function LeadsDialogs(_props: { name: string; data?: unknown }) {
  return null;
}
