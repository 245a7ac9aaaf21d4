/**
 * Run by `__tests__/optimized-shape.test.ts`: bundles `shape-probe.ts` and the library into
 * one ES module the way an application's bundler does (`bundle-like-an-app.mjs`). Usage:
 * `node bundle-shape-probe.mjs <outfile>`.
 */

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleLikeAnApp } from './bundle-like-an-app.mjs';

const outfile = process.argv[2];
if (outfile === undefined) throw new Error('usage: node bundle-shape-probe.mjs <outfile>');

await bundleLikeAnApp(join(dirname(fileURLToPath(import.meta.url)), 'shape-probe.ts'), outfile);
