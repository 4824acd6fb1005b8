// Watch rules: an entity, a saved search or a pattern the analyst wants to hear about.
// `seen` holds what earlier runs reported, so each run tells only what is new.
export default `
CREATE TABLE watch_rule (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('entity', 'search', 'near_case', 'shares_identifier')),
  target      TEXT NOT NULL,
  label       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  last_run_at TEXT,
  seen        TEXT NOT NULL DEFAULT '[]',
  last_news   TEXT NOT NULL DEFAULT '[]'
);
`;
