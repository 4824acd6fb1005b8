// Reads and resolves a case's vehicles on its own thread (its own read-only connection)
// while the resolution run's thread works on the persons: on a national day the two phases
// take 20 s and 8 s, and the machine has two cores. The answer goes back on a message port
// and a shared flag, so the run can wait for it without leaving its synchronous transaction.
import Database from 'better-sqlite3';
import { workerData, type MessagePort } from 'node:worker_threads';
import { readVehicleGroups, type VehicleGroups } from './case-vehicles';

export interface VehicleWorkerData {
  path: string;
  port: MessagePort;
  /** 2 once this module runs, 1 (and notified) once the answer is on the port. */
  done: Int32Array;
}

export type VehicleWorkerAnswer = { groups: VehicleGroups } | { error: string };

const { path, port, done } = workerData as VehicleWorkerData;
Atomics.store(done, 0, 2);
let answer: VehicleWorkerAnswer;
try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32768');
    answer = { groups: readVehicleGroups(db) };
  } finally {
    db.close();
  }
} catch (err) {
  answer = { error: err instanceof Error ? err.message : String(err) };
}
port.postMessage(answer);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
