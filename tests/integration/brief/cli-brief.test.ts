// `crosslink brief verify`: one line when the package is whole, the problems and exit 1 when not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BriefRenderer } from '../../../electron/backend/brief/model';
import { writeBriefPackage } from '../../../electron/backend/brief/package';
import { readZip, writeZip } from '../../../electron/backend/brief/zip';
import { cmdBriefVerify } from '../../../electron/host/cli-brief';
import { briefModel } from '../../fixtures/brief/model';

// Verification never looks inside the PDF or the picture: a stand-in renderer is enough here.
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const fake: BriefRenderer = { pdf: async () => Buffer.from('%PDF-1.7 stand-in'), png: async () => PNG_1x1, close: async () => {} };

let dir: string;
let good: string;

async function run(file: string, json: boolean): Promise<{ code: number; out: string }> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const code = await cmdBriefVerify(file, json);
    return { code, out: writes.join('') };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosslink-cli-brief-'));
  good = path.join(dir, 'brief.zip');
  await writeBriefPackage(briefModel({ subjects: 3 }), good, fake);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cmdBriefVerify', () => {
  it('prints the count and exits 0 for a whole package', async () => {
    expect(await run(good, false)).toEqual({ code: 0, out: 'package verified: 8 files\n' });
    const { code, out } = await run(good, true);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, files: 8, problems: [], audience: 'CBP', handling: 'LES' });
  });

  it('prints each problem and exits 1 for a changed package', async () => {
    const bad = path.join(dir, 'changed.zip');
    const entries = await readZip(good);
    await writeZip(
      bad,
      entries.map((e) => ({ name: e.name, data: e.name === 'links.csv' ? Buffer.concat([e.data!, Buffer.from('9,x\r\n')]) : e.data!, compress: true })),
      new Date(),
    );
    const { code, out } = await run(bad, false);
    expect(code).toBe(1);
    expect(out).toMatch(/^package NOT verified: 1 problem in .*changed\.zip\n {2}links\.csv: \d+ bytes, the manifest says \d+: changed after packaging\n$/);
    expect(JSON.parse((await run(bad, true)).out)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^links\.csv: /)] });
  });

  it('exits 1 for a file that is not a package', async () => {
    const { code, out } = await run(path.join(dir, 'absent.zip'), false);
    expect(code).toBe(1);
    expect(out).toContain('absent.zip: no such file');
  });
});
