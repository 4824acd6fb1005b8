import { describe, expect, it } from 'vitest';
import type { LinkRef } from '../../../shared/model';
import { describeFilters, hiddenBy, inPeriod, isFilterActive, NO_FILTERS } from '../../../renderer/src/graph/filters';
import { EMPTY_GRAPH, withAdded } from '../../../renderer/src/graph/state';
import { link, node } from './fixtures';

const dated = (id: number, s: number, t: number, at: string | null, kind: LinkRef['kind'] = 'travelled_in'): LinkRef => ({ ...link(id, s, t), kind, at });

// 1 person — 2 event (2025-10-05) — 3 port;  1 — 4 phone (undated);  5 event (2025-12-20) — 1
const board = withAdded(EMPTY_GRAPH, {
  nodes: [node(1, 'person'), node(2, 'event'), { ...node(3, 'port'), handling: 'LES' as const }, node(4, 'phone'), node(5, 'event')].map((ref) => ({ ref, pos: { x: 0, y: 0 } })),
  links: [dated(10, 1, 2, '2025-10-05T08:00:00Z'), dated(11, 2, 3, '2025-10-05T08:00:00Z', 'at_port'), dated(12, 1, 4, null, 'has_phone'), dated(13, 5, 1, '2025-12-20T10:00:00Z')].map((ref) => ({ ref })),
});

describe('filters', () => {
  it('no filters hide nothing', () => {
    expect(isFilterActive(NO_FILTERS)).toBe(false);
    const h = hiddenBy(board, NO_FILTERS);
    expect(h.nodes.size + h.links.size).toBe(0);
  });

  it('hiding a kind hides its nodes and their links', () => {
    const h = hiddenBy(board, { ...NO_FILTERS, hideNodeKinds: ['port'] });
    expect([...h.nodes]).toEqual([3]);
    expect([...h.links]).toEqual([11]);
  });

  it('hiding a link kind leaves the nodes', () => {
    const h = hiddenBy(board, { ...NO_FILTERS, hideLinkKinds: ['has_phone'] });
    expect(h.nodes.size).toBe(0);
    expect([...h.links]).toEqual([12]);
  });

  it('hides by handling', () => {
    const h = hiddenBy(board, { ...NO_FILTERS, hideHandling: ['LES'] });
    expect([...h.nodes]).toEqual([3]);
  });

  it('keeps only the chosen agencies; nodes of no known agency stay', () => {
    const agencies = new Map([[1, ['CBP' as const]], [2, ['ICE' as const]], [5, ['ICE' as const, 'CBP' as const]]]);
    const h = hiddenBy(board, { ...NO_FILTERS, agencies: ['CBP'] }, (id) => agencies.get(id));
    expect([...h.nodes]).toEqual([2]);
    expect([...h.links].sort()).toEqual([10, 11]);
  });

  it('a period hides dated links outside it and nodes left with none, but keeps undated links', () => {
    const h = hiddenBy(board, { ...NO_FILTERS, since: '2025-12-01', until: '2025-12-31' });
    expect([...h.links].sort()).toEqual([10, 11]);
    // The October event and its port go; the person keeps the phone and the December crossing.
    expect([...h.nodes].sort()).toEqual([2, 3]);
  });

  it('compares period bounds at their own precision', () => {
    expect(inPeriod('2025-12-31T23:59:00Z', null, '2025-12-31')).toBe(true);
    expect(inPeriod('2026-01-01T00:00:00Z', null, '2025-12-31')).toBe(false);
    expect(inPeriod('2025-11-30T23:59:00Z', '2025-12-01', null)).toBe(false);
    expect(inPeriod(null, '2025-12-01', '2025-12-31')).toBe(true);
  });

  it('describes the active filters in one line', () => {
    const text = describeFilters({ ...NO_FILTERS, hideNodeKinds: ['port'], hideHandling: ['ORCON'], agencies: ['ICE'], since: '2025-10-01' }, (k) => k.toUpperCase(), (k) => k);
    expect(text).toBe('hiding PORT, ORCON; only ICE; 2025-10-01 – …');
  });
});
