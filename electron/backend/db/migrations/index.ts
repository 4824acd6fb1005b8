// Numbered, forward-only migrations. Append; never edit one that has shipped.
import m001 from './001-initial';
import m002 from './002-import-marks';
import m003 from './003-board';
import m004 from './004-resolution';
import m005 from './005-boards';
import m006 from './006-leads';
import m007 from './007-watch';
import m008 from './008-audit';
import m009 from './009-reject-handling';
import m010 from './010-watch-agency';
import m011 from './011-session';
import m012 from './012-import-specs';
import m013 from './013-resolution-names';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'import-marks', sql: m002 },
  { version: 3, name: 'board', sql: m003 },
  { version: 4, name: 'resolution', sql: m004 },
  { version: 5, name: 'boards', sql: m005 },
  { version: 6, name: 'leads', sql: m006 },
  { version: 7, name: 'watch', sql: m007 },
  { version: 8, name: 'audit', sql: m008 },
  { version: 9, name: 'reject-handling', sql: m009 },
  { version: 10, name: 'watch-agency', sql: m010 },
  { version: 11, name: 'session', sql: m011 },
  { version: 12, name: 'import-specs', sql: m012 },
  { version: 13, name: 'resolution-names', sql: m013 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
