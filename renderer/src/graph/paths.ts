// Path strings from the backend's file listing (POSIX or Windows), split for breadcrumbs
// and joined for new files. The renderer never touches the file system itself.
export function separatorOf(p: string): '/' | '\\' {
  return p.includes('\\') && !p.includes('/') ? '\\' : '/';
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function baseName(p: string): string {
  const parts = p.split(/[\\/]+/).filter(Boolean);
  return parts.at(-1) ?? p;
}

/** '/home/a/b' -> [{name:'/', path:'/'}, {name:'home', path:'/home'}, ...]. */
export function crumbs(p: string): Array<{ name: string; path: string }> {
  const sep = separatorOf(p);
  const parts = p.split(/[\\/]+/).filter(Boolean);
  const out: Array<{ name: string; path: string }> = [];
  const drive = /^[A-Za-z]:$/.test(parts[0] ?? '');
  let acc = drive ? '' : sep;
  if (!drive) out.push({ name: sep, path: sep });
  parts.forEach((part, i) => {
    acc = i === 0 ? (drive ? `${part}${sep}` : `${sep}${part}`) : `${acc.endsWith(sep) ? acc : acc + sep}${part}`;
    out.push({ name: part, path: acc });
  });
  return out;
}
