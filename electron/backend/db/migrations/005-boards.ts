// Several boards per case (the working board is board 1); a board's size is kept beside its
// state so the list of boards never parses every board. Co-travel runs are recorded like
// resolution runs, so the analyst sees how the "travelled with" links were made.
export default `
ALTER TABLE board ADD COLUMN nodes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board ADD COLUMN links INTEGER NOT NULL DEFAULT 0;

CREATE TABLE cotravel_run (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  summary TEXT NOT NULL
);
`;
