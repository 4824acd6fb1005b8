// Escaping for everything the package writes as markup (HTML, SVG, GraphML). Names in a case
// come from other agencies' exports and may hold markup, quotes, control or bidi characters.

// Characters XML 1.0 forbids, and lone surrogates: a parser rejects the whole file over one.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute of XML, SVG or HTML. */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** Shortens for a label on the chart; the full text stays in the tables and the CSV. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
