// The session server's lobby over plain HTTPS: knock with the join code, name and agency,
// then ask about the ticket until the host admits (the answer then sets the session cookie)
// or turns the person away.
import type { Agency } from '../../../shared/model';

export type KnockState = 'waiting' | 'admitted' | 'denied';

async function answer(res: Response): Promise<Record<string, unknown>> {
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function knock(body: { code: string; name: string; agency: Agency }): Promise<string> {
  const res = await fetch('/session/knock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const a = await answer(res);
  if (!res.ok || typeof a.ticket !== 'string') {
    throw new Error(typeof a.error === 'string' ? a.error : `The host answered ${res.status}; try again.`);
  }
  return a.ticket;
}

export async function pollKnock(ticket: string): Promise<KnockState> {
  const res = await fetch(`/session/knock?ticket=${encodeURIComponent(ticket)}`, { cache: 'no-store' });
  const a = await answer(res);
  if (!res.ok) throw new Error(typeof a.error === 'string' ? a.error : `The host answered ${res.status}.`);
  return a.state === 'admitted' || a.state === 'denied' ? a.state : 'waiting';
}
