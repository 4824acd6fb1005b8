// Leads found by the detectors after each import, with the analyst's verdicts. A lead is
// known by its key (what it is about), so a verdict outlives re-runs; `items` is the
// evidence as a list that grows, to tell when a dismissed lead has something new.
export default `
CREATE TABLE lead (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL,
  key        TEXT NOT NULL UNIQUE,
  score      REAL NOT NULL,
  title      TEXT NOT NULL,
  summary    TEXT NOT NULL,
  entities   TEXT NOT NULL,
  evidence   TEXT NOT NULL,
  sources    TEXT NOT NULL,
  items      TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'dismissed', 'escalated')),
  reason     TEXT,
  decided_at TEXT,
  decided_by TEXT,
  whats_new  TEXT,
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX lead_rank ON lead(active, status, score DESC);

CREATE TABLE lead_run (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  summary TEXT NOT NULL
);
`;
