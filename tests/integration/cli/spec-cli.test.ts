// The command line for import specs and case-wide metrics: infer a spec for a graph export,
// check it, preview and import a table with it, rank the entities, ask for paths by link kind.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { csv, tmpDir } from '../../fixtures/bundle-builder';
import { writeNeo4jExport } from '../../fixtures/neo4j-export';

const BIN = path.resolve('bin/crosslink.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('crosslink spec, import --spec and metrics', () => {
  let dir: string;
  let graph: string;
  beforeAll(() => {
    dir = tmpDir();
    graph = path.join(dir, 'graphdb');
    writeNeo4jExport(graph, 3, 40, 10, 5, 8);
  });

  it('spec infer writes a spec for a graph export; spec check accepts it and names what is wrong in a broken one', () => {
    const out = path.join(dir, 'graph.spec.json');
    const r = run('spec', 'infer', graph, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Inferred a graph-export spec 'graphdb'/);
    expect(r.out).toMatch(/persons\.csv: nodes, 40 rows \(Person \d+\)/);
    expect(run('spec', 'check', out)).toMatchObject({ code: 0 });
    const spec = JSON.parse(fs.readFileSync(out, 'utf8'));
    spec.files[0].entities[0].key.columns = [];
    spec.source.agency = 'FBI';
    const bad = path.join(dir, 'bad.spec.json');
    fs.writeFileSync(bad, JSON.stringify(spec));
    const c = run('spec', 'check', bad, '--json');
    expect(c.code).toBe(1);
    const problems = JSON.parse(c.out).problems as string[];
    expect(problems.some((p) => p.startsWith('$.source.agency:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('$.files[0].entities[0].key.columns:'))).toBe(true);
  });

  it('imports the export by inference, then ranks and walks it by link kind', () => {
    const db = path.join(dir, 'graph.crosslink');
    const r = run('import', graph, '--db', db, '--json', '--no-resolve');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.status).toBe('done');
    expect(out.rows_rejected).toBe(0);
    const m = run('metrics', '--db', db, '--metric', 'pagerank', '--kinds', 'x.person', '--top', '5', '--json');
    expect(m.code).toBe(0);
    const ranked = JSON.parse(m.out);
    expect(ranked.top).toHaveLength(5);
    expect(ranked.top.every((t: { kind: string }) => t.kind === 'x.person')).toBe(true);
    expect(ranked.top[0].score).toBeGreaterThanOrEqual(ranked.top[4].score);
    const bad = run('metrics', '--db', db, '--metric', 'closeness');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--metric must be one of degree, betweenness, pagerank/);
    const p = run('path', '--db', db, '--from', ranked.top[0].source_id, '--to', ranked.top[1].source_id, '--link-kinds', 'x.knows,x.uses', '--k', '3', '--json');
    expect(p.code).toBe(0);
    const paths = JSON.parse(p.out).paths as Array<{ length: number; links: Array<{ kind: string }> }>;
    for (const x of paths) expect(x.links.every((l) => l.kind === 'x.knows' || l.kind === 'x.uses')).toBe(true);
    expect(paths.map((x) => x.length)).toEqual([...paths.map((x) => x.length)].sort((a, b) => a - b));
  });

  it('import --spec keeps nothing while rows would be rejected, and loads the rest with --accept-rejects', () => {
    const table = path.join(dir, 'vehicles-seen.csv');
    fs.writeFileSync(table, csv([['Plate', 'State', 'Seen at', 'Notes'], ['ABC-1234', 'US-TX', '2025-11-02 10:00', 'blue van'], ['XYZ 999', 'US-NM', 'yesterday', ''], ['ABC1234', 'US-TX', '2025-11-03 11:30', 'again']]));
    const spec = {
      type: 'crosslink-import-spec', version: 1, name: 'sightings', source: { agency: 'CBP', handling: 'LES', timezone: '-07:00' },
      files: [{ entities: [{ id: 's', kind: 'x.sighting', key: { columns: ['Plate', 'Seen at'] }, label: '{Plate} at {Seen at}', at: { column: 'Seen at', type: 'datetime' }, attributes: [{ column: 'Notes' }] }, { id: 'p', kind: 'plate', key: { columns: ['Plate'], normalise: 'plate' }, fields: { plate_region: { column: 'State' } } }], links: [{ kind: 'x.seen_plate', from: { entity: 's' }, to: { entity: 'p' } }] }],
    };
    const specFile = path.join(dir, 'sightings.spec.json');
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const db = path.join(dir, 'sightings.crosslink');
    const pv = run('spec', 'preview', table, '--spec', specFile, '--db', db, '--json');
    expect(pv.code).toBe(1); // no case yet
    const first = run('import', table, '--spec', specFile, '--db', db, '--json');
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/1 row would be rejected, so nothing was kept/);
    expect(JSON.parse(first.out).rejects).toEqual([
      { file: 'vehicles-seen.csv', line: 3, column: 'Seen at', reason: "$.files[0].entities[0].at: not a date (YYYY-MM-DD): 'yesterday'" },
    ]);
    const ok = run('import', table, '--spec', specFile, '--db', db, '--json', '--accept-rejects');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ status: 'done', rows_loaded: 2, rows_rejected: 1 });
    const stats = JSON.parse(run('stats', '--db', db, '--json').out);
    // One plate for both ways of writing it; two sightings.
    expect(stats.nodes).toMatchObject({ plate: 1, 'x.sighting': 2 });
    expect(stats.links).toMatchObject({ 'x.seen_plate': 2 });
    const show = JSON.parse(run('show', '--db', db, '--id', 'sightings:ABC-1234|2025-11-02 10:00', '--json').out);
    expect(show.attributes.find((a: { name: string }) => a.name === 'Notes').value).toBe('blue van');
    const again = run('import', table, '--spec', specFile, '--db', db, '--json', '--accept-rejects');
    expect(JSON.parse(again.out)).toMatchObject({ status: 'already_loaded', rows_loaded: 0 });
  });
});
