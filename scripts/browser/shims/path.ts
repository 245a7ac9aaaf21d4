/**
 * `node:path` (POSIX) for the browser bundle: what Jest's message and matcher packages
 * call while formatting stack traces. Paths in the page are URLs' paths, rooted at `/`.
 *
 * @module
 */

/** Collapses `.`, `..` and repeated slashes. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else {
      parts.push(part);
    }
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Joins the segments with `/` and normalizes. */
export const join = (...segments: string[]): string => normalize(segments.filter((s) => s !== '').join('/') || '.');
/** Resolves against `/` (the page has no working directory). */
export function resolve(...segments: string[]): string {
  let path = '';
  for (let i = segments.length - 1; i >= 0 && !path.startsWith('/'); i--) path = path === '' ? segments[i] : `${segments[i]}/${path}`;
  return normalize(path.startsWith('/') ? path : `/${path}`);
}
/** True for a path that starts with `/`. */
export const isAbsolute = (path: string): boolean => path.startsWith('/');
/** The last segment, without `ext` when it ends with it. */
export function basename(path: string, ext?: string): string {
  const base = normalize(path).split('/').pop() ?? '';
  return ext !== undefined && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}
/** Everything before the last segment. */
export function dirname(path: string): string {
  const normal = normalize(path);
  const index = normal.lastIndexOf('/');
  if (index === -1) return '.';
  return index === 0 ? '/' : normal.slice(0, index);
}
/** The extension of the last segment, dot included. */
export function extname(path: string): string {
  const base = basename(path);
  const index = base.lastIndexOf('.');
  return index <= 0 ? '' : base.slice(index);
}
/** The path from `from` to `to`. */
export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
/** The segment separator. */
export const sep = '/';
/** The list separator. */
export const delimiter = ':';
/** This module, as Node's `path.posix`. */
export const posix = { normalize, join, resolve, isAbsolute, basename, dirname, extname, relative, sep, delimiter };
export default { ...posix, posix };
