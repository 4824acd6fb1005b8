// Entity resolution: the analyst's decisions (kept across re-imports and re-runs, undoable)
// and a record of each run with the model it learnt.
export default `
CREATE TABLE resolution_decision (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  who       TEXT NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('same', 'not_same', 'alone')),
  a         TEXT NOT NULL,
  b         TEXT,
  note      TEXT,
  undone_at TEXT
);

CREATE TABLE resolution_run (
  id              INTEGER PRIMARY KEY,
  at              TEXT NOT NULL,
  records         INTEGER NOT NULL,
  persons         INTEGER NOT NULL,
  candidate_pairs INTEGER NOT NULL,
  seconds         REAL NOT NULL,
  model           TEXT NOT NULL
);
`;
