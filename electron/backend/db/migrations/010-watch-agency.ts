// A watch rule belongs to the agency of the analyst who set it: it is evaluated for that
// agency's eyes, and only that agency's analysts see it and its news. Rules set before
// profiles existed were set by the case's ICE analyst (the legacy profile).
export default `
ALTER TABLE watch_rule ADD COLUMN agency TEXT NOT NULL DEFAULT 'ICE';
`;
