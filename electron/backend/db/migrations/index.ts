// Numbered, forward-only migrations. Append; never edit one that has shipped.
import m001 from './001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: m001 }];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
