// The leads bench (issue 6): every detector over a case (target <= 30 s on the national day),
// a second run after nothing changed, and precision@10 of the leads against the generator's
// planted network on demo bundles of several seeds.
import path from 'node:path';
import { Backend } from '../../electron/backend/api';
import type { LeadsRun } from '../../shared/contract';
import { leadsQuality } from './leads-quality';

type Record = (metric: string, value: number, unit: string, note?: string, target?: { text: string; ok: boolean }) => void;

export async function leadsBench(db: string, dir: string, record: Record, seeds = [1, 2, 3, 4, 5]): Promise<void> {
  const b = new Backend({ host: 'cli', version: 'bench' });
  await b.handle('case.open', { path: db });
  try {
    for (const label of ['all detectors over the case', 'detectors again (nothing new)']) {
      const t = performance.now();
      const r = await b.handle('leads.run', {});
      const sec = (performance.now() - t) / 1000;
      const v = r.ok ? (r.value as LeadsRun) : null;
      record(label, sec, 's', v ? `${v.leads} leads (${v.added} new); ${v.byDetector.map((d) => `${d.kind} ${d.ms} ms`).join(', ')}` : `failed: ${r.ok ? '' : r.error.message}`, { text: '<= 30 s', ok: !!v && sec <= 30 });
    }
  } finally {
    await b.close();
  }
  let sum = 0;
  let every = true;
  const per: string[] = [];
  for (const seed of seeds) {
    const q = await leadsQuality(path.join(dir, 'leads-quality'), seed);
    sum += q.precisionAt10;
    every &&= q.networkInTop10;
    per.push(`seed ${seed}: ${q.precisionAt10.toFixed(1)}`);
  }
  record('leads precision@10 (planted network)', sum / seeds.length, 'P@10', per.join(', '));
  record('planted network in the top 10 leads', every ? 1 : 0, 'bool', `every one of ${seeds.length} seeds`, { text: '1', ok: every });
}
