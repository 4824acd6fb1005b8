// The bundled demo case: built once from the deterministic demo bundle, then reused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from './api';

export const DEMO_SEED = 7;

export function crosslinkHome(): string {
  return process.env.CROSSLINK_HOME || path.join(os.homedir(), '.crosslink');
}

/** Returns the demo case path, generating and importing the demo bundle the first time. */
export async function ensureDemoCase(home = crosslinkHome(), log: (s: string) => void = () => {}): Promise<string> {
  const dir = path.join(home, 'demo');
  const file = path.join(dir, 'demo-case.crosslink');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const bundle = path.join(dir, 'bundle');
  log('Preparing the demo case (first start only)…');
  const { generateDemo } = await import('./demo/generate');
  await generateDemo({ out: bundle, truthOut: path.join(dir, 'truth'), seed: DEMO_SEED });
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const b = new Backend({ host: 'cli', version: 'demo' });
  try {
    const created = await b.handle('case.create', { path: tmp, name: 'Demo: El Paso field office', profile: { name: 'R. Ortega', agency: 'ICE' } });
    if (!created.ok) throw new Error(created.error.message);
    const started = await b.handle('import.start', { path: bundle });
    if (!started.ok) throw new Error(started.error.message);
    const final = await b.waitForJob((started.value as { jobId: string }).jobId);
    if (final.state !== 'done') throw new Error(final.error ?? 'demo import failed');
  } finally {
    await b.close();
  }
  fs.renameSync(tmp, file);
  return file;
}
