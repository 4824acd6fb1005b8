// The working board of a case (what is on the canvas and where), saved as the analyst
// works so that a crash or a kill loses at most the last second of it.
export default `
CREATE TABLE board (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  state    TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
`;
