// Small helpers of the command line: argument checks, calls through the contract, output.
import type { CallName, Input, Output } from '../../shared/contract';
import type { Backend } from '../backend/api';
import { AppError } from '../backend/errors';

export class UsageError extends Error {}

export function int(v: string | undefined, name: string, dflt?: number): number | undefined {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got '${v}'`);
  return Number(v);
}

export function need<T>(v: T | undefined, name: string): T {
  if (v === undefined || v === '') throw new UsageError(`missing --${name}`);
  return v;
}

export async function call<N extends CallName>(b: Backend, name: N, input: Input<N>): Promise<Output<N>> {
  const r = await b.handle(name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as Output<N>;
}

export function print(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}
