/**
 * `npm run build:wasm`: assembles the SIMD kernels and writes `src/generated/wasm-kernels.ts`.
 *
 * @module
 */

import { writeFileSync } from 'node:fs';
import { WASM_KERNELS_FILE, assembleKernels, renderKernelsFile } from './assemble';

void assembleKernels().then((bytes) => {
  writeFileSync(WASM_KERNELS_FILE, renderKernelsFile(bytes));
  console.log(`${WASM_KERNELS_FILE}: ${bytes.length} bytes of wasm`);
});
