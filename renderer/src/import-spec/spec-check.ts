// Problems of a spec being edited, named for a person (the file, the entity, the field) and by
// the spec's JSON path (as the backend names them in rejects and in spec.load failures).
import { IMPORT_SPEC, specPath, type ImportSpec } from '../../../shared/import-spec';
import type { KindDef } from '../../../shared/model';
import { fieldLabel, linkKindLabel, nodeKindLabel } from './kind-catalog';

export interface SpecProblem {
  /** `$.files[0].entities[0].key.columns` */
  path: string;
  /** `people.csv › Person record “person” › key columns` */
  where: string;
  message: string;
}

const FRIENDLY: Array<[RegExp, string]> = [
  [/key\.columns$/, 'choose at least one key column'],
  [/\.label$/, 'a kind needs a label'],
  [/^\$\.name$/, 'give the spec a name'],
  [/\.match$/, 'say which files this part reads'],
];

/** The spec's own checks (the contract's schema), before the backend is asked. */
export function checkSpec(spec: ImportSpec, defs: readonly KindDef[] = []): SpecProblem[] {
  const r = IMPORT_SPEC.safeParse(spec);
  const out: SpecProblem[] = [];
  if (!r.success) {
    for (const i of r.error.issues.slice(0, 20)) {
      const path = specPath(i.path);
      const nice = FRIENDLY.find(([re]) => re.test(path) && /too small|at least|>=|expected string to have/i.test(i.message));
      out.push({ path, where: describePath(spec, i.path, defs), message: nice ? nice[1] : i.message });
    }
  }
  // Links name entities of their own part by id: a missing one refuses the whole file.
  spec.files.forEach((part, p) => {
    const ids = new Set(part.entities.map((e) => e.id));
    part.links.forEach((l, k) => {
      for (const end of ['from', 'to'] as const) {
        const ep = l[end];
        if ('entity' in ep && !ids.has(ep.entity)) {
          const path = ['files', p, 'links', k, end, 'entity'];
          out.push({ path: specPath(path), where: describePath(spec, path, defs), message: `no entity “${ep.entity}” in this file any more: choose another end` });
        }
      }
    });
  });
  return out;
}

/** `['files', 0, 'entities', 1, 'fields', 'dob']` -> `people.csv › Phone “phone” › Date of birth`. */
export function describePath(spec: ImportSpec, path: ReadonlyArray<PropertyKey>, defs: readonly KindDef[] = []): string {
  const out: string[] = [];
  const [top, p, sub, k, ...rest] = path;
  if (top === 'source') return ['Source', ...path.slice(1).map(String)].join(' › ');
  if (top === 'name') return 'Spec name';
  if (top === 'kinds' || top === 'linkKinds') {
    const d = (top === 'kinds' ? spec.kinds : spec.linkKinds)[Number(p)];
    return `Custom ${top === 'kinds' ? 'kind' : 'link kind'}${d ? ` “${d.label || d.kind}”` : ''}${sub ? ` › ${String(sub)}` : ''}`;
  }
  if (top !== 'files') return specPath(path);
  const part = spec.files[Number(p)];
  out.push(part?.match ?? `file part ${Number(p) + 1}`);
  if (sub === 'entities' && part) {
    const e = part.entities[Number(k)];
    if (e) out.push(`${nodeKindLabel(e.kind, [...spec.kinds, ...defs])} “${e.id}”`);
  } else if (sub === 'links' && part) {
    const l = part.links[Number(k)];
    if (l) out.push(`link “${linkKindLabel(l.kind, [...spec.linkKinds, ...defs])}”`);
  } else if (sub !== undefined) {
    out.push(String(sub));
  }
  const tail = rest.filter((x) => typeof x === 'string') as string[];
  if (tail[0] === 'fields' && tail[1]) out.push(fieldLabel(tail[1]));
  else if (tail[0] === 'key') out.push('key columns');
  else if (tail.length) out.push(tail.join(' '));
  return out.join(' › ');
}

/** A spec.load failure ("x.json is not a valid import spec: $.a: m; $.b: n") as its summary and problems. */
export function specLoadProblems(message: string): { summary: string; problems: Array<{ path: string; message: string }> } {
  const m = /^(.*? is not a valid import spec): (\$.*)$/s.exec(message);
  if (!m) return { summary: message, problems: [] };
  const problems = m[2].split(/; (?=\$)/).map((s) => {
    const i = s.indexOf(': ');
    return i < 0 ? { path: s, message: '' } : { path: s.slice(0, i), message: s.slice(i + 2) };
  });
  return { summary: m[1], problems };
}

/** Where a reject's spec field points: `$.files[0].entities[0].fields.dob: …` -> the part and entity indexes. */
export function rejectTarget(reason: string): { part: number; entity: number | null; link: number | null } | null {
  const m = /^\$\.files\[(\d+)\](?:\.(entities|links)\[(\d+)\])?/.exec(reason);
  if (!m) return null;
  return { part: +m[1], entity: m[2] === 'entities' ? +m[3] : null, link: m[2] === 'links' ? +m[3] : null };
}
