// Resolution weighs an exact agreement on a name by how common the name is among the case's
// identities (GARCIA says less than ZUBIZARRETA). Each run keeps the counts it used (names met
// at least twice), so "why are these two (not) the same?" shows the weights of that run.
// A re-run replaces every resolved_as (and possibly_same) link: partial indexes find them
// without scanning the millions of structural links a national day holds.
export default `
CREATE TABLE resolution_name (
  part  TEXT NOT NULL CHECK (part IN ('family', 'given', 'both')),
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (part, value)
) WITHOUT ROWID;
CREATE INDEX link_resolved_as ON link(dst) WHERE kind = 'resolved_as';
CREATE INDEX link_possibly_same ON link(src) WHERE kind = 'possibly_same';
`;
