// Imports through an import spec (tables, graph-database exports):
// - kind_def: how the case shows the custom kinds those imports brought (label, colour, icon);
// - spec_key: which node each source key of a spec import became, by id space, so a link row
//   ("START_ID 17") finds the node of another file or an earlier import; taken out with its
//   file when an import is rolled back (a key may name a node that was there before);
// - source_file.role: the bundle file a spec-mapped part stands for (subjects.csv for person
//   records), so resolution and leads read those rows like the bundle's own;
// - import.spec: the spec an import ran with, as JSON (the provenance of every row it made).
export default `
CREATE TABLE kind_def (
  kind     TEXT PRIMARY KEY,
  label    TEXT NOT NULL,
  colour   TEXT NOT NULL,
  icon     TEXT NOT NULL,
  is_link  INTEGER NOT NULL DEFAULT 0,
  directed INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE spec_key (
  space TEXT NOT NULL,
  key   TEXT NOT NULL,
  node  INTEGER NOT NULL,
  file_id INTEGER NOT NULL,
  PRIMARY KEY (space, key)
) WITHOUT ROWID;
CREATE INDEX spec_key_node ON spec_key(node);
CREATE INDEX spec_key_file ON spec_key(file_id);
CREATE INDEX spec_key_key ON spec_key(key);

ALTER TABLE source_file ADD COLUMN role TEXT;
ALTER TABLE import ADD COLUMN spec TEXT;
`;
