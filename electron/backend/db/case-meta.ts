import type Database from 'better-sqlite3';
import type { CaseInfo } from '../../../shared/contract';
import { AGENCY, type Profile } from '../../../shared/model';

/** Cases made before profiles existed were worked by ICE analysts (the demo's owner). */
export const LEGACY_PROFILE: Profile = { name: 'analyst', agency: 'ICE' };

export function initMeta(db: Database.Database, name: string, profile: Profile = LEGACY_PROFILE): void {
  const put = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  put.run('name', name);
  put.run('created_at', new Date().toISOString());
  put.run('profile_name', profile.name);
  put.run('profile_agency', profile.agency);
}

export function caseProfile(meta: Map<string, string>): Profile {
  const agency = AGENCY.safeParse(meta.get('profile_agency'));
  return { name: meta.get('profile_name') ?? LEGACY_PROFILE.name, agency: agency.success ? agency.data : LEGACY_PROFILE.agency };
}

export function caseInfo(db: Database.Database, path: string): CaseInfo {
  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
  const count = (sql: string) => (db.prepare(sql).get() as { c: number }).c;
  return {
    path,
    name: meta.get('name') ?? path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
    createdAt: meta.get('created_at') ?? '',
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    counts: {
      nodes: count('SELECT count(*) AS c FROM node'),
      links: count('SELECT count(*) AS c FROM link'),
      imports: count(`SELECT count(*) AS c FROM import WHERE status = 'done'`),
    },
    notices: [],
    profile: caseProfile(meta),
    actingAs: caseProfile(meta),
  };
}
