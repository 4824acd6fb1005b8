import { describe, expect, it } from 'vitest';
import {
  boardSignature, communityColours, communityLegend, COMMUNITY_PALETTE, fmtScore, metricSizes, OTHER_COMMUNITY, topByMetric, type Score,
} from '../../../renderer/src/graph/metric-style';

const s = (id: number, betweenness: number, community: number, degree = 1): Score => ({ id, degree, betweenness, pagerank: 0.1, community });

describe('metric sizes', () => {
  it('maps the lowest score to the smallest size and the highest to the largest', () => {
    const m = metricSizes([s(1, 0, 0), s(2, 25, 0), s(3, 100, 0)], 'betweenness', { min: 20, max: 100 });
    expect(m.get(1)).toBe(20);
    expect(m.get(3)).toBe(100);
    // Square root: a quarter of the score gives half of the extra size (area grows with score).
    expect(m.get(2)).toBe(60);
  });

  it('gives every node the smallest size when all scores are equal', () => {
    const m = metricSizes([s(1, 5, 0), s(2, 5, 0)], 'betweenness', { min: 20, max: 100 });
    expect([...m.values()]).toEqual([20, 20]);
  });

  it('is empty without scores', () => {
    expect(metricSizes([], 'degree').size).toBe(0);
  });
});

describe('community colours', () => {
  it('gives the largest communities the first colours and lone nodes grey', () => {
    const scores = [s(1, 0, 7), s(2, 0, 7), s(3, 0, 7), s(4, 0, 2), s(5, 0, 2), s(6, 0, 9)];
    const legend = communityLegend(scores);
    expect(legend.map((c) => [c.community, c.size])).toEqual([[7, 3], [2, 2], [9, 1]]);
    const colours = communityColours(scores);
    expect(colours.get(1)).toBe(COMMUNITY_PALETTE[0]);
    expect(colours.get(4)).toBe(COMMUNITY_PALETTE[1]);
    expect(colours.get(6)).toBe(OTHER_COMMUNITY);
  });

  it('runs out of palette gracefully', () => {
    const scores = Array.from({ length: 40 }, (_, i) => s(i, 0, Math.floor(i / 2)));
    const colours = new Set(communityColours(scores).values());
    expect(colours.size).toBe(COMMUNITY_PALETTE.length + 1);
  });
});

describe('helpers', () => {
  it('ranks by a metric, ties by id', () => {
    expect(topByMetric([s(3, 5, 0), s(1, 9, 0), s(2, 5, 0)], 'betweenness', 2).map((x) => x.id)).toEqual([1, 2]);
  });

  it('formats scores per metric', () => {
    expect(fmtScore('degree', 4)).toBe('4');
    expect(fmtScore('pagerank', 0.012345)).toBe('0.0123');
    expect(fmtScore('betweenness', 1234.5)).toBe('1,235');
    expect(fmtScore('betweenness', 3.14159)).toBe('3.14');
    expect(fmtScore('betweenness', 0.0612)).toBe('0.061');
  });

  it('a board signature ignores order and link direction', () => {
    expect(boardSignature([2, 1], [[1, 2]])).toBe(boardSignature([1, 2], [[2, 1]]));
    expect(boardSignature([1, 2], [])).not.toBe(boardSignature([1, 2], [[1, 2]]));
  });
});
