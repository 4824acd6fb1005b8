// `npm run web`: the browser host, on the demo case unless --db names another.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crosslinkHome, ensureDemoCase } from '../backend/demo-case';
import { startWebHost } from './web';
import { AGENCY } from '../../shared/model';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    bind: { type: 'string' },
    demo: { type: 'boolean' },
    'no-demo': { type: 'boolean' },
    as: { type: 'string' },
  },
});

const demoCase = values['no-demo'] || values.db ? null : await ensureDemoCase(crosslinkHome(), (s) => console.log(s));
const host = await startWebHost({
  db: values.db ? path.resolve(values.db) : (demoCase ?? undefined),
  port: values.port ? Number(values.port) : 5199,
  bind: values.bind,
  demoCase,
  homeDir: crosslinkHome(),
  actAs: values.as ? AGENCY.parse(values.as.toUpperCase()) : undefined,
});
console.log(`Crosslink browser host on ${host.origin}\nOpen: ${host.url}`);
const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
