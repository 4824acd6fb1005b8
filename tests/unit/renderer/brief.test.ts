import { describe, expect, it } from 'vitest';
import { bannerText, briefsFolder, shortHash, verifyText, withheldSummary } from '../../../renderer/src/dialogs/brief/brief-text';
import { packageTarget } from '../../../renderer/src/dialogs/file-target';
import { linkData, nodeData } from '../../../renderer/src/graph/elements';
import { link, node } from './fixtures';

describe('briefing package wording', () => {
  it('says what was withheld for the audience', () => {
    expect(withheldSummary({ withheld: 3, audience: 'CBP' })).toBe('3 items withheld for CBP (replaced by pointers or removed)');
    expect(withheldSummary({ withheld: 0, audience: 'ICE' })).toMatch(/^Nothing withheld/);
  });

  it('reports a verification with the file count when known', () => {
    expect(verifyText({ ok: true, problems: [] }, 5)).toBe('Verified: 5 files');
    expect(verifyText({ ok: true, problems: [] })).toMatch(/^Verified/);
    expect(verifyText({ ok: false, problems: ['brief.pdf: checksum differs', 'x'] })).toBe('Not verified: 2 problems');
  });

  it('shortens checksums, names the banner, finds the default briefs/ folder', () => {
    expect(shortHash('a'.repeat(64))).toHaveLength(12);
    expect(briefsFolder('/home/a/q4.crosslink')).toBe('/home/a/briefs');
    expect(briefsFolder('C:\\cases\\q4.crosslink')).toBe('C:\\cases\\briefs');
    expect(briefsFolder('/q4.crosslink')).toBe('/briefs');
    expect(bannerText('LES')).toMatch(/^LES: /);
  });

  it('verifies a clicked file or a typed .zip path, nothing else', () => {
    const listing = { path: '/cases', parent: '/', entries: [] };
    const zip = { name: 'b.zip', path: '/cases/b.zip', type: 'file' as const, size: 1, isBundle: true };
    expect(packageTarget(listing, zip, '/cases')).toBe('/cases/b.zip');
    expect(packageTarget(listing, null, '/cases')).toBeNull();
    expect(packageTarget(listing, null, '/tmp/p.ZIP')).toBe('/tmp/p.ZIP');
    expect(packageTarget(listing, null, '/tmp/folder')).toBeNull();
  });
});

describe('withheld content on the canvas', () => {
  it('carries a pointer whole: kind, long label, tooltip', () => {
    const ref = { ...node(9, 'pointer', 'ICE holds a record — contact HSI EL PASO'), pointer: { agencies: ['ICE' as const], contact: 'HSI EL PASO', withheld: 1 } };
    const d = nodeData({ ref, pos: { x: 0, y: 0 } });
    expect(d.kind).toBe('pointer');
    expect(d.label).toBe('ICE holds a record — contact HSI EL PASO');
    expect(d.withheld).toBe('Withheld under handling rules — ICE holds a record. Contact: HSI EL PASO.');
    expect(d.partial).toBe(false);
    expect(d.badged).toBe(false);
  });

  it('badges a partly withheld entity with a padlock and says what is missing', () => {
    const ref = { ...node(4, 'person', 'GARCIA, LUIS'), pointer: { agencies: ['ICE' as const], contact: 'HSI EL PASO', withheld: 2 } };
    const d = nodeData({ ref, pos: { x: 0, y: 0 } });
    expect(d.partial).toBe(true);
    expect(d.badged).toBe(true);
    expect(d.withheld).toBe('2 records withheld: ICE holds them; contact HSI EL PASO');
    expect(d.icon).not.toBe(nodeData({ ref: node(4, 'person'), pos: { x: 0, y: 0 } }).icon);
    expect(nodeData({ ref: node(5), pos: { x: 0, y: 0 } })).toMatchObject({ partial: false, withheld: '' });
  });

  it('draws withheld links dashed grey', () => {
    expect(linkData({ ref: { ...link(1, 2, 3), kind: 'withheld' } })).toMatchObject({ lineStyle: 'dashed', colour: '#9ca3af' });
  });
});
