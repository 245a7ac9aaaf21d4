/**
 * The loops of the "wasm" table. Each is a template compiled from its source text for every
 * contender (`clone.ts`), so each is self-contained: it reads everything from its state.
 *
 * - `naive*` and `raw*`: the loop a user writes over typed arrays, left to right (the
 *   baseline, on a `raw` state);
 * - `vec*`: the vector's kernel, on a `js` state (JS kernels) or a `wasm` state (SIMD);
 * - `exports*`: the kernel module's export called directly, for the crossover below the
 *   length the library dispatches at.
 *
 * The element-wise loops return the last element written, the reductions the sum of their
 * results: the runner checks every contender against its baseline with that value.
 *
 * @module
 */

import type { WasmState } from './wasm-state.js';

/** `reps` naive sums of `rawX`. */
export function naiveSum(s: WasmState): number {
  const d = s.rawX;
  const n = d.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i];
    acc += sum;
  }
  return acc;
}

/** `reps` calls of `x.sum()`. */
export function vecSum(s: WasmState): number {
  const x = s.x;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += x.sum();
  return acc;
}

/** `reps` naive dot products of `rawX` and `rawY`. */
export function naiveDot(s: WasmState): number {
  const { rawX: x, rawY: y } = s;
  const n = x.length;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i] * y[i];
    acc += sum;
  }
  return acc;
}

/** `reps` calls of `x.dot(y)`. */
export function vecDot(s: WasmState): number {
  const { x, y } = s;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += x.dot(y);
  return acc;
}

/** `reps` times `out[i] = x[i] + y[i]` over the raw arrays. */
export function rawAdd(s: WasmState): number {
  const { rawX: x, rawY: y, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] + y[i];
  return out[n - 1];
}

/** `reps` calls of `x.add(y, out)`. */
export function vecAdd(s: WasmState): number {
  const { x, y, out } = s;
  for (let r = 0; r < s.reps; r++) x.add(y, out);
  return out.get(out.length - 1);
}

/** `reps` times `out[i] = x[i] + 0.5 * y[i]` over the raw arrays. */
export function rawAxpy(s: WasmState): number {
  const { rawX: x, rawY: y, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] + 0.5 * y[i];
  return out[n - 1];
}

/** `reps` calls of `x.axpy(0.5, y, out)`. */
export function vecAxpy(s: WasmState): number {
  const { x, y, out } = s;
  for (let r = 0; r < s.reps; r++) x.axpy(0.5, y, out);
  return out.get(out.length - 1);
}

/** `reps` times `out[i] = x[i] * 0.5` over the raw arrays. */
export function rawScale(s: WasmState): number {
  const { rawX: x, rawOut: out } = s;
  const n = out.length;
  for (let r = 0; r < s.reps; r++) for (let i = 0; i < n; i++) out[i] = x[i] * 0.5;
  return out[n - 1];
}

/** `reps` calls of `x.scale(0.5, out)`. */
export function vecScale(s: WasmState): number {
  const { x, out } = s;
  for (let r = 0; r < s.reps; r++) x.scale(0.5, out);
  return out.get(out.length - 1);
}

/** `reps` calls of the export `sum_f64` over `x` (an F64Vec `wasm` state), without the library. */
export function exportsSum(s: WasmState): number {
  const k = s.exports!;
  const p = s.px;
  const n = s.n;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += k.sum_f64(p, n);
  return acc;
}

/** `reps` calls of the export `add_f64` (`out = x + y`, an F64Vec `wasm` state), without the library. */
export function exportsAdd(s: WasmState): number {
  const k = s.exports!;
  const { pout, px, py, n } = s;
  for (let r = 0; r < s.reps; r++) k.add_f64(pout, px, py, n);
  return s.rawOut[n - 1];
}
