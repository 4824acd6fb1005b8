// Boots a TypeScript worker when running from source (tsx, vitest): registers tsx's
// loader inside the worker, then imports the real entry. Bundled builds load .js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
