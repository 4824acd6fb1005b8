import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../shared/model';
import { linkData, nodeData } from '../../../renderer/src/graph/elements';
import { GLYPHS, glyphSvg } from '../../../renderer/src/icons/glyphs';
import { KIND_LOOK, badgeUri, glyphUri } from '../../../renderer/src/icons/kinds';
import { link, node } from './fixtures';

describe('kind icons', () => {
  it('has a glyph, a colour and a label for every kind', () => {
    for (const k of NODE_KINDS) {
      expect(GLYPHS[k]).toBeTruthy();
      expect(KIND_LOOK[k].colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(glyphUri(k)).toMatch(/^data:image\/svg\+xml;utf8,/);
      expect(badgeUri(k)).toMatch(/^data:image\/svg\+xml;utf8,/);
    }
  });

  it('writes well-formed SVG: no attribute twice on one element (browsers reject that)', () => {
    for (const k of NODE_KINDS) {
      for (const tag of glyphSvg(k).match(/<[a-z]+\s[^>]*>/g) ?? []) {
        const names = [...tag.matchAll(/\s([a-z-]+)=/g)].map((m) => m[1]);
        expect(new Set(names).size, `${k}: ${tag}`).toBe(names.length);
      }
    }
  });

  it('gives every kind its own colour', () => {
    const colours = NODE_KINDS.map((k) => KIND_LOOK[k].colour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('Cytoscape element data', () => {
  it('uses n<id> and l<id> ids and truncates long labels', () => {
    const d = nodeData({ ref: { ...node(7), label: 'A VERY LONG NAME THAT WILL NOT FIT UNDER A NODE' }, pos: { x: 0, y: 0 } });
    expect(d.id).toBe('n7');
    expect(d.label.length).toBeLessThanOrEqual(26);
    expect(d.fullLabel).toContain('NOT FIT');
    const l = linkData({ ref: link(3, 7, 8) });
    expect(l).toMatchObject({ id: 'l3', source: 'n7', target: 'n8', lineStyle: 'solid' });
  });

  it('rings restricted nodes and dashes reported associations', () => {
    expect(nodeData({ ref: { ...node(1), handling: 'ORCON' }, pos: { x: 0, y: 0 } }).ring).toBe('#dc2626');
    expect(nodeData({ ref: { ...node(1), handling: 'LES' }, pos: { x: 0, y: 0 } }).ringWidth).toBeGreaterThan(2);
    expect(linkData({ ref: { ...link(1, 1, 2), kind: 'associate' } }).lineStyle).toBe('dashed');
  });
});
