/**
 * The source of the WebAssembly SIMD kernels: this script writes the module's WAT text,
 * one function per kernel and element kind, from the table {@link KERNEL_KINDS} and the
 * list {@link KERNEL_EXPORTS}. `scripts/wasm/assemble.ts` turns the text into bytes (with
 * `wabt`), and `src/generated/wasm-kernels.ts` embeds them; a test rebuilds them and
 * compares.
 *
 * What the kernels compute is fixed by the JavaScript kernels of the template
 * (`scripts/templates/kernels.ts`), bit for bit:
 *
 * - The reductions (`sum`, `dot`, `sumsq`) keep the JS scheme's order of additions: leaves
 *   of 128 elements through 4 lanes starting at -0 (lanes 0 and 1 in one f64x2, lanes 2
 *   and 3 in another), the lanes added as `(s0 + s1) + (s2 + s3)`, then the leaf's tail
 *   (its last `k mod 4` elements, left to right from -0); the leaves merged like the JS
 *   binary counter, which is the same tree as splitting the leaves into power-of-two blocks
 *   from the left (`T1 + (T2 + (... + Tg))`, each `Ti` balanced, left + right). The
 *   recursion below builds that tree without memory of its own.
 * - `f32` elements are promoted to f64 lanes exactly; products and sums are f64.
 * - Element-wise kernels over `f64` use f64x2 ops. Over `f32` with a vector operand they use
 *   f32x4 ops: `+ - *` of two float32 values computed in double and rounded to float32 (as
 *   the JS kernels do) equal the float32 operation, since a double holds more than twice
 *   the bits of a float32. With a scalar (a double) they compute in f64 lanes and demote.
 * - `min`/`max` use the IEEE-2019 `minimum`/`maximum` of wasm, which are `Math.min` and
 *   `Math.max`: `NaN` wins, `-0 < 0`.
 *
 * Pointers are byte offsets into the imported memory `env.memory`, aligned to the element
 * size; `n` is the element count (below 2^30). Nothing is written except the `d` region
 * of the element-wise kernels, in a forward pass that reads each slot before writing it.
 *
 * @module
 */

/** An element kind with wasm kernels. */
export interface KernelKind {
  /** The element id of the vector class (`"f64"`, `"f32"`). */
  readonly id: 'f64' | 'f32';
  /** Bytes per element. */
  readonly bytes: number;
  /** `log2(bytes)`. */
  readonly shift: number;
}

/** The element kinds the module has kernels for. */
export const KERNEL_KINDS: readonly KernelKind[] = [
  { id: 'f64', bytes: 8, shift: 3 },
  { id: 'f32', bytes: 4, shift: 2 },
];

/** The parameter lists of the exported kernels, by shape. */
export const KERNEL_SHAPES = {
  /** `(p, n) -> f64` */
  reduce: { params: ['p: number', 'n: number'], result: 'number' },
  /** `(a, b, n) -> f64` */
  reduce2: { params: ['a: number', 'b: number', 'n: number'], result: 'number' },
  /** `(d, a, b, n)`: d[i] = a[i] op b[i] */
  binary: { params: ['d: number', 'a: number', 'b: number', 'n: number'], result: 'void' },
  /** `(d, a, k, n)`: d[i] = a[i] op k */
  scalar: { params: ['d: number', 'a: number', 'k: number', 'n: number'], result: 'void' },
  /** `(d, y, x, a, n)`: d[i] = y[i] + a * x[i] */
  axpy: { params: ['d: number', 'y: number', 'x: number', 'a: number', 'n: number'], result: 'void' },
} as const;

/** The kernels every kind has: name (suffixed `_f64`, `_f32` in the module) and shape. */
export const KERNEL_EXPORTS = [
  ['sum', 'reduce'],
  ['sumsq', 'reduce'],
  ['dot', 'reduce2'],
  ['min', 'reduce'],
  ['max', 'reduce'],
  ['add', 'binary'],
  ['sub', 'binary'],
  ['mul', 'binary'],
  ['adds', 'scalar'],
  ['subs', 'scalar'],
  ['muls', 'scalar'],
  ['axpy', 'axpy'],
] as const satisfies readonly (readonly [string, keyof typeof KERNEL_SHAPES])[];

/** Elements per leaf of the pairwise reductions (the JS kernels' `SUM_BLOCK`). */
const LEAF = 128;
const LEAF_SHIFT = 7;

/** `(i32.const v)` */
const i32 = (v: number): string => `(i32.const ${v})`;
const get = (name: string): string => `(local.get $${name})`;
const set = (name: string, value: string): string => `(local.set $${name} ${value})`;
/** `$name += bytes` */
const advance = (name: string, bytes: number): string => set(name, `(i32.add ${get(name)} ${i32(bytes)})`);
/** `p + (count << shift)` */
const offset = (p: string, count: string, shift: number): string => `(i32.add ${p} (i32.shl ${count} ${i32(shift)}))`;

/** A loop `while ($ptr < $end) { body }`. */
function whileBelow(label: string, ptr: string, end: string, body: string[]): string[] {
  return [
    `(block $${label}_done (loop $${label}`,
    `  (br_if $${label}_done (i32.ge_u ${get(ptr)} ${get(end)}))`,
    ...body.map((line) => `  ${line}`),
    `  (br $${label})))`,
  ];
}

/** Four elements at `ptr` as two f64x2 values (lanes 0-1, lanes 2-3), for the reductions. */
function load4(kind: KernelKind, ptr: string): [string, string] {
  if (kind.id === 'f64') return [`(v128.load offset=0 ${get(ptr)})`, `(v128.load offset=16 ${get(ptr)})`];
  const v = `(v128.load ${get(ptr)})`;
  return [`(f64x2.promote_low_f32x4 ${v})`, `(f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v}))`];
}

/** One element at `ptr` as an f64. */
function load1(kind: KernelKind, ptr: string): string {
  return kind.id === 'f64' ? `(f64.load ${get(ptr)})` : `(f64.promote_f32 (f32.load ${get(ptr)}))`;
}

type Reduction = 'sum' | 'sumsq' | 'dot';

/** The term a reduction adds for the element(s) `x` (and `y`, for `dot`). */
function term(op: Reduction, mul: string, x: string, y: string): string {
  if (op === 'sum') return x;
  if (op === 'dot') return `(${mul} ${x} ${y})`;
  return `(${mul} ${x} ${x})`;
}

/** The leaf of a reduction: `k` (1 to 128) elements from `p` (and `q`), as the JS leaf sums them. */
function leaf(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$leaf_${op}_${kind.id}`;
  const [xLo, xHi] = load4(kind, 'p');
  const [yLo, yHi] = two ? load4(kind, 'q') : ['', ''];
  const square = op === 'sumsq';
  const lo = square ? '(local.get $x0)' : xLo;
  const hi = square ? '(local.get $x1)' : xHi;
  const body = [
    ...(square ? [set('x0', xLo), set('x1', xHi)] : []),
    set('a0', `(f64x2.add ${get('a0')} ${term(op, 'f64x2.mul', lo, yLo)})`),
    set('a1', `(f64x2.add ${get('a1')} ${term(op, 'f64x2.mul', hi, yHi)})`),
    advance('p', 4 * kind.bytes),
    ...(two ? [advance('q', 4 * kind.bytes)] : []),
  ];
  const tail = [
    ...(square ? [set('t1', load1(kind, 'p'))] : []),
    set('t', `(f64.add ${get('t')} ${term(op, 'f64.mul', square ? get('t1') : load1(kind, 'p'), two ? load1(kind, 'q') : '')})`),
    advance('p', kind.bytes),
    ...(two ? [advance('q', kind.bytes)] : []),
  ];
  const lanes = (v: string): string => `(f64.add (f64x2.extract_lane 0 ${get(v)}) (f64x2.extract_lane 1 ${get(v)}))`;
  return [
    `(func ${name} (param $p i32)${two ? ' (param $q i32)' : ''} (param $k i32) (result f64)`,
    '  (local $a0 v128) (local $a1 v128) (local $x0 v128) (local $x1 v128) (local $end i32) (local $mid i32) (local $t f64) (local $t1 f64)',
    `  ${set('a0', '(v128.const f64x2 -0 -0)')} ${set('a1', '(v128.const f64x2 -0 -0)')} ${set('t', '(f64.const -0)')}`,
    `  ${set('end', offset(get('p'), get('k'), kind.shift))}`,
    `  ${set('mid', offset(get('p'), `(i32.and ${get('k')} ${i32(-4)})`, kind.shift))}`,
    ...whileBelow('quads', 'p', 'mid', body).map((line) => `  ${line}`),
    ...whileBelow('tail', 'p', 'end', tail).map((line) => `  ${line}`),
    `  (f64.add (f64.add ${lanes('a0')} ${lanes('a1')}) ${get('t')}))`,
  ];
}

/**
 * The balanced tree over `m` leaves (a power of two) of `n` elements from `p` (and `q`):
 * only its last leaf may be short.
 */
function tree(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$tree_${op}_${kind.id}`;
  const leafBytes = LEAF_SHIFT + kind.shift;
  const args = (p: string, q: string, m: string, n: string): string => (two ? `${p} ${q} ${m} ${n}` : `${p} ${m} ${n}`);
  const halfElements = `(i32.shl ${get('h')} ${i32(LEAF_SHIFT)})`;
  const rightP = offset(get('p'), get('h'), leafBytes);
  const rightQ = offset(get('q'), get('h'), leafBytes);
  return [
    `(func ${name} (param $p i32)${two ? ' (param $q i32)' : ''} (param $m i32) (param $n i32) (result f64)`,
    '  (local $h i32)',
    `  (if (result f64) (i32.eq ${get('m')} ${i32(1)})`,
    `    (then (call $leaf_${op}_${kind.id} ${two ? `${get('p')} ${get('q')}` : get('p')} ${get('n')}))`,
    '    (else',
    `      ${set('h', `(i32.shr_u ${get('m')} ${i32(1)})`)}`,
    '      (f64.add',
    `        (call ${name} ${args(get('p'), get('q'), get('h'), halfElements)})`,
    `        (call ${name} ${args(rightP, rightQ, get('h'), `(i32.sub ${get('n')} ${halfElements})`)})))))`,
  ];
}

/**
 * The exported reduction over `n >= 1` elements: the leaves split into power-of-two trees
 * from the left, `T1 + (rest)`, as the JS kernels' final merge adds them.
 */
function reduction(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$${op}_${kind.id}`;
  const leafBytes = LEAF_SHIFT + kind.shift;
  const args = (p: string, q: string, rest: string[]): string => [p, ...(two ? [q] : []), ...rest].join(' ');
  const bigElements = `(i32.shl ${get('big')} ${i32(LEAF_SHIFT)})`;
  return [
    `(func ${name} (export "${op}_${kind.id}") (param $p i32)${two ? ' (param $q i32)' : ''} (param $n i32) (result f64)`,
    '  (local $m i32) (local $big i32)',
    `  ${set('m', `(i32.shr_u (i32.add ${get('n')} ${i32(LEAF - 1)}) ${i32(LEAF_SHIFT)})`)}`,
    `  ${set('big', `(i32.shl ${i32(1)} (i32.sub ${i32(31)} (i32.clz ${get('m')})))`)}`,
    `  (if (result f64) (i32.eq ${get('big')} ${get('m')})`,
    `    (then (call $tree_${op}_${kind.id} ${args(get('p'), get('q'), [get('m'), get('n')])}))`,
    '    (else (f64.add',
    `      (call $tree_${op}_${kind.id} ${args(get('p'), get('q'), [get('big'), bigElements])})`,
    `      (call ${name} ${args(offset(get('p'), get('big'), leafBytes), offset(get('q'), get('big'), leafBytes), [`(i32.sub ${get('n')} ${bigElements})`])})))))`,
  ];
}

/** `min` or `max` over `n >= 1` elements. */
function extremum(kind: KernelKind, op: 'min' | 'max'): string[] {
  const lanes = kind.id === 'f64' ? 'f64x2' : 'f32x4';
  const scalar = kind.id;
  const perVector = 16 / kind.bytes;
  const fold =
    kind.id === 'f64'
      ? `(f64.${op} (f64x2.extract_lane 0 ${get('a')}) (f64x2.extract_lane 1 ${get('a')}))`
      : `(f32.${op} (f32.${op} (f32x4.extract_lane 0 ${get('a')}) (f32x4.extract_lane 1 ${get('a')})) (f32.${op} (f32x4.extract_lane 2 ${get('a')}) (f32x4.extract_lane 3 ${get('a')})))`;
  return [
    `(func (export "${op}_${kind.id}") (param $p i32) (param $n i32) (result f64)`,
    `  (local $a v128) (local $end i32) (local $mid i32) (local $r ${scalar})`,
    `  ${set('a', `(${lanes}.splat (${scalar}.load ${get('p')}))`)}`,
    `  ${set('end', offset(get('p'), get('n'), kind.shift))}`,
    `  ${set('mid', offset(get('p'), `(i32.and ${get('n')} ${i32(-perVector)})`, kind.shift))}`,
    ...whileBelow('vectors', 'p', 'mid', [set('a', `(${lanes}.${op} ${get('a')} (v128.load ${get('p')}))`), advance('p', 16)]).map((l) => `  ${l}`),
    `  ${set('r', fold)}`,
    ...whileBelow('tail', 'p', 'end', [set('r', `(${scalar}.${op} ${get('r')} (${scalar}.load ${get('p')}))`), advance('p', kind.bytes)]).map((l) => `  ${l}`),
    kind.id === 'f64' ? `  ${get('r')})` : `  (f64.promote_f32 ${get('r')}))`,
  ];
}

/**
 * An element-wise kernel: `vector(x...)` computes one v128 of results from the v128 loads
 * at the given pointers, `scalar(x...)` one element; the loop runs 4 vectors a step, then
 * single vectors, then single elements.
 */
function elementwise(
  kind: KernelKind,
  name: string,
  params: string[],
  inputs: string[],
  vector: (loads: string[]) => string,
  scalar: (loads: string[]) => string,
): string[] {
  const perVector = 16 / kind.bytes;
  const vectorAt = (delta: number): string => `(v128.store offset=${delta} ${get('d')} ${vector(inputs.map((p) => `(v128.load offset=${delta} ${get(p)})`))})`;
  const bump = (bytes: number): string[] => ['d', ...inputs].map((p) => advance(p, bytes));
  const scalarLoads = inputs.map((p) => `(${kind.id}.load ${get(p)})`);
  return [
    `(func (export "${name}_${kind.id}") ${params.map((p) => `(param $${p})`).join(' ')}`,
    '  (local $end i32) (local $mid4 i32) (local $mid i32)',
    `  ${set('end', offset(get('d'), get('n'), kind.shift))}`,
    `  ${set('mid4', offset(get('d'), `(i32.and ${get('n')} ${i32(-4 * perVector)})`, kind.shift))}`,
    `  ${set('mid', offset(get('d'), `(i32.and ${get('n')} ${i32(-perVector)})`, kind.shift))}`,
    ...whileBelow('fours', 'd', 'mid4', [...[0, 16, 32, 48].map(vectorAt), ...bump(64)]).map((l) => `  ${l}`),
    ...whileBelow('vectors', 'd', 'mid', [vectorAt(0), ...bump(16)]).map((l) => `  ${l}`),
    ...whileBelow('tail', 'd', 'end', [`(${kind.id}.store ${get('d')} ${scalar(scalarLoads)})`, ...bump(kind.bytes)]).map((l) => `  ${l}`),
    ')',
  ];
}

/** The lanes of an f32x4 `v` as two f64x2 (lanes 0-1, lanes 2-3). */
function promote(v: string): [string, string] {
  return [`(f64x2.promote_low_f32x4 ${v})`, `(f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 ${v} ${v}))`];
}

/** Two f64x2 rounded to float32 and packed into one f32x4 (lanes 0-1 from `lo`). */
function demote(lo: string, hi: string): string {
  return `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero ${lo}) (f32x4.demote_f64x2_zero ${hi}))`;
}

/** The element-wise kernels of one kind. */
function elementwiseKernels(kind: KernelKind): string[][] {
  const f64 = kind.id === 'f64';
  const lanes = f64 ? 'f64x2' : 'f32x4';
  const binaries = (['add', 'sub', 'mul'] as const).map((op) =>
    elementwise(kind, op, ['d i32', 'a i32', 'b i32', 'n i32'], ['a', 'b'], ([a, b]) => `(${lanes}.${op} ${a} ${b})`, ([a, b]) => `(${kind.id}.${op} ${a} ${b})`),
  );
  // A scalar is a double: an f32 element meets it in f64 and the result is rounded once.
  const k2 = `(f64x2.splat ${get('k')})`;
  const scalars = (['add', 'sub', 'mul'] as const).map((op) =>
    elementwise(
      kind,
      `${op}s`,
      ['d i32', 'a i32', 'k f64', 'n i32'],
      ['a'],
      ([a]) => {
        if (f64) return `(f64x2.${op} ${a} ${k2})`;
        const [lo, hi] = promote(a);
        return demote(`(f64x2.${op} ${lo} ${k2})`, `(f64x2.${op} ${hi} ${k2})`);
      },
      ([a]) => (f64 ? `(f64.${op} ${a} ${get('k')})` : `(f32.demote_f64 (f64.${op} (f64.promote_f32 ${a}) ${get('k')}))`),
    ),
  );
  const a2 = `(f64x2.splat ${get('s')})`;
  const axpy = elementwise(
    kind,
    'axpy',
    ['d i32', 'y i32', 'x i32', 's f64', 'n i32'],
    ['y', 'x'],
    ([y, x]) => {
      if (f64) return `(f64x2.add ${y} (f64x2.mul ${a2} ${x}))`;
      const [yLo, yHi] = promote(y);
      const [xLo, xHi] = promote(x);
      return demote(`(f64x2.add ${yLo} (f64x2.mul ${a2} ${xLo}))`, `(f64x2.add ${yHi} (f64x2.mul ${a2} ${xHi}))`);
    },
    ([y, x]) =>
      f64
        ? `(f64.add ${y} (f64.mul ${get('s')} ${x}))`
        : `(f32.demote_f64 (f64.add (f64.promote_f32 ${y}) (f64.mul ${get('s')} (f64.promote_f32 ${x}))))`,
  );
  return [...binaries, ...scalars, axpy];
}

/** The module's WAT text. */
export function kernelsWat(): string {
  const functions: string[][] = [];
  for (const kind of KERNEL_KINDS) {
    for (const op of ['sum', 'sumsq', 'dot'] as const) functions.push(leaf(kind, op), tree(kind, op), reduction(kind, op));
    functions.push(extremum(kind, 'min'), extremum(kind, 'max'), ...elementwiseKernels(kind));
  }
  return [
    ';; Generated by scripts/wasm/kernels-wat.ts: the SIMD kernels of slabvec\'s WasmSlab.',
    '(module',
    '  (import "env" "memory" (memory 0))',
    ...functions.flatMap((lines) => lines.map((line) => `  ${line}`)),
    ')',
    '',
  ].join('\n');
}
