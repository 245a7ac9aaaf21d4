/**
 * The embedded kernel module has its source in the repository: `src/generated/wasm-kernels.ts`
 * is exactly what `npm run build:wasm` makes from `scripts/wasm/kernels-wat.ts` with wabt
 * today, so no binary can drift from its source. And the module is well formed: it
 * validates, imports only `env.memory`, and exports every kernel the typings declare.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASM_KERNELS_FILE, assembleKernels, renderKernelsFile } from '../scripts/wasm/assemble';
import { KERNEL_KINDS } from '../scripts/wasm/kernels-wat';
import { WASM_KERNELS_BASE64 } from '../src/generated/wasm-kernels';
import { WebAssemblyApi } from './support/vec-classes';

const bytes = (): Uint8Array => Uint8Array.from(Buffer.from(WASM_KERNELS_BASE64, 'base64'));

describe('the embedded wasm kernel module', () => {
  it('is what the build makes from its source (run `npm run build:wasm` after changing it)', async () => {
    const rebuilt = renderKernelsFile(await assembleKernels());
    expect(readFileSync(join(__dirname, '..', WASM_KERNELS_FILE), 'utf8')).toBe(rebuilt);
  });

  it('validates, imports only the memory and exports every declared kernel', () => {
    const module = new WebAssemblyApi.Module(bytes());
    expect(WebAssemblyApi.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const expected = KERNEL_KINDS.flatMap((kind) => kind.kernels.map((name) => `${name}_${kind.id}`)).sort();
    expect(WebAssemblyApi.Module.exports(module).map((e) => `${e.name}:${e.kind}`).sort()).toEqual(expected.map((name) => `${name}:function`));
  });
});
