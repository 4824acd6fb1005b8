// The first schema: imports and their provenance, the graph (nodes and links), search.
// Record nodes carry their source row (file, line, agency, handling, cells); derived
// nodes (phone, document, event...) carry a normalised key shared by every row naming it.
export default `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE import (
  id            INTEGER PRIMARY KEY,
  export_id     TEXT NOT NULL,
  exported_at   TEXT,
  source_system TEXT,
  region        TEXT,
  source        TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  status        TEXT NOT NULL,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_loaded   INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_skipped  INTEGER NOT NULL DEFAULT 0,
  nodes_added   INTEGER NOT NULL DEFAULT 0,
  links_added   INTEGER NOT NULL DEFAULT 0,
  seconds       REAL NOT NULL DEFAULT 0
);
CREATE INDEX import_export ON import(export_id);

CREATE TABLE source_file (
  id            INTEGER PRIMARY KEY,
  import_id     INTEGER NOT NULL REFERENCES import(id),
  name          TEXT NOT NULL,
  sha256        TEXT,
  header        TEXT NOT NULL,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_loaded   INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_skipped  INTEGER NOT NULL DEFAULT 0,
  refused       TEXT
);
CREATE INDEX source_file_import ON source_file(import_id);

CREATE TABLE reject (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES import(id),
  file        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  column_name TEXT,
  reason      TEXT NOT NULL
);
CREATE INDEX reject_import ON reject(import_id, id);

CREATE TABLE node (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  key      TEXT NOT NULL,
  label    TEXT NOT NULL,
  at       TEXT,
  file_id  INTEGER REFERENCES source_file(id),
  line     INTEGER,
  agency   TEXT,
  handling TEXT NOT NULL DEFAULT 'SHARED',
  cells    TEXT
);
CREATE UNIQUE INDEX node_kind_key ON node(kind, key);

CREATE TABLE link (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  src      INTEGER NOT NULL REFERENCES node(id),
  dst      INTEGER NOT NULL REFERENCES node(id),
  at       TEXT,
  file_id  INTEGER REFERENCES source_file(id),
  line     INTEGER,
  handling TEXT NOT NULL DEFAULT 'SHARED',
  attrs    TEXT
);
CREATE INDEX link_src ON link(src, kind);
CREATE INDEX link_dst ON link(dst, kind);

CREATE VIRTUAL TABLE node_fts USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
