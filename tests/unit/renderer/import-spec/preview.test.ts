import { describe, expect, it } from 'vitest';
import { importGate, rejectSignature, type GateInput } from '../../../../renderer/src/import-spec/import-gate';
import { badColumnsByEntity, headline, kindCounts, linkCounts, readWhole, refusedFiles, rejectsByLine, schemaOf, shortReason, type Preview } from '../../../../renderer/src/import-spec/preview-summary';

function preview(over: Partial<Preview> = {}): Preview {
  return {
    files: [{ file: 'people.csv', part: 0, header: ['Ref', 'DOB'], rows: [{ line: 2, cells: ['P1', '14/03/1985'] }, { line: 3, cells: ['P2', '31/02/1990'] }], refused: null, rowsRead: 2 }],
    entities: [
      { id: 1, kind: 'subject', kindLabel: 'Subject record', label: 'GARCIA, Maria', key: 'people:P1', file: 'people.csv', line: 2, isNew: true },
      { id: 2, kind: 'phone', kindLabel: 'Phone', label: '+19155550101', key: '+19155550101', file: 'people.csv', line: 2, isNew: false },
      { id: 3, kind: 'subject', kindLabel: 'Subject record', label: 'SMITH, John', key: 'people:P4', file: 'people.csv', line: 4, isNew: true },
    ],
    links: [
      { kind: 'has_phone', source: 1, target: 2, sourceLabel: 'GARCIA, Maria', targetLabel: '+19155550101', file: 'people.csv', line: 2 },
      { kind: 'has_phone', source: 3, target: 2, sourceLabel: 'SMITH, John', targetLabel: '+19155550101', file: 'people.csv', line: 4 },
      { kind: 'associate', source: 3, target: 99, sourceLabel: 'SMITH, John', targetLabel: 'withheld', file: 'people.csv', line: 4 },
    ],
    rejects: [{ file: 'people.csv', line: 3, column: 'DOB', reason: "$.files[0].entities[0].fields.dob: impossible date '31/02/1990'" }],
    counts: { entities: 3, links: 3, rejects: 1, rows: 4 },
    ...over,
  };
}

describe('preview summary', () => {
  it('counts entities by kind, with those the case lacks', () => {
    expect(kindCounts(preview())).toEqual([
      { kind: 'subject', label: 'Subject record', count: 2, fresh: 2 },
      { kind: 'phone', label: 'Phone', count: 1, fresh: 0 },
    ]);
    expect(linkCounts(preview(), (k) => k.toUpperCase())).toEqual([{ kind: 'has_phone', label: 'HAS_PHONE', count: 2 }, { kind: 'associate', label: 'ASSOCIATE', count: 1 }]);
  });

  it('indexes rejects by line for the grid and shortens their reason', () => {
    const m = rejectsByLine(preview(), 'people.csv');
    expect([...m.keys()]).toEqual([3]);
    expect(rejectsByLine(preview(), 'other.csv').size).toBe(0);
    expect(shortReason(m.get(3)![0].reason)).toBe("impossible date '31/02/1990'");
    expect(shortReason('expected 7 cells as in the header, found 6')).toBe('expected 7 cells as in the header, found 6');
  });

  it('marks a rejected column on the entity whose field the reason names', () => {
    const p = preview({ rejects: [...preview().rejects, { file: 'people.csv', line: 5, column: 'Ref', reason: 'expected 2 cells as in the header, found 3' }] });
    const bad = badColumnsByEntity(p, 0, ['people.csv'], 2);
    expect([...bad[0]]).toEqual(['DOB', 'Ref']);
    expect([...bad[1]]).toEqual(['Ref']);
    expect(badColumnsByEntity(p, 1, ['other.csv'], 1)[0].size).toBe(0);
  });

  it('sketches kinds and link kinds, leaving out ends it does not list', () => {
    const s = schemaOf(preview());
    expect(s.nodes.map((n) => n.kind)).toEqual(['subject', 'phone']);
    expect(s.edges).toEqual([{ from: 'subject', to: 'phone', kind: 'has_phone', count: 2 }]);
  });

  it('counts the identifiers of record fields from their links', () => {
    const p = preview({
      entities: preview().entities.filter((e) => e.kind === 'subject'),
      links: [
        { kind: 'has_email', source: 1, target: 7, sourceLabel: 'a', targetLabel: 'a@x.org', file: 'people.csv', line: 2 },
        { kind: 'has_email', source: 3, target: 7, sourceLabel: 'b', targetLabel: 'a@x.org', file: 'people.csv', line: 4 },
        { kind: 'has_phone', source: 3, target: 8, sourceLabel: 'b', targetLabel: '+1', file: 'people.csv', line: 4 },
      ],
    });
    const s = schemaOf(p);
    expect(s.nodes).toEqual([{ kind: 'subject', label: 'Subject record', count: 2 }, { kind: 'email', label: 'Email', count: 1 }, { kind: 'phone', label: 'Phone', count: 1 }]);
    expect(s.edges).toContainEqual({ from: 'subject', to: 'email', kind: 'has_email', count: 2 });
    // The headline counts them among the entities the rows make.
    expect(headline(p, 100)).toBe('4 rows: 5 entities, 3 links, 1 rejected row');
  });

  it('says whether the whole file was read', () => {
    expect(readWhole(preview(), 100)).toBe(true);
    expect(headline(preview(), 100)).toBe('4 rows: 3 entities, 3 links, 1 rejected row');
    const long = preview({ files: [{ ...preview().files[0], rowsRead: 100 }] });
    expect(headline(long, 100)).toBe('First 100 rows: 3 entities, 3 links, 1 rejected row');
  });

  it('lists refused files', () => {
    expect(refusedFiles(preview())).toEqual([]);
    const p = preview({ files: [{ ...preview().files[0], refused: "people.csv: spec field $.files[0].entities[0].key.columns[0] names column 'Id', which the header lacks" }] });
    expect(refusedFiles(p)[0].file).toBe('people.csv');
  });
});

describe('import gate', () => {
  const base = (over: Partial<GateInput> = {}): GateInput => ({ status: 'done', preview: preview(), problems: 0, acceptedFor: null, importing: false, limit: 100, ...over });

  it('holds the import while rows would be rejected, until exactly those are accepted', () => {
    const g = importGate(base());
    expect(g).toMatchObject({ enabled: false, acceptLabel: 'Accept 1 rejected row (they are listed in the import report)', accepted: false });
    const ok = importGate(base({ acceptedFor: rejectSignature(preview()) }));
    expect(ok).toMatchObject({ enabled: true, accepted: true, acceptRejects: true });
    // An edit that changes the rejects takes the acceptance back.
    const other = preview({ rejects: [{ ...preview().rejects[0], line: 5 }] });
    expect(importGate(base({ preview: other, acceptedFor: rejectSignature(preview()) }))).toMatchObject({ enabled: false, accepted: false });
  });

  it('imports at once when nothing is rejected, without accepting rejects', () => {
    const clean = preview({ rejects: [], counts: { entities: 3, links: 3, rejects: 0, rows: 4 } });
    expect(importGate(base({ preview: clean }))).toMatchObject({ enabled: true, acceptLabel: null, acceptRejects: false });
  });

  it('says why not: spec problems, a running or failed preview, a refused file, nothing made', () => {
    expect(importGate(base({ problems: 2 })).reason).toBe('Fix 2 problems of the spec first.');
    expect(importGate(base({ status: 'running' })).reason).toMatch(/Waiting/);
    expect(importGate(base({ status: 'failed', preview: null })).enabled).toBe(false);
    const refused = preview({ files: [{ ...preview().files[0], refused: 'x' }] });
    expect(importGate(base({ preview: refused })).reason).toMatch(/people\.csv would be refused/);
    const empty = preview({ entities: [], links: [], rejects: [], counts: { entities: 0, links: 0, rejects: 0, rows: 4 } });
    expect(importGate(base({ preview: empty })).reason).toMatch(/make nothing/);
    expect(importGate(base({ importing: true })).enabled).toBe(false);
  });
});

describe('import gate on long files', () => {
  it('warns that rows past the preview are checked by the import, unless rejects are accepted', () => {
    const clean = { ...{}, files: [{ file: 'big.csv', part: 0, header: ['a'], rows: [], refused: null, rowsRead: 100 }], entities: [{ id: 1, kind: 'phone' as const, kindLabel: 'Phone', label: 'x', key: 'x', file: 'big.csv', line: 2, isNew: true }], links: [], rejects: [], counts: { entities: 1, links: 0, rejects: 0, rows: 100 } };
    const g = importGate({ status: 'done', preview: clean, problems: 0, acceptedFor: null, importing: false, limit: 100 });
    expect(g.enabled).toBe(true);
    expect(g.reason).toMatch(/first 100 rows: if a later row breaks a rule, nothing is kept/);
  });
});
