/**
 * Serves the browser audio pipeline (docs/examples/audio-browser.ts) on localhost: bundles
 * the page module, the synth worker and the player worklet with esbuild (slabvec included,
 * as an application's build would), and serves them with the two headers that make the page
 * cross-origin isolated, which `SharedArrayBuffer` needs:
 *
 *   Cross-Origin-Opener-Policy: same-origin
 *   Cross-Origin-Embedder-Policy: require-corp
 *
 * Run from the repository root: `node scripts/run-ts.cjs docs/examples/audio-serve.ts [port]`
 * (default 8080), open the address it prints, press Play. The page shows how many blocks
 * the worklet played and how many quanta found the ring empty (underruns).
 */

import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';

const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>slabvec: worker -> F32Ring -> AudioWorklet</title>
<h1>worker &rarr; F32Ring &rarr; AudioWorklet</h1>
<p>A worker synthesizes a chord into a ring in shared memory; an AudioWorklet plays it.</p>
<button id="play">Play</button> <button id="stop" disabled>Stop</button>
<p id="status">cross-origin isolated: <span id="isolated"></span></p>
<script type="module">
  import { startAudioPipeline } from './audio-browser.js';
  const play = document.getElementById('play');
  const stop = document.getElementById('stop');
  const status = document.getElementById('status');
  document.getElementById('isolated').textContent = String(crossOriginIsolated);
  let pipeline = null;
  let context = null;
  play.onclick = async () => {
    play.disabled = true;
    try {
      context = new AudioContext({ sampleRate: 48000 });
      await context.resume();
      const scripts = { worker: './audio-synth.worker.js', worklet: './audio-player.worklet.js' };
      pipeline = await startAudioPipeline(context, scripts, Infinity, (s) => {
        status.textContent = 'played ' + s.played + ' blocks (' + (s.played * 128 / context.sampleRate).toFixed(1) + ' s), ' + s.underruns + ' underruns';
      });
      stop.disabled = false;
    } catch (error) {
      status.textContent = String(error);
      play.disabled = false;
    }
  };
  stop.onclick = async () => {
    pipeline?.stop();
    await context?.close();
    stop.disabled = true;
    play.disabled = false;
  };
</script>
`;

/** The three bundles, by the path the page asks for. */
async function bundles(): Promise<Map<string, string>> {
  const dir = join(process.cwd(), 'docs', 'examples');
  const files = new Map<string, string>();
  const entries: [string, string, 'esm' | 'iife'][] = [
    ['/audio-browser.js', 'audio-browser.ts', 'esm'],
    ['/audio-synth.worker.js', 'audio-synth.worker.ts', 'iife'],
    ['/audio-player.worklet.js', 'audio-player.worklet.ts', 'esm'],
  ];
  for (const [path, file, format] of entries) {
    const result = await build({ entryPoints: [join(dir, file)], bundle: true, format, target: 'es2022', write: false, logLevel: 'warning' });
    files.set(path, result.outputFiles[0].text);
  }
  return files;
}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 8080);
  const files = await bundles();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const script = files.get(path);
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (path === '/favicon.ico') {
      response.writeHead(204, HEADERS).end();
    } else if (script !== undefined) {
      response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      response.writeHead(404, HEADERS).end('not found');
    }
  });
  server.listen(port, '127.0.0.1', () => console.log(`audio-serve: open http://localhost:${port}/ (Ctrl+C stops)`));
}

if (/[\\/]audio-serve\.(?:ts|mjs|js)$/.test(process.argv[1] ?? '')) void main();
