/**
 * `npm run generate`: writes the generated classes. `--check` writes nothing and exits 1
 * when a generated file is stale.
 *
 * @module
 */

import { writeOrCheck } from './generate';

const check = process.argv.includes('--check');
const paths = writeOrCheck(process.cwd(), check);
if (check && paths.length > 0) {
  console.error(`stale generated files (run \`npm run generate\`):\n  ${paths.join('\n  ')}`);
  process.exitCode = 1;
} else if (!check) {
  console.log(`generated ${paths.length} files`);
}
