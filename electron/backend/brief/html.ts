// brief.html: the page Chromium prints as brief.pdf. Self-contained (inline CSS, the chart as a
// data: URI, a CSP that forbids everything else) and every piece of case text escaped.
import { nodeKindLabel, type Attribute, type Handling, type NodeRef } from '../../../shared/model';
import { esc } from './escape';
import { bannerText, HANDLING_COLOUR } from './handling';
import { kindLook } from './kind-look';
import type { BriefModel } from './model';
import { FONT_STACK } from './svg';
import { citation, pointerSentence, tearLineSentence } from './words';

/** Case text, escaped and isolated: a right-to-left mark in a name cannot reorder the sentence around it. */
const t = (s: string | number | null | undefined): string => `<bdi>${esc(s)}</bdi>`;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function mark(h: Handling): string {
  return `<span class="mark mark-${esc(h)}">${esc(h)}</span>`;
}

function paragraphs(text: string): string {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (!paras.length) return '<p class="empty">No summary was written.</p>';
  return paras.map((p) => `<p>${p.split('\n').map(t).join('<br>')}</p>`).join('\n');
}

function swatch(ref: NodeRef): string {
  const look = kindLook(ref.kind);
  const cls = look.shape === 'ellipse' ? 'round' : look.shape === 'round-diamond' ? 'diamond' : 'square';
  return `<span class="swatch ${cls}${ref.kind === 'pointer' ? ' pointer' : ''}" style="background:${look.colour}"></span>`;
}

function attributeRows(attrs: Attribute[]): string {
  if (!attrs.length) return '<p class="empty">No attributes on record.</p>';
  const rows = attrs.map((a) => `<tr><td class="name">${t(a.name)}</td><td class="value">${t(a.value)}</td><td class="h">${mark(a.handling)}</td><td class="cite">${t(citation(a.provenance))}</td></tr>`);
  return `<table class="attrs"><tbody>${rows.join('')}</tbody></table>`;
}

function entityBlock(e: BriefModel['entities'][number]): string {
  const { ref } = e;
  if (ref.kind === 'pointer') {
    return `<article class="entity withheld"><h3>${swatch(ref)}${t(pointerSentence(ref))}</h3><p class="note">Content withheld under the handling rules. Ask the holding agency; do not act on its existence alone.</p></article>`;
  }
  const id = ref.sourceId ? `<span class="sid">${t(ref.sourceId)}</span>` : '';
  const partly = ref.pointer && ref.pointer.withheld > 0 ? `<p class="note">Partly withheld: ${t(pointerSentence(ref))}.</p>` : '';
  return `<article class="entity"><h3>${swatch(ref)}<span class="label">${t(ref.label)}</span>${id}<span class="kind">${esc(nodeKindLabel(ref.kind))}</span>${mark(ref.handling)}</h3>${partly}${attributeRows(e.attributes)}</article>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${title}</h2>${body}</section>`;
}

const CSS = (m: BriefModel): string => {
  const band = HANDLING_COLOUR[m.handling];
  // The banner is plain ASCII from a fixed set, never case text: safe inside a CSS string.
  const banner = bannerText(m.handling, m.author.agency);
  return `
@page {
  size: Letter;
  margin: 19mm 15mm 18mm;
  @top-center { content: "${banner}"; background: ${band}; color: #fff; font: 700 9pt ${FONT_STACK}; letter-spacing: 0.08em; margin: 5mm 0 4mm; }
  @bottom-center { content: "${banner}   \\00B7   Page " counter(page) " of " counter(pages); background: ${band}; color: #fff; font: 700 8.5pt ${FONT_STACK}; letter-spacing: 0.06em; margin: 4mm 0 5mm; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 9.5pt/1.42 ${FONT_STACK}; color: #111827; }
header.cover { border-bottom: 2px solid #1e3a8a; padding-bottom: 8pt; margin-bottom: 10pt; }
.eyebrow { font-size: 8pt; font-weight: 700; letter-spacing: 0.16em; color: #1e3a8a; text-transform: uppercase; }
h1 { font-size: 21pt; line-height: 1.15; margin: 4pt 0 8pt; color: #0f172a; }
dl.meta { display: flex; flex-wrap: wrap; gap: 4pt 22pt; margin: 0; }
dl.meta div { display: flex; gap: 5pt; }
dl.meta dt { color: #6b7280; font-weight: 600; }
dl.meta dd { margin: 0; font-weight: 600; }
.tearline { border: 1.5px dashed ${band}; background: #fffbeb; padding: 7pt 10pt; margin: 0 0 12pt; break-inside: avoid; }
.tearline .label { font-size: 7.5pt; font-weight: 700; letter-spacing: 0.14em; color: ${band}; text-transform: uppercase; }
.tearline p { margin: 3pt 0; font-weight: 600; }
.tearline ul { margin: 3pt 0 0; padding-left: 14pt; }
h2 { font-size: 12.5pt; color: #1e3a8a; border-bottom: 1px solid #cbd5e1; padding-bottom: 2pt; margin: 16pt 0 7pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 0 0 1pt; display: flex; align-items: center; gap: 6pt; flex-wrap: wrap; }
p { margin: 0 0 6pt; }
.lede { color: #4b5563; font-size: 8.5pt; }
.empty { color: #6b7280; font-style: italic; }
.chart { break-inside: avoid; }
.chart img { display: block; width: 100%; border: 1px solid #cbd5e1; border-radius: 3pt; }
.caption { color: #6b7280; font-size: 8pt; margin-top: 3pt; }
.entity { border-left: 3px solid #1e3a8a; padding: 3pt 0 3pt 7pt; margin: 0 0 6pt; break-inside: avoid; }
.entity h3 { background: #f1f5f9; padding: 2pt 6pt; margin: 0 0 1pt; }
.entity h3 .kind { color: #6b7280; font-size: 8pt; font-weight: 400; }
.entity h3 .mark { margin-left: auto; }
.entity.withheld { border-left: 3px dashed #6b7280; color: #374151; }
.entity.withheld h3 { background: #f9fafb; font-style: italic; }
.entity .note { color: #4b5563; font-style: italic; font-size: 8.5pt; margin: 2pt 6pt 1pt; }
.sid { font: 8pt 'DejaVu Sans Mono', Consolas, monospace; color: #334155; background: #e2e8f0; padding: 0 3pt; border-radius: 2pt; font-weight: 400; }
.swatch { display: inline-block; width: 9pt; height: 9pt; flex: none; }
.swatch.round { border-radius: 50%; }
.swatch.square { border-radius: 2pt; }
.swatch.diamond { transform: rotate(45deg) scale(0.8); border-radius: 1.5pt; }
.swatch.pointer { background: #f3f4f6 !important; border: 1.5px dashed #6b7280; border-radius: 2pt; }
.mark { display: inline-block; white-space: nowrap; font-size: 6.5pt; line-height: 1.5; font-weight: 700; letter-spacing: 0.05em; padding: 0 3pt; border-radius: 2pt; color: #fff; }
/* Shared content is marked quietly, so the sensitive portions stand out. */
.mark-SHARED { color: ${HANDLING_COLOUR.SHARED}; border: 0.75pt solid #86c79b; padding: 0 2.5pt; }
.mark-LES { background: ${HANDLING_COLOUR.LES}; }
.mark-ORCON { background: ${HANDLING_COLOUR.ORCON}; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th { text-align: left; font-weight: 600; color: #475569; border-bottom: 1px solid #cbd5e1; padding: 2pt 4pt; }
td { border-bottom: 1px solid #f1f5f9; padding: 2pt 4pt; vertical-align: baseline; overflow-wrap: break-word; }
tr { break-inside: avoid; }
table.attrs td { padding: 1pt 6pt; }
table.attrs td.name { color: #6b7280; width: 18%; }
td.h { width: 1%; white-space: nowrap; text-align: right; }
td.cite, .cite { font: 7.5pt 'DejaVu Sans Mono', Consolas, monospace; color: #475569; }
table.attrs td.cite { width: 30%; }
ol.steps { margin: 2pt 0 8pt; padding-left: 16pt; }
ol.steps li { margin: 1pt 0; }
.path { break-inside: avoid; margin-bottom: 6pt; }
.path h3 { font-size: 10pt; }
.score { font-weight: 700; color: #1e3a8a; white-space: nowrap; }
.lead-kind { color: #6b7280; font-size: 8pt; }
td.date { white-space: nowrap; width: 22%; font-variant-numeric: tabular-nums; }
`;
};

export function briefHtml(m: BriefModel, chartSvg: string): string {
  const chartUri = `data:image/svg+xml;base64,${Buffer.from(chartSvg, 'utf8').toString('base64')}`;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing may be fetched or run: only inline style and data: images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${esc(m.title)}</title>`,
    `<style>${CSS(m)}</style></head><body>`,
  );

  out.push(
    `<header class="cover"><div class="eyebrow">Crosslink intelligence brief</div><h1>${t(m.title)}</h1><dl class="meta">`,
    `<div><dt>Prepared by</dt><dd>${t(m.author.name)} (${esc(m.author.agency)})</dd></div>`,
    `<div><dt>For</dt><dd>${esc(m.audience)}</dd></div>`,
    `<div><dt>Date</dt><dd>${t(when(m.createdAt))}</dd></div>`,
    `<div><dt>Handling</dt><dd>${mark(m.handling)}</dd></div>`,
    '</dl></header>',
  );

  if (m.withheld > 0) {
    const notes = m.withheldNotes.length ? `<ul>${m.withheldNotes.map((s) => `<li>${t(s)}</li>`).join('')}</ul>` : '';
    out.push(`<section class="tearline"><div class="label">Tear line – release to ${esc(m.audience)}</div><p>${t(tearLineSentence(m))}</p>${notes}</section>`);
  }

  out.push(section('summary', 'Summary', paragraphs(m.summary)));

  const shown = m.board.nodes.length;
  out.push(
    section(
      'chart',
      'Chart',
      `<div class="chart"><img src="${chartUri}" alt="Link chart of the board"><p class="caption">${plural(shown, 'entity', 'entities')} and ${plural(m.board.links.length, 'link', 'links')} on the board. Dashed outlines are withheld records; dashed lines are reported associations; coloured rings mark LES and ORCON content.</p></div>`,
    ),
  );

  out.push(section('entities', 'Key entities', m.entities.length ? `<p class="lede">Each value carries its handling mark and its source: export, file and line.</p>${m.entities.map(entityBlock).join('\n')}` : '<p class="empty">No entities.</p>'));

  const paths = m.paths.map((p) => `<div class="path"><h3>${t(p.title)}</h3><ol class="steps">${p.steps.map((s) => `<li>${t(s)}</li>`).join('')}</ol></div>`);
  out.push(section('paths', 'Paths', paths.length ? paths.join('\n') : '<p class="empty">No paths were included.</p>'));

  const leads = [...m.leads].sort((a, b) => b.score - a.score);
  out.push(
    section(
      'leads',
      'Leads',
      leads.length
        ? `<table><thead><tr><th>Score</th><th>Lead</th></tr></thead><tbody>${leads
            .map((l) => `<tr><td class="score">${esc(Math.round(l.score * 10) / 10)}</td><td><strong>${t(l.title)}</strong> <span class="lead-kind">${t(l.kind.replace(/_/g, ' '))}</span><br>${t(l.summary)}</td></tr>`)
            .join('')}</tbody></table>`
        : '<p class="empty">No leads were included.</p>',
    ),
  );

  if (m.review) out.push(reviewSection(m.review));

  const timeline = [...m.timeline].sort((a, b) => a.at.localeCompare(b.at));
  out.push(
    section(
      'timeline',
      'Timeline',
      timeline.length
        ? `<table><thead><tr><th>Date</th><th>Event</th></tr></thead><tbody>${timeline.map((e) => `<tr><td class="date">${t(e.at.replace('T', ' '))}</td><td>${t(e.label)}</td></tr>`).join('')}</tbody></table>`
        : '<p class="empty">No dated events.</p>',
    ),
  );

  out.push(
    section(
      'sources',
      'Appendix: sources',
      m.sources.length
        ? `<table><thead><tr><th>#</th><th>Source (export file:line)</th><th>Agency</th><th>Handling</th></tr></thead><tbody>${m.sources
            .map((s, i) => `<tr><td>${i + 1}</td><td class="cite">${t(citation(s))}</td><td>${t(s.agency ?? '-')}</td><td>${mark(s.handling)}</td></tr>`)
            .join('')}</tbody></table>`
        : '<p class="empty">No sources.</p>',
    ),
  );

  out.push('</body></html>');
  return out.join('\n');
}

const VERDICT_WORDS: Record<string, string> = { confirmed: 'Confirmed', refuted: 'Refuted', 'follow-up': 'Needs follow-up' };

/** The board's review session: who took part, verdicts, comments and the minutes. */
function reviewSection(r: NonNullable<BriefModel['review']>): string {
  const who = r.participants.map((p) => `${t(p.name)} (${esc(p.agency)})${p.role === 'host' ? ', host' : ''}`).join('; ');
  const held = r.withheld ? `<p class="lede">${plural(r.withheld, 'verdict or comment', 'verdicts and comments')} about what this audience may not read ${r.withheld === 1 ? 'is' : 'are'} left out.</p>` : '';
  const verdicts = r.verdicts.length
    ? `<h3>Verdicts</h3><table><thead><tr><th>About</th><th>Verdict</th><th>By</th><th>When</th></tr></thead><tbody>${r.verdicts
        .map((v) => `<tr><td>${t(v.about)}</td><td><strong>${t(VERDICT_WORDS[v.verdict] ?? v.verdict)}</strong>${v.note ? `<br>${t(v.note)}` : ''}</td><td>${t(v.name)} (${esc(v.agency)})</td><td class="date">${t(when(v.at))}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">No verdicts were recorded.</p>';
  const comments = r.comments.length
    ? `<h3>Comments</h3><table><thead><tr><th>About</th><th>Comment</th><th>By</th><th>When</th></tr></thead><tbody>${r.comments
        .map((c) => `<tr><td>${t(c.about)}</td><td>${t(c.text)}</td><td>${t(c.name)} (${esc(c.agency)})</td><td class="date">${t(when(c.at))}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const minutes = r.minutes.trim() ? `<h3>Minutes</h3><div class="minutes">${paragraphs(r.minutes)}</div>` : '<p class="empty">No minutes were taken.</p>';
  return section(
    'review',
    'Review session',
    `<p class="lede">Reviewed ${t(when(r.startedAt))}${r.endedAt ? ` to ${t(when(r.endedAt))}` : ' (still open when this package was made)'} by ${who}.</p>${held}${verdicts}${comments}${minutes}`,
  );
}
