// Everything the package writes as markup or as a spreadsheet is escaped: case text from other
// agencies' exports can hold tags, quotes, control and direction characters.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../electron/backend/brief/csv';
import { esc } from '../../../electron/backend/brief/escape';
import { boardGraphml } from '../../../electron/backend/brief/graphml';
import { briefHtml } from '../../../electron/backend/brief/html';
import { chartSvg } from '../../../electron/backend/brief/svg';
import { briefModel, HOSTILE } from '../../fixtures/brief/model';

const NASTY = [HOSTILE, '"><svg onload=alert(1)>', "' onmouseover='x", ']]><!--', '&amp; &#x3C;', 'a\u0000b\u0007c\u001Fd', 'lone \uD800 surrogate', '\u202Eevil\u202C', 'zero\u200Bwidth', '\uFFFE\uFFFF'];

/** Tags the writers emit themselves; anything else came from case text that escaped escaping. */
const HTML_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'div', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd', 'section', 'p', 'br', 'ul', 'ol', 'li', 'img', 'article', 'span', 'bdi', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong']);
const SVG_TAGS = new Set(['svg', 'rect', 'text', 'g', 'title', 'line', 'circle', 'path', 'polygon']);
const GRAPHML_TAGS = new Set(['graphml', 'key', 'graph', 'node', 'edge', 'data']);

/** Event-handler attributes inside real tags (escaped text has no '<', so a match is a tag). */
const handlers = (markup: string): string[] => [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]).filter((tag) => /\son\w+\s*=/i.test(tag));

const tagsOf = (markup: string): Set<string> => new Set([...markup.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1].toLowerCase()));

/** The fixture with every kind of nasty text in every field that is printed. */
function nastyModel() {
  const m = briefModel({ subjects: 4 });
  m.board.nodes.forEach((nd, i) => (nd.ref.label = NASTY[i % NASTY.length]));
  m.board.links.forEach((l, i) => (l.label = NASTY[(i + 3) % NASTY.length]));
  m.entities.forEach((e, i) => {
    e.ref.label = NASTY[i % NASTY.length];
    e.ref.sourceId = NASTY[(i + 1) % NASTY.length];
    e.attributes.forEach((a) => {
      a.name = NASTY[(i + 2) % NASTY.length];
      a.value = NASTY[(i + 5) % NASTY.length];
      a.provenance.file = NASTY[(i + 4) % NASTY.length];
    });
  });
  m.title = NASTY.join(' ');
  m.summary = NASTY.join('\n\n');
  m.withheldNotes = NASTY;
  m.paths = [{ title: NASTY[1], steps: NASTY }];
  m.leads = NASTY.map((s, i) => ({ kind: s, score: i, title: s, summary: s }));
  m.timeline = NASTY.map((s) => ({ at: s, label: s }));
  m.sources = NASTY.map((s, i) => ({ exportId: s, file: s, line: i, agency: s, handling: 'SHARED' as const }));
  return m;
}

function parsesAsXml(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-xml-')), 'doc.xml');
  fs.writeFileSync(file, text);
  const r = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])', file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true });
  return r.status === 0 ? 'ok' : r.stderr;
}

describe('esc', () => {
  it('leaves no markup character and no character XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = esc(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('every writer escapes case text', () => {
  const m = nastyModel();

  it('brief HTML: only its own tags, nothing to fetch', () => {
    const svg = chartSvg(m.board);
    const html = briefHtml(m, svg);
    expect([...tagsOf(html)].filter((t) => !HTML_TAGS.has(t))).toEqual([]);
    expect(handlers(html)).toEqual([]);
    expect([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((x) => x[1].slice(0, 5))).toEqual(['data:']);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    // Each case text is isolated for bidi: the override cannot run past its own field.
    expect(html).toContain('<bdi>\u202Eevil\u202C</bdi>');
  });

  it('chart SVG: only its own tags, and well-formed XML', () => {
    const svg = chartSvg(m.board);
    expect([...tagsOf(svg)].filter((t) => !SVG_TAGS.has(t))).toEqual([]);
    expect(handlers(svg)).toEqual([]);
    expect(parsesAsXml(svg)).toBe('ok');
  });

  it('GraphML: only its own tags, and well-formed XML', () => {
    const xml = boardGraphml(m.board);
    expect([...tagsOf(xml)].filter((t) => !GRAPHML_TAGS.has(t))).toEqual([]);
    expect(parsesAsXml(xml)).toBe('ok');
  });
});

describe('csvCell', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1 915 555 1000')).toBe("'+1 915 555 1000");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\u200E=cmd')).toBe("'\u200E=cmd");
    expect(csvCell(' =cmd')).toBe("' =cmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('GARCIA')).toBe('GARCIA');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });
});
