// A rejected row's handling and agency, when its cells could be read: a reason quotes the bad
// value ("impossible date of birth '19951399'"), and that value is as sensitive as the row.
// Readers who may not read the row see the reason without the value. Old rows have NULL
// (unknown) and are shown without values to everyone.
export default `
ALTER TABLE reject ADD COLUMN handling TEXT;
ALTER TABLE reject ADD COLUMN agency TEXT;
`;
