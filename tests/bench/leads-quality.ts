// Leads against the generator's ground truth: on demo bundles of several seeds, does the
// planted smuggling network reach the top 10 leads, and what share of the top 10 is about
// it (precision@10)? A lead counts when it names a member of the network (a person or the
// vehicle the generator planted). Used by the bench and by a test.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../electron/backend/api';
import { generateDemo } from '../../electron/backend/demo/generate';
import type { Lead } from '../../shared/contract';

export interface LeadsQuality {
  seed: number;
  precisionAt10: number;
  networkInTop10: boolean;
  top: Array<{ kind: string; score: number; title: string; relevant: boolean }>;
  seconds: number;
}

interface Planted {
  network: { record_ids: string[]; vehicle_record_ids: string[] };
}

export async function leadsQuality(dir: string, seed: number): Promise<LeadsQuality> {
  const bundle = path.join(dir, `leads-${seed}`);
  await generateDemo({ out: bundle, seed });
  const planted = JSON.parse(fs.readFileSync(`${bundle}.truth/planted.json`, 'utf8')) as Planted;
  const file = path.join(dir, `leads-${seed}.crosslink`);
  const b = new Backend({ host: 'cli', version: 'bench' });
  try {
    const call = async (name: string, input: unknown) => {
      const r = await b.handle(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    await call('case.create', { path: file });
    const { jobId } = (await call('import.start', { path: bundle })) as { jobId: string };
    const t = performance.now();
    await b.waitForJob(jobId);
    const seconds = (performance.now() - t) / 1000;
    const { leads } = (await call('leads.list', { limit: 10 })) as { leads: Lead[] };
    const db = new Database(file, { readonly: true });
    const members = new Set<number>();
    try {
      const ids = [...planted.network.record_ids, ...planted.network.vehicle_record_ids];
      const q = db.prepare(`SELECT coalesce((SELECT dst FROM link WHERE src = n.id AND kind = 'resolved_as'), n.id) FROM node n WHERE n.kind IN ('subject', 'vehicle') AND n.key = ?`).pluck();
      for (const id of ids) {
        const e = q.get(id) as number | undefined;
        if (e !== undefined) members.add(e);
      }
    } finally {
      db.close();
    }
    const top = leads.map((l) => ({ kind: l.kind, score: l.score, title: l.title, relevant: l.entities.some((e) => members.has(e.id)) }));
    const hits = top.filter((x) => x.relevant).length;
    return { seed, precisionAt10: top.length ? hits / 10 : 0, networkInTop10: hits > 0, top, seconds };
  } finally {
    await b.close();
  }
}
