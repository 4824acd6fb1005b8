// Writes a briefing package: the brief as PDF, the chart as SVG and PNG, the data as CSV,
// GraphML and the board, and a manifest with every file's SHA-256. Written under a temporary
// name and renamed, so a crash never leaves half a package under the final name.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { entitiesCsv, linksCsv } from './csv';
import { boardGraphml } from './graphml';
import { briefHtml } from './html';
import { buildManifest, describe, MANIFEST_NAME } from './manifest';
import { BRIEF_MODEL, type BriefModel, type BriefPackageResult, type BriefRenderer } from './model';
import { stripPngMetadata } from './png';
import { CHART_HEIGHT, CHART_WIDTH, chartSvg } from './svg';
import { writeZip, type ZipInput } from './zip';

/** The package's files in the order they are stored (the manifest last). */
export const PACKAGE_FILES = ['brief.pdf', 'chart.png', 'chart.svg', 'entities.csv', 'links.csv', 'graph.graphml', 'board.json', MANIFEST_NAME] as const;

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

/** A fixed time for the zip entries: the brief's own, so the same model packs the same way. */
function entryTime(createdAt: string): Date {
  const d = new Date(createdAt);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : d;
}

export async function writeBriefPackage(model: BriefModel, outFile: string, renderer: BriefRenderer): Promise<BriefPackageResult> {
  const checked = BRIEF_MODEL.safeParse(model);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new AppError('invalid_input', `The brief cannot be written: ${first.path.join('.') || 'model'}: ${first.message}`);
  }
  // board.json is the board as given, versioned, so it re-opens in Crosslink.
  const board = { type: 'crosslink-board', version: 2, ...model.board };

  const svg = chartSvg(model.board);
  const [pdf, png] = await Promise.all([renderer.pdf(briefHtml(model, svg)), renderer.png(svg, CHART_WIDTH, CHART_HEIGHT)]);

  const contents: ZipInput[] = [
    { name: 'brief.pdf', data: pdf, compress: false },
    { name: 'chart.png', data: stripPngMetadata(png), compress: false },
    { name: 'chart.svg', data: utf8(svg), compress: true },
    { name: 'entities.csv', data: utf8(entitiesCsv(model)), compress: true },
    { name: 'links.csv', data: utf8(linksCsv(model)), compress: true },
    { name: 'graph.graphml', data: utf8(boardGraphml(model.board)), compress: true },
    { name: 'board.json', data: utf8(`${JSON.stringify(board, null, 2)}\n`), compress: true },
  ];
  const files = contents.map((c) => describe(c.name, c.data));
  const manifest = buildManifest(model, files);
  contents.push({ name: MANIFEST_NAME, data: utf8(`${JSON.stringify(manifest, null, 2)}\n`), compress: true });

  const target = path.resolve(outFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    await writeZip(tmp, contents, entryTime(model.createdAt));
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { file: target, bytes: fs.statSync(target).size, files };
}
