import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/api';
import { contract, type CallName } from '../../shared/contract';
import { newCase } from '../helpers/case';

// Every call, whatever garbage it is handed, answers a validation error and never crashes.
const GARBAGE: unknown[] = ['text', 42, true, [], [1, 2], { path: 7, id: 'one', q: {}, jobId: [], importId: -3, sourceId: '', limit: 1e9, offset: -1, force: 'yes', kinds: ['alien'] }];

describe('contract validation', () => {
  let withCase: Backend;
  const noCase = new Backend({ host: 'cli', version: 'test', checkOutput: true });
  beforeAll(async () => ({ backend: withCase } = await newCase()));
  afterAll(async () => Promise.all([withCase.close(), noCase.close()]));

  for (const name of Object.keys(contract) as CallName[]) {
    it(`${name}: bad input gets invalid_input`, async () => {
      for (const input of GARBAGE) {
        // case.close accepts anything object-shaped and would close the shared case
        for (const b of name === 'case.close' ? [noCase] : [noCase, withCase]) {
          const r = await b.handle(name, input);
          const acceptsEmpty = contract[name].input.safeParse({}).success;
          if (acceptsEmpty && typeof input === 'object' && !Array.isArray(input)) {
            // a call without required fields may ignore unknown keys; it must still answer cleanly
            expect(typeof r.ok).toBe('boolean');
          } else {
            expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
            if (!r.ok) expect(r.error.message).toContain(name);
          }
        }
      }
    });
  }

  it('an unknown call is refused by name, prototype keys included', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await noCase.handle(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('calls that need a case say so when none is open', async () => {
    expect(await noCase.handle('search', { q: 'x' })).toMatchObject({ ok: false, error: { code: 'no_case' } });
  });

  it('a missing node is not_found, not a crash', async () => {
    expect(await withCase.handle('graph.node', { id: 999999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
