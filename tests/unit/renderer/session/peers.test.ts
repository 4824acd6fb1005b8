import { describe, expect, it } from 'vitest';
import { initials, people, readPeers, selectionMarks, selectionTargets, toRendered } from '../../../../renderer/src/session/peers';
import { throttle } from '../../../../renderer/src/session/throttle';
import { formatFingerprint, parseJoinHash } from '../../../../renderer/src/join/join-link';
import { sessionTitle } from '../../../../renderer/src/session/session-title';

const user = (id: string, colour: string) => ({ id, name: `Name ${id}`, agency: 'CBP', colour });

describe('peers from awareness states', () => {
  const states = new Map<number, unknown>([
    [5, { user: user('p-b', '#00798c'), selection: ['node:3', 'link:9'], pointer: { x: 1, y: 2 }, viewport: { x: 10, y: 20, zoom: 1.5 } }],
    [2, { user: user('p-a', '#d1495b'), selection: ['node:3'], pointer: null }],
    [7, { selection: ['node:4'] }],
    [1, { user: user('me', '#000') }],
    [9, { user: user('p-a', '#d1495b'), selection: [] }],
  ]);

  it('leaves out this window and states without an identity the host stamped', () => {
    const peers = readPeers(states, 1);
    expect(peers.map((p) => p.clientId)).toEqual([2, 5, 9]);
    expect(peers[1].viewport).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(people(peers).map((p) => p.id)).toEqual(['p-a', 'p-b']);
  });

  it('marks each selected element with the colour of the first who selected it', () => {
    const marks = selectionMarks(readPeers(states, 1));
    expect(marks.get('n3')?.colour).toBe('#d1495b');
    expect(marks.get('l9')?.colour).toBe('#00798c');
    expect(marks.has('n4')).toBe(false);
  });

  it('sends the selection as targets, at most as many as the host accepts', () => {
    expect(selectionTargets({ nodes: [1, 2], links: [3] })).toEqual(['node:1', 'node:2', 'link:3']);
    expect(selectionTargets({ nodes: Array.from({ length: 600 }, (_, i) => i), links: [] })).toHaveLength(500);
  });

  it('draws a model point through the pan and zoom', () => {
    expect(toRendered({ x: 10, y: -5 }, { pan: { x: 100, y: 50 }, zoom: 2 })).toEqual({ x: 120, y: 40 });
  });

  it('shows initials', () => {
    expect(initials('Rosa Ortega')).toBe('RO');
    expect(initials('c. barros')).toBe('CB');
    expect(initials('Sato')).toBe('SA');
  });
});

describe('throttle', () => {
  it('sends the latest of many updates once per interval', async () => {
    const sent: Array<Partial<Record<string, number>>> = [];
    const t = throttle<Record<string, number>>((p) => sent.push(p), 30);
    for (let i = 0; i < 50; i++) t.push({ x: i });
    t.push({ y: 1 });
    await new Promise((r) => setTimeout(r, 60));
    expect(sent).toEqual([{ x: 49, y: 1 }]);
    t.push({ x: 1 });
    t.cancel();
    await new Promise((r) => setTimeout(r, 60));
    expect(sent).toHaveLength(1);
  });
});

describe('the join link and the title', () => {
  it('reads the code and fingerprint from the fragment', () => {
    const fp = 'ab'.repeat(32);
    expect(parseJoinHash(`#code=k7pq2m&fp=${fp}`)).toEqual({ code: 'K7PQ2M', fingerprint: fp.toUpperCase() });
    expect(parseJoinHash('#code=ABC').fingerprint).toBe('');
    expect(formatFingerprint('abcd01')).toBe('AB:CD:01');
  });

  it('names the review and the participant', () => {
    expect(sessionTitle('Working board', { name: 'C. Barros', agency: 'CBP' })).toBe('Review session: Working board — you are C. Barros (CBP)');
  });
});
