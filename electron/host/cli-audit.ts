// The audit trail from the command line: read it, and check that nobody rewrote it.
import type { Backend } from '../backend/api';
import { AUDIT_ACTIONS, type AuditAction } from '../../shared/contract';
import { call, int, print, UsageError } from './cli-util';

export const AUDIT_USAGE = `  crosslink audit verify --db FILE [--json]      check the audit trail's hash chain; exit 1 naming
                                                 the first entry edited, deleted or moved
  crosslink audit list --db FILE [--action A] [--q TEXT] [--limit N] [--json]
                                                 the audit trail, newest first`;

function action(v: string | undefined): AuditAction | undefined {
  if (v === undefined) return undefined;
  if (!(AUDIT_ACTIONS as readonly string[]).includes(v)) throw new UsageError(`--action: unknown action '${v}' (known: ${AUDIT_ACTIONS.join(', ')})`);
  return v as AuditAction;
}

export async function cmdAudit(b: Backend, sub: string | undefined, v: { json?: boolean; action?: string; q?: string; limit?: string }): Promise<number> {
  switch (sub) {
    case 'verify': {
      const r = await call(b, 'audit.verify', {});
      if (r.firstBad) {
        if (v.json) print(true, r, () => '');
        process.stderr.write(`audit trail broken at entry #${r.firstBad.id}: ${r.firstBad.reason}\n`);
        return 1;
      }
      print(v.json, r, () => `audit trail intact: ${r.entries} entr${r.entries === 1 ? 'y' : 'ies'}`);
      return 0;
    }
    case 'list': {
      const limit = int(v.limit, 'limit', 50)!;
      if (limit < 1 || limit > 1000) throw new UsageError('--limit must be between 1 and 1000');
      const r = await call(b, 'audit.list', { action: action(v.action), q: v.q, limit });
      print(v.json, r, () =>
        [
          `${r.total} entr${r.total === 1 ? 'y' : 'ies'}${r.total > r.entries.length ? `, the newest ${r.entries.length} shown` : ''}`,
          ...r.entries.map((e) => `#${e.id}  ${e.at}  ${e.who}  ${e.action}  ${e.target}${e.detail ? `  (${e.detail})` : ''}`),
        ].join('\n'),
      );
      return 0;
    }
    default:
      throw new UsageError('audit takes: verify | list [--action A] [--q TEXT] [--limit N]');
  }
}
