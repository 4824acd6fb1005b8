// Bench: imports through import specs (issue 9). A graph database's export (neo4j-admin CSV,
// spec inferred), a large CSV roster and an XLSX through a hand-written spec, then the case-wide
// ranking and paths by link kind on the imported graph. All in-process, on real files.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Backend } from '../../electron/backend/api';
import type { CallName, Input, Output } from '../../shared/contract';
import type { ImportSpecInput } from '../../shared/import-spec';
import { writeNeo4jExport } from '../fixtures/neo4j-export';

type Record = (metric: string, value: number, unit: string, note?: string, target?: { text: string; ok: boolean }) => void;

async function call<N extends CallName>(b: Backend, name: N, input: Input<N>): Promise<Output<N>> {
  const r = await b.handle(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as Output<N>;
}

async function timedImport(b: Backend, input: Input<'import.start'>): Promise<{ seconds: number; rows: number; nodes: number; links: number; rejected: number }> {
  const t = performance.now();
  const { jobId } = await call(b, 'import.start', input);
  const done = await b.waitForJob(jobId);
  const seconds = (performance.now() - t) / 1000;
  if (done.state !== 'done' || done.importId === null) throw new Error(`import ${done.state}: ${done.error ?? done.note}`);
  const r = await call(b, 'import.report', { importId: done.importId, limit: 1 });
  return { seconds, rows: r.rowsRead, nodes: r.nodesAdded, links: r.linksAdded, rejected: r.rowsRejected };
}

const ROSTER_SPEC: ImportSpecInput = {
  type: 'crosslink-import-spec',
  version: 1,
  name: 'bench-roster',
  source: { agency: 'CBP', handling: 'LES' },
  files: [
    {
      entities: [
        {
          id: 'person',
          kind: 'subject',
          key: { columns: ['Ref'] },
          fields: {
            last_name: { column: 'Surname' },
            first_name: { column: 'Given' },
            dob: { column: 'DOB', type: 'date', format: 'DD/MM/YYYY' },
            phone: { column: 'Mobile' },
          },
          attributes: [{ column: 'Shifts', type: 'int' }],
        },
        { id: 'employer', kind: 'x.company', key: { columns: ['Employer'], normalise: 'upper' }, label: '{Employer}', optional: true },
      ],
      links: [{ kind: 'x.employed_by', from: { entity: 'person' }, to: { entity: 'employer' } }],
    },
  ],
};

const LAST = ['Ortega', 'Nguyen', 'Haddad', 'Smith', 'Kowalski', 'Müller', 'García López', "O'Neil", 'Chen', 'Ali', 'Silva', 'Okafor'];
const FIRST = ['Ana', 'Luis', 'Omar', 'Sara', 'Yusuf', 'Ivan', 'Mei', 'José', 'Fatima', 'Peter'];

function rosterRow(i: number): Array<string | number> {
  const d = 1 + (i % 28);
  const m = 1 + (i % 12);
  return [`R-${i}`, LAST[i % LAST.length], FIRST[(i * 7) % FIRST.length], `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${1950 + (i % 50)}`, `915${String(5_000_000 + ((i * 7919) % 4_000_000))}`, `Employer ${i % 2000}`, i % 40];
}

export async function specBench(dir: string, record: Record, scale = 1): Promise<void> {
  const b = new Backend({ host: 'cli', version: 'bench', autoResolve: false });
  try {
    await call(b, 'case.create', { path: path.join(dir, 'specs.crosslink'), name: 'Spec bench' });

    // A graph export: persons, phones, companies, accounts and four relationship types.
    const graph = path.join(dir, 'graph-export');
    let t = performance.now();
    const g = writeNeo4jExport(graph, 7, Math.round(60_000 * scale), Math.round(20_000 * scale), Math.round(3000 * scale), Math.round(12_000 * scale));
    const genS = (performance.now() - t) / 1000;
    t = performance.now();
    const inf = await call(b, 'import.infer', { path: graph });
    record('spec: infer a graph export', (performance.now() - t) / 1000, 's', `${inf.files.length} files, ${g.nodes.length} nodes and ${g.rels.length} relationships scanned for labels and types (written in ${genS.toFixed(1)} s)`);
    const gi = await timedImport(b, { path: graph });
    record('spec: import graph export (inferred)', gi.seconds, 's', `${gi.rows} rows, ${Math.round(gi.rows / gi.seconds)} rows/s, +${gi.nodes} nodes, +${gi.links} links`);

    // Case-wide ranking and paths by link kind on it.
    t = performance.now();
    const deg = await call(b, 'graph.rank', { metric: 'degree', top: 20 });
    record('spec: rank degree (whole case)', (performance.now() - t) / 1000, 's', `${deg.nodes} entities, ${deg.links} links, first build of the entity graph included`);
    t = performance.now();
    const pr = await call(b, 'graph.rank', { metric: 'pagerank', top: 20 });
    record('spec: rank PageRank (whole case)', (performance.now() - t) / 1000, 's', `${pr.nodes} entities`);
    t = performance.now();
    const bw = await call(b, 'graph.rank', { metric: 'betweenness', kinds: ['x.person'], linkKinds: ['x.knows'], top: 20 });
    record('spec: rank betweenness (persons, KNOWS)', (performance.now() - t) / 1000, 's', `${bw.nodes} entities, ${bw.links} links, ${bw.note ?? 'exact'}`);
    const persons = g.nodes.filter((n) => n.label === 'Person');
    const ms: number[] = [];
    for (let i = 0; i < 50; i++) {
      const a = persons[(i * 7919) % persons.length];
      const z = persons[(i * 104729 + 13) % persons.length];
      t = performance.now();
      await call(b, 'graph.path', { from: `graph-export/Person:${a.id}`, to: `graph-export/Person:${z.id}`, k: 3, linkKinds: ['x.knows', 'x.uses'], avoidHubs: false, maxHops: 8 });
      ms.push(performance.now() - t);
    }
    ms.sort((x, y) => x - y);
    record('spec: path k=3 by link kind p95', ms[Math.floor(0.95 * (ms.length - 1))], 'ms', `50 person pairs over KNOWS and USES`, { text: '<= 1000 ms', ok: ms[Math.floor(0.95 * (ms.length - 1))] <= 1000 });

    // A large roster as CSV through a spec (person records, employers, phones).
    const rows = Math.round(200_000 * scale);
    const csvFile = path.join(dir, 'roster.csv');
    const out = fs.createWriteStream(csvFile);
    out.write('Ref,Surname,Given,DOB,Mobile,Employer,Shifts\n');
    for (let i = 0; i < rows; i++) out.write(`${rosterRow(i).map((c) => (/[",]/.test(String(c)) ? `"${c}"` : c)).join(',')}\n`);
    await new Promise<void>((r) => out.end(r));
    const ci = await timedImport(b, { path: csvFile, spec: ROSTER_SPEC });
    record('spec: import CSV roster', ci.seconds, 's', `${ci.rows} rows, ${Math.round(ci.rows / ci.seconds)} rows/s, +${ci.nodes} nodes, +${ci.links} links (person records, phones, employers)`);

    // The same shape as a workbook, read as a stream.
    const xrows = Math.round(50_000 * scale);
    const xlsx = path.join(dir, 'roster.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
    const ws = wb.addWorksheet('Roster');
    ws.addRow(['Ref', 'Surname', 'Given', 'DOB', 'Mobile', 'Employer', 'Shifts']).commit();
    for (let i = 0; i < xrows; i++) ws.addRow(rosterRow(rows + i)).commit();
    ws.commit();
    await wb.commit();
    const xi = await timedImport(b, { path: xlsx, spec: { ...ROSTER_SPEC, name: 'bench-roster' } });
    record('spec: import XLSX roster (streamed)', xi.seconds, 's', `${xi.rows} rows, ${Math.round(xi.rows / xi.seconds)} rows/s, ${(fs.statSync(xlsx).size / 1e6).toFixed(1)} MB workbook`);
  } finally {
    await b.close();
  }
}
