import type Database from 'better-sqlite3';
import type { Stats } from '../../../shared/contract';

export function stats(db: Database.Database): Stats {
  return {
    nodes: db.prepare('SELECT kind, count(*) AS count FROM node GROUP BY kind ORDER BY count DESC').all() as Stats['nodes'],
    links: db.prepare('SELECT kind, count(*) AS count FROM link GROUP BY kind ORDER BY count DESC').all() as Stats['links'],
  };
}
