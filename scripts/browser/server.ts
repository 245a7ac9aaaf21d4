/**
 * The loopback HTTP server the browser run loads its pages from: `node:http` on
 * 127.0.0.1, on a free port the system picks, serving the bundle directory. Every response
 * carries the cross-origin isolation headers (`Cross-Origin-Opener-Policy: same-origin`,
 * `Cross-Origin-Embedder-Policy: require-corp`, and `Cross-Origin-Resource-Policy:
 * same-origin` for the subresources), so pages, workers and worklets are
 * `crossOriginIsolated` and may use `SharedArrayBuffer`.
 *
 * @module
 */

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** The headers that make a page cross-origin isolated. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** A running server. */
export interface SuiteServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** The page that runs one suite file: it only loads the file's bundle entry. */
function suitePage(entry: string): string {
  return `<!doctype html>\n<meta charset="utf-8">\n<title>${entry}</title>\n<script type="module" src="/files/${encodeURI(entry)}.js"></script>\n`;
}

/**
 * Serves `root`: `/run/NAME` is the page for bundle entry NAME, anything else a file under
 * `root` (no directory listings, nothing outside it).
 *
 * @param root - the bundle directory.
 */
export async function startServer(root: string): Promise<SuiteServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
        response.end(body);
      };
      if (request.method !== 'GET') return send(405, 'text/plain', 'GET only');
      if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
      if (url.pathname.startsWith('/run/')) return send(200, TYPES['.html'], suitePage(decodeURIComponent(url.pathname.slice(5))));
      const path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root + sep)) return send(403, 'text/plain', 'outside the bundle directory');
      try {
        send(200, TYPES[extname(path)] ?? 'application/octet-stream', await readFile(path));
      } catch {
        send(404, 'text/plain', `not found: ${url.pathname}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
