/**
 * `node:url` for the browser bundle: the WHATWG `URL` and the two file-URL helpers Jest's
 * packages import.
 *
 * @module
 */

const URLCtor = globalThis.URL;
export { URLCtor as URL };

/** `file:///a/b` → `/a/b`; any other URL → its path. */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URLCtor(String(url)).pathname);
}

/** `/a/b` → `file:///a/b`. */
export function pathToFileURL(path: string): URL {
  return new URLCtor(`file://${encodeURI(path)}`);
}

export default { URL: URLCtor, fileURLToPath, pathToFileURL };
