// Who is who from the command line: the resolution as CSV, re-runs, evidence for two
// records, and the analyst's decisions (same, not the same, alone, undo).
import type { Backend } from '../backend/api';
import { call, int, need, print, UsageError } from './cli-util';

export async function cmdResolution(b: Backend, rest: string[], v: { json?: boolean; csv?: boolean; a?: string; b?: string; note?: string; id?: string }): Promise<number> {
  const sub = rest[0] ?? 'rows';
  if (sub === 'rows' || v.csv) {
    const rows = await call(b, 'resolution.rows', {});
    if (v.json) print(true, rows, () => '');
    else {
      const out = ['record_id,kind,entity_id', ...rows.map((r) => `${r.recordId},${r.kind},${r.entityId}`)];
      process.stdout.write(`${out.join('\n')}\n`);
    }
    return 0;
  }
  switch (sub) {
    case 'run': {
      const r = await call(b, 'resolution.run', {});
      print(v.json, r, () => `Resolved ${r.records} records into ${r.persons} persons (${r.merged} merges, ${r.possible} possible matches to review) and the vehicle reads into ${r.vehicles} vehicles in ${r.seconds.toFixed(1)} s.`);
      return 0;
    }
    case 'why': {
      const r = await call(b, 'resolution.explain', { a: need(v.a, 'a'), b: need(v.b, 'b') });
      print(v.json, r, () =>
        [
          `${v.a} and ${v.b}: ${r.sameEntity ? 'the same person' : 'not merged'} (match probability ${r.probability.toFixed(3)}, weight ${r.weight.toFixed(1)})`,
          ...r.features.map((f) => `  ${f.feature.padEnd(9)} ${(f.level ?? 'missing on one side').padEnd(44)} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)}`),
          r.contradiction ? `  blocked: ${r.contradiction}` : '',
          r.decision ? `  analyst decision: ${r.decision}` : '',
        ].filter(Boolean).join('\n'),
      );
      return 0;
    }
    case 'same':
    case 'not-same':
    case 'alone': {
      const action = sub === 'not-same' ? 'not_same' : sub;
      const r = await call(b, 'resolution.decide', { action, a: need(v.a, 'a'), b: action === 'alone' ? undefined : need(v.b, 'b'), note: v.note });
      print(v.json, r, () => `Decision #${r.decisionId} recorded; ${r.run.records} records now resolve into ${r.run.persons} persons.`);
      return 0;
    }
    case 'undo': {
      const r = await call(b, 'resolution.undo', { decisionId: int(v.id, 'id') ?? 0 });
      print(v.json, r, () => `Undone; ${r.run.records} records now resolve into ${r.run.persons} persons.`);
      return 0;
    }
    case 'decisions': {
      const ds = await call(b, 'resolution.decisions', {});
      print(v.json, ds, () => ds.map((d) => `#${d.id} ${d.at} ${d.who} ${d.action} ${d.a}${d.b ? ` ${d.b}` : ''}${d.undoneAt ? ` (undone ${d.undoneAt})` : ''}`).join('\n') || 'No decisions yet.');
      return 0;
    }
    default:
      throw new UsageError('resolution takes: --csv | run | why --a ID --b ID | same|not-same --a ID --b ID | alone --a ID | undo --id N | decisions');
  }
}
