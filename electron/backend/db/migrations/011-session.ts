// Review sessions: who hosted which board, the admitted participants (their token's hash only),
// the Yjs updates of the session's documents (one shared master, one view per agency), and
// which Yjs client ids each participant introduced (a client may not write as another).
// The session's certificate and key live here so a restarted host keeps its fingerprint.
export default `
CREATE TABLE session (
  id          INTEGER PRIMARY KEY,
  board_id    INTEGER NOT NULL,
  board       TEXT NOT NULL,
  code        TEXT NOT NULL,
  bind        TEXT NOT NULL,
  port        INTEGER NOT NULL,
  cert        TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  host        TEXT NOT NULL,
  agency      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT
);
CREATE TABLE session_update (
  id         INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  doc        TEXT NOT NULL,
  data       BLOB NOT NULL
);
CREATE INDEX session_update_doc ON session_update(session_id, doc, id);
CREATE TABLE session_participant (
  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  agency      TEXT NOT NULL,
  colour      TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('host', 'participant')),
  token_hash  TEXT NOT NULL,
  admitted_at TEXT NOT NULL,
  removed_at  TEXT,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE session_client (
  session_id  INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  client      INTEGER NOT NULL,
  participant TEXT NOT NULL,
  PRIMARY KEY (session_id, client)
);
`;
