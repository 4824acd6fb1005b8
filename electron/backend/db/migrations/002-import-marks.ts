// Imports commit in batches; each remembers the highest node and link id before it began,
// so a cancelled or interrupted import can be taken back out whole.
export default `
ALTER TABLE import ADD COLUMN node_mark INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import ADD COLUMN link_mark INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import ADD COLUMN note TEXT;
`;
