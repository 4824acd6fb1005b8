// Bundles Electron's main, preload and the DB worker with esbuild (renderer: Vite).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, external: ['electron', 'better-sqlite3', 'playwright-core'], logLevel: 'warning' };
const esm = { format: 'esm', banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" } };
// Main is ESM (Electron >= 28) so import.meta.url locates the worker beside it.
await build({ ...common, ...esm, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' });
// The worker is loaded by URL next to the module that spawns it.
await build({ ...common, entryPoints: ['electron/backend/db/worker.ts'], outfile: 'dist/electron/worker.js', ...esm });
// The resolution run's vehicle reader, spawned by the DB worker (beside it once bundled).
await build({ ...common, entryPoints: ['electron/backend/resolve/vehicle-worker.ts'], outfile: 'dist/electron/vehicle-worker.js', ...esm });
console.log('built dist/electron');
