/**
 * Run by `__tests__/class-names.test.ts`: bundles the root entry and one subpath the way
 * an application's bundler does (`bundle-like-an-app.mjs`), plain and minified, imports each bundle and prints,
 * as JSON, every exported function whose `name` is not its export name, and, unminified,
 * every object of an internal class that a user gets (a ring's ends and chunks, a vector's
 * iterators, a table's row object) whose class is not named as expected. Usage:
 * `node bundle-names-probe.mjs <dir>`.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { bundleLikeAnApp } from './bundle-like-an-app.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node bundle-names-probe.mjs <dir>');

const entries = { root: join(here, '../../src/index.ts'), f32: join(here, '../../src/generated/f32.ts') };
const renamed = {};
for (const minify of [false, true]) {
  for (const [entry, path] of Object.entries(entries)) {
    const outfile = join(dir, `${entry}${minify ? '.min' : ''}.mjs`);
    await bundleLikeAnApp(path, outfile, { minify });
    const exports = await import(pathToFileURL(outfile).href);
    const functions = Object.entries(exports).filter(([, value]) => typeof value === 'function');
    renamed[`${entry}${minify ? ' minified' : ''}`] = {
      functions: functions.length,
      renamed: functions.filter(([name, value]) => value.name !== name).map(([name, value]) => `${name} -> ${value.name}`),
      // A minifier renames every class; only the exported ones pin their names (src/class-name.ts).
      ...(minify ? {} : internalNames(exports)),
    };
  }
}
console.log(JSON.stringify(renamed));

/**
 * The objects of internal classes that `exports` hands out, each checked against the name
 * its class should show (`F32RingProducer`): how many, and the ones named otherwise.
 */
function internalNames(exports) {
  const internal = [];
  let checked = 0;
  const check = (value, name) => {
    checked++;
    if (value.constructor.name !== name) internal.push(`${name} -> ${value.constructor.name}`);
  };
  const hasFloat16 = typeof globalThis.Float16Array === 'function';
  for (const [name, cls] of Object.entries(exports)) {
    if (name.startsWith('F16') && !hasFloat16) continue;
    if (/^[A-Z][A-Za-z0-9]*Ring$/.test(name)) {
      const ring = cls.create(16);
      const tx = ring.producer();
      const chunk = tx.writeChunk(1);
      check(tx, `${name}Producer`);
      check(chunk, `${name}WriteChunk`);
      chunk.commit();
      const rx = ring.consumer();
      check(rx, `${name}Consumer`);
      check(rx.readChunk(1), `${name}ReadChunk`);
    } else if (/^[A-Z][A-Za-z0-9]*Vec$/.test(name) && typeof cls.BYTES_PER_ELEMENT === 'number') {
      check(new cls(1).values(), `${name}Values`);
      check(new cls(1).keys(), `${name}Indexed`);
    }
  }
  if (exports.OptionVec !== undefined) check(new exports.OptionVec(1).values(), 'OptionVecIterator');
  if (exports.Table !== undefined) check(new exports.Table(1, { x: exports.F64Vec }).newRow(), 'RowRecord');
  return { checked, internal };
}
