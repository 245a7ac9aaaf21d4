/**
 * The source of the WebAssembly SIMD kernels: this script writes the module's WAT text,
 * one function per kernel and element kind, from the table {@link KERNEL_KINDS}. `scripts/wasm/assemble.ts` turns the text into bytes (with
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

/** The names of the kernels (suffixed `_f64`, `_i16`, ... in the module). */
export type KernelName = 'sum' | 'sumsq' | 'dot' | 'min' | 'max' | 'add' | 'sub' | 'mul' | 'adds' | 'subs' | 'muls' | 'axpy';

/** An element kind with wasm kernels. */
export interface KernelKind {
  /** The element id of the vector class (`"f64"`, `"i16"`, `"u8c"`, ...). */
  readonly id: 'f64' | 'f32' | 'i32' | 'u32' | 'i16' | 'u16' | 'i8' | 'u8' | 'u8c';
  /** Bytes per element. */
  readonly bytes: 1 | 2 | 4 | 8;
  /** `log2(bytes)`. */
  readonly shift: number;
  /** The SIMD lane shape of the elements. */
  readonly lanes: 'f64x2' | 'f32x4' | 'i32x4' | 'i16x8' | 'i8x16';
  /** Whether the elements are floats (else integers, held in i32 values one at a time). */
  readonly float: boolean;
  /** Whether the elements are signed. */
  readonly signed: boolean;
  /** Whether stores clamp to the element range (`Uint8ClampedArray`) instead of wrapping. */
  readonly saturating: boolean;
  /**
   * The kernels of the kind: those whose wasm form gives the JS kernel's result exactly.
   * 8-bit kinds have no `mul` (SIMD has no 8-bit multiply); the clamped kind has no scalar
   * forms and no `mul` or `axpy` (the JS kernels round and clamp a double there).
   */
  readonly kernels: readonly KernelName[];
}

const ALL: readonly KernelName[] = ['sum', 'sumsq', 'dot', 'min', 'max', 'add', 'sub', 'mul', 'adds', 'subs', 'muls', 'axpy'];
const NO_MUL: readonly KernelName[] = ['sum', 'sumsq', 'dot', 'min', 'max', 'add', 'sub', 'adds', 'subs'];
const CLAMPED: readonly KernelName[] = ['sum', 'sumsq', 'dot', 'min', 'max', 'add', 'sub'];

/** The element kinds the module has kernels for: every number kind but f16 (SIMD has no f16 lanes). */
export const KERNEL_KINDS: readonly KernelKind[] = [
  { id: 'f64', bytes: 8, shift: 3, lanes: 'f64x2', float: true, signed: true, saturating: false, kernels: ALL },
  { id: 'f32', bytes: 4, shift: 2, lanes: 'f32x4', float: true, signed: true, saturating: false, kernels: ALL },
  { id: 'i32', bytes: 4, shift: 2, lanes: 'i32x4', float: false, signed: true, saturating: false, kernels: ALL },
  { id: 'u32', bytes: 4, shift: 2, lanes: 'i32x4', float: false, signed: false, saturating: false, kernels: ALL },
  { id: 'i16', bytes: 2, shift: 1, lanes: 'i16x8', float: false, signed: true, saturating: false, kernels: ALL },
  { id: 'u16', bytes: 2, shift: 1, lanes: 'i16x8', float: false, signed: false, saturating: false, kernels: ALL },
  { id: 'i8', bytes: 1, shift: 0, lanes: 'i8x16', float: false, signed: true, saturating: false, kernels: NO_MUL },
  { id: 'u8', bytes: 1, shift: 0, lanes: 'i8x16', float: false, signed: false, saturating: false, kernels: NO_MUL },
  { id: 'u8c', bytes: 1, shift: 0, lanes: 'i8x16', float: false, signed: false, saturating: true, kernels: CLAMPED },
];

/** The parameter lists of the exported kernels, by shape. */
export const KERNEL_SHAPES = {
  /** `(p, n) -> f64` */
  reduce: { params: ['p: number', 'n: number'], result: 'number' },
  /** `(a, b, n) -> f64` */
  reduce2: { params: ['a: number', 'b: number', 'n: number'], result: 'number' },
  /** `(d, a, b, n)`: d[i] = a[i] op b[i] */
  binary: { params: ['d: number', 'a: number', 'b: number', 'n: number'], result: 'void' },
  /** `(d, a, k, n)`: d[i] = a[i] op k; k an f64 for a float kind, an i32 for an integer kind (ToInt32) */
  scalar: { params: ['d: number', 'a: number', 'k: number', 'n: number'], result: 'void' },
  /** `(d, y, x, a, n)`: d[i] = y[i] + a * x[i]; a as k of `scalar` */
  axpy: { params: ['d: number', 'y: number', 'x: number', 'a: number', 'n: number'], result: 'void' },
} as const;

/** The shape of each kernel. */
export const KERNEL_SHAPE_OF: Readonly<Record<KernelName, keyof typeof KERNEL_SHAPES>> = {
  sum: 'reduce',
  sumsq: 'reduce',
  dot: 'reduce2',
  min: 'reduce',
  max: 'reduce',
  add: 'binary',
  sub: 'binary',
  mul: 'binary',
  adds: 'scalar',
  subs: 'scalar',
  muls: 'scalar',
  axpy: 'axpy',
};

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

/** The shuffle that swaps the two 8-byte halves of a v128. */
const SWAP_HALVES = 'i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7';

/**
 * The two elements at byte `offset` from `ptr` as an f64x2, exactly (promoted or
 * converted), loading only their bytes: no value is loaded twice or shuffled.
 */
function loadPair(kind: KernelKind, ptr: string, offset: number): string {
  const at = `offset=${offset} ${get(ptr)}`;
  const sign = kind.signed ? 's' : 'u';
  switch (kind.id) {
    case 'f64':
      return `(v128.load ${at})`;
    case 'f32':
      return `(f64x2.promote_low_f32x4 (v128.load64_zero ${at}))`;
    case 'i32':
    case 'u32':
      return `(f64x2.convert_low_i32x4_${sign} (v128.load64_zero ${at}))`;
    case 'i16':
    case 'u16':
      return `(f64x2.convert_low_i32x4_s (i32x4.extend_low_i16x8_${sign} (v128.load32_zero ${at})))`;
    default:
      // Two bytes splatted: the low lanes of each widening are the two elements.
      return `(f64x2.convert_low_i32x4_s (i32x4.extend_low_i16x8_s (i16x8.extend_low_i8x16_${sign} (v128.load16_splat ${at}))))`;
  }
}

/** The load of one element at `ptr` in its own type (f64, f32, or an i32 sign- or zero-extended). */
function loadElement(kind: KernelKind, ptr: string): string {
  if (kind.float) return `(${kind.id}.load ${get(ptr)})`;
  const sign = kind.signed ? 's' : 'u';
  if (kind.bytes === 4) return `(i32.load ${get(ptr)})`;
  return `(i32.load${kind.bytes * 8}_${sign} ${get(ptr)})`;
}

/** The store of one element (an integer store keeps the low bits: it wraps). */
function storeElement(kind: KernelKind): string {
  if (kind.float) return `${kind.id}.store`;
  return kind.bytes === 4 ? 'i32.store' : `i32.store${kind.bytes * 8}`;
}

/** An element's value (from {@link loadElement}) as an f64, exactly. */
function toF64(kind: KernelKind, value: string): string {
  if (kind.id === 'f64') return value;
  if (kind.id === 'f32') return `(f64.promote_f32 ${value})`;
  return `(f64.convert_i32_${kind.id === 'u32' ? 'u' : 's'} ${value})`;
}

type Reduction = 'sum' | 'sumsq' | 'dot';

/** The term a reduction adds for the element(s) `x` (and `y`, for `dot`). */
function term(op: Reduction, mul: string, x: string, y: string): string {
  if (op === 'sum') return x;
  if (op === 'dot') return `(${mul} ${x} ${y})`;
  return `(${mul} ${x} ${x})`;
}

/**
 * The lane updates of one leaf for the 4 elements at `$p` (and `$q`), or at the pointers
 * named `p`, `q`: accumulators `a0` (lanes 0-1) and `a1` (lanes 2-3) of the leaf named by
 * `acc`, with `x0`/`x1` of the same suffix as scratch for the squares.
 */
function quadStep(kind: KernelKind, op: Reduction, acc: string, p = 'p', q = 'q'): string[] {
  const two = op === 'dot';
  const x = [loadPair(kind, p, 0), loadPair(kind, p, 2 * kind.bytes)];
  const y = two ? [loadPair(kind, q, 0), loadPair(kind, q, 2 * kind.bytes)] : ['', ''];
  if (op === 'sumsq') {
    return [
      set(`x0${acc}`, x[0]),
      set(`x1${acc}`, x[1]),
      set(`a0${acc}`, `(f64x2.add ${get(`a0${acc}`)} (f64x2.mul ${get(`x0${acc}`)} ${get(`x0${acc}`)}))`),
      set(`a1${acc}`, `(f64x2.add ${get(`a1${acc}`)} (f64x2.mul ${get(`x1${acc}`)} ${get(`x1${acc}`)}))`),
    ];
  }
  return [0, 1].map((j) => set(`a${j}${acc}`, `(f64x2.add ${get(`a${j}${acc}`)} ${term(op, 'f64x2.mul', x[j], y[j])})`));
}

/** A leaf's sum of its lanes, `(s0 + s1) + (s2 + s3)`, from accumulators `a0`/`a1` of suffix `acc`. */
function laneSum(acc: string): string {
  const lanes = (v: string): string => `(f64.add (f64x2.extract_lane 0 ${get(v)}) (f64x2.extract_lane 1 ${get(v)}))`;
  return `(f64.add ${lanes(`a0${acc}`)} ${lanes(`a1${acc}`)})`;
}

/** The locals of `quadStep` for the leaves of the given suffixes, each accumulator set to -0. */
function leafLocals(suffixes: string[]): string[] {
  const names = suffixes.flatMap((acc) => [`a0${acc}`, `a1${acc}`, `x0${acc}`, `x1${acc}`]);
  return [
    `  ${names.map((name) => `(local $${name} v128)`).join(' ')}`,
    `  ${suffixes.flatMap((acc) => [set(`a0${acc}`, '(v128.const f64x2 -0 -0)'), set(`a1${acc}`, '(v128.const f64x2 -0 -0)')]).join(' ')}`,
  ];
}

/** The leaf of a reduction: `k` (1 to 128) elements from `p` (and `q`), as the JS leaf sums them. */
function leaf(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$leaf_${op}_${kind.id}`;
  const body = [...quadStep(kind, op, ''), advance('p', 4 * kind.bytes), ...(two ? [advance('q', 4 * kind.bytes)] : [])];
  const x1 = toF64(kind, loadElement(kind, 'p'));
  const square = op === 'sumsq';
  const tail = [
    ...(square ? [set('t1', x1)] : []),
    set('t', `(f64.add ${get('t')} ${term(op, 'f64.mul', square ? get('t1') : x1, two ? toF64(kind, loadElement(kind, 'q')) : '')})`),
    advance('p', kind.bytes),
    ...(two ? [advance('q', kind.bytes)] : []),
  ];
  return [
    `(func ${name} (param $p i32)${two ? ' (param $q i32)' : ''} (param $k i32) (result f64)`,
    '  (local $end i32) (local $mid i32) (local $t f64) (local $t1 f64)',
    ...leafLocals(['']),
    `  ${set('t', '(f64.const -0)')}`,
    `  ${set('end', offset(get('p'), get('k'), kind.shift))}`,
    `  ${set('mid', offset(get('p'), `(i32.and ${get('k')} ${i32(-4)})`, kind.shift))}`,
    ...whileBelow('quads', 'p', 'mid', body).map((line) => `  ${line}`),
    ...whileBelow('tail', 'p', 'end', tail).map((line) => `  ${line}`),
    `  (f64.add ${laneSum('')} ${get('t')}))`,
  ];
}

/**
 * Two full leaves side by side, from `$p` (and `$q`) and from `$p2` (and `$q2`): the same
 * additions as two calls of the leaf, in the same order within each leaf, but interleaved,
 * so that the CPU overlaps the two leaves' chains of dependent additions (one leaf's lanes
 * alone wait on the latency of each add). Returns both leaf sums.
 */
function leafPair(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const pointers = two ? ['p', 'p2', 'q', 'q2'] : ['p', 'p2'];
  const body = [
    ...quadStep(kind, op, 'A', 'p', 'q'),
    ...quadStep(kind, op, 'B', 'p2', 'q2'),
    ...pointers.map((name) => advance(name, 4 * kind.bytes)),
  ];
  return [
    `(func $pair_${op}_${kind.id} ${pointers.map((name) => `(param $${name} i32)`).join(' ')} (result f64 f64)`,
    '  (local $end i32)',
    ...leafLocals(['A', 'B']),
    `  ${set('end', `(i32.add ${get('p')} ${i32(LEAF * kind.bytes)})`)}`,
    ...whileBelow('quads', 'p', 'end', body).map((line) => `  ${line}`),
    // Each leaf's tail is empty: adding its -0 start, as the leaf does, changes nothing but is kept.
    `  (f64.add ${laneSum('A')} (f64.const -0))`,
    `  (f64.add ${laneSum('B')} (f64.const -0)))`,
  ];
}

/**
 * Two balanced trees of `m` full leaves each (`m` a power of two), from `$p` (and `$q`) and
 * from `$p2` (and `$q2`), side by side; returns both sums. A full tree's two halves are
 * such a pair: walking them together reads each operand as two long forward streams, one
 * per half. Pairing neighbouring leaves instead (two streams 128 elements apart, turning
 * back every two leaves) defeats the hardware prefetcher: an `F64Vec` sum over 16 MB ran at
 * a fifth of the machine's read bandwidth (docs/design.md, "The WebAssembly tier").
 */
function treePair(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$trees_${op}_${kind.id}`;
  const pointers = two ? ['p', 'p2', 'q', 'q2'] : ['p', 'p2'];
  const leafBytes = LEAF_SHIFT + kind.shift;
  const right = pointers.map((pointer) => offset(get(pointer), get('h'), leafBytes)).join(' ');
  return [
    `(func ${name} ${pointers.map((pointer) => `(param $${pointer} i32)`).join(' ')} (param $m i32) (result f64 f64)`,
    '  (local $h i32) (local $a f64) (local $b f64) (local $c f64) (local $d f64)',
    `  (if (i32.eq ${get('m')} ${i32(1)}) (then (return (call $pair_${op}_${kind.id} ${pointers.map(get).join(' ')}))))`,
    `  ${set('h', `(i32.shr_u ${get('m')} ${i32(1)})`)}`,
    // Each tree is its left half plus its right half.
    `  (call ${name} ${pointers.map(get).join(' ')} ${get('h')})`,
    '  (local.set $b) (local.set $a)',
    `  (call ${name} ${right} ${get('h')})`,
    '  (local.set $d) (local.set $c)',
    `  (f64.add ${get('a')} ${get('c')})`,
    `  (f64.add ${get('b')} ${get('d')}))`,
  ];
}

/**
 * The balanced tree over `m` leaves (a power of two) of `n` elements from `p` (and `q`):
 * only its last leaf may be short. A tree of full leaves is summed as its two halves side
 * by side ({@link treePair}); one with a short leaf as its full left half plus its right
 * half.
 */
function tree(kind: KernelKind, op: Reduction): string[] {
  const two = op === 'dot';
  const name = `$tree_${op}_${kind.id}`;
  const leafBytes = LEAF_SHIFT + kind.shift;
  const args = (p: string, q: string, m: string, n: string): string => (two ? `${p} ${q} ${m} ${n}` : `${p} ${m} ${n}`);
  const halfElements = `(i32.shl ${get('h')} ${i32(LEAF_SHIFT)})`;
  const rightP = offset(get('p'), get('h'), leafBytes);
  const rightQ = offset(get('q'), get('h'), leafBytes);
  const halves = two ? `${get('p')} ${rightP} ${get('q')} ${rightQ}` : `${get('p')} ${rightP}`;
  return [
    `(func ${name} (param $p i32)${two ? ' (param $q i32)' : ''} (param $m i32) (param $n i32) (result f64)`,
    '  (local $h i32)',
    `  (if (i32.eq ${get('m')} ${i32(1)}) (then (return (call $leaf_${op}_${kind.id} ${two ? `${get('p')} ${get('q')}` : get('p')} ${get('n')}))))`,
    `  ${set('h', `(i32.shr_u ${get('m')} ${i32(1)})`)}`,
    `  (if (i32.eq ${get('n')} (i32.shl ${get('m')} ${i32(LEAF_SHIFT)})) (then (return (f64.add (call $trees_${op}_${kind.id} ${halves} ${get('h')})))))`,
    '  (f64.add',
    `    (call ${name} ${args(get('p'), get('q'), get('h'), halfElements)})`,
    `    (call ${name} ${args(rightP, rightQ, get('h'), `(i32.sub ${get('n')} ${halfElements})`)})))`,
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

/** The lane-wise `min`/`max` instruction of a kind (`i16x8.min_s`, `f64x2.max`). */
function laneExtremum(kind: KernelKind, op: 'min' | 'max'): string {
  return kind.float ? `${kind.lanes}.${op}` : `${kind.lanes}.${op}_${kind.signed ? 's' : 'u'}`;
}

/** `min`/`max` of two scalars of the kind's own type (wasm's IEEE-2019 op for floats, a select for integers). */
function scalarExtremum(kind: KernelKind, op: 'min' | 'max', x: string, y: string): string {
  if (kind.float) return `(${kind.id}.${op} ${x} ${y})`;
  const compare = `i32.${op === 'min' ? 'lt' : 'gt'}_${kind.signed ? 's' : 'u'}`;
  return `(select ${x} ${y} (${compare} ${x} ${y}))`;
}

/** Lane 0 of `v`, in the kind's scalar type. */
function laneZero(kind: KernelKind, v: string): string {
  if (kind.float || kind.bytes === 4) return `(${kind.lanes}.extract_lane 0 ${v})`;
  return `(${kind.lanes}.extract_lane_${kind.signed ? 's' : 'u'} 0 ${v})`;
}

/** The splat of a scalar of the kind's type into every lane. */
function splat(kind: KernelKind, value: string): string {
  return `(${kind.lanes}.splat ${value})`;
}

/**
 * `min` or `max` over `n >= 1` elements: lane-wise over whole vectors, then folded by
 * rotating the vector onto itself, then the tail. Both are exact whatever the order.
 */
function extremum(kind: KernelKind, op: 'min' | 'max'): string[] {
  const perVector = 16 / kind.bytes;
  const folds: string[] = [];
  for (let width = 8; width >= kind.bytes; width /= 2) {
    const rotation = Array.from({ length: 16 }, (_, j) => (j + width) % 16).join(' ');
    folds.push(set('a', `(${laneExtremum(kind, op)} ${get('a')} (i8x16.shuffle ${rotation} ${get('a')} ${get('a')}))`));
  }
  const scalarType = kind.float ? kind.id : 'i32';
  return [
    `(func (export "${op}_${kind.id}") (param $p i32) (param $n i32) (result f64)`,
    `  (local $a v128) (local $end i32) (local $mid i32) (local $r ${scalarType})`,
    `  ${set('a', splat(kind, loadElement(kind, 'p')))}`,
    `  ${set('end', offset(get('p'), get('n'), kind.shift))}`,
    `  ${set('mid', offset(get('p'), `(i32.and ${get('n')} ${i32(-perVector)})`, kind.shift))}`,
    ...whileBelow('vectors', 'p', 'mid', [set('a', `(${laneExtremum(kind, op)} ${get('a')} (v128.load ${get('p')}))`), advance('p', 16)]).map((l) => `  ${l}`),
    ...folds.map((line) => `  ${line}`),
    `  ${set('r', laneZero(kind, get('a')))}`,
    ...whileBelow('tail', 'p', 'end', [set('r', scalarExtremum(kind, op, get('r'), loadElement(kind, 'p'))), advance('p', kind.bytes)]).map((l) => `  ${l}`),
    `  ${toF64(kind, get('r'))})`,
  ];
}

/**
 * An element-wise kernel: `vector(loads)` computes one v128 of results from the v128 loads
 * at the input pointers, `scalar(loads)` one element from the element loads; the loop runs
 * 4 vectors a step, then single vectors, then single elements.
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
  const scalarLoads = inputs.map((p) => loadElement(kind, p));
  return [
    `(func (export "${name}_${kind.id}") ${params.map((p) => `(param $${p})`).join(' ')}`,
    '  (local $end i32) (local $mid4 i32) (local $mid i32)',
    `  ${set('end', offset(get('d'), get('n'), kind.shift))}`,
    `  ${set('mid4', offset(get('d'), `(i32.and ${get('n')} ${i32(-4 * perVector)})`, kind.shift))}`,
    `  ${set('mid', offset(get('d'), `(i32.and ${get('n')} ${i32(-perVector)})`, kind.shift))}`,
    ...whileBelow('fours', 'd', 'mid4', [...[0, 16, 32, 48].map(vectorAt), ...bump(64)]).map((l) => `  ${l}`),
    ...whileBelow('vectors', 'd', 'mid', [vectorAt(0), ...bump(16)]).map((l) => `  ${l}`),
    ...whileBelow('tail', 'd', 'end', [`(${storeElement(kind)} ${get('d')} ${scalar(scalarLoads)})`, ...bump(kind.bytes)]).map((l) => `  ${l}`),
    ')',
  ];
}

/** The lanes of an f32x4 `v` as two f64x2 (lanes 0-1, lanes 2-3). */
function promote(v: string): [string, string] {
  return [`(f64x2.promote_low_f32x4 ${v})`, `(f64x2.promote_low_f32x4 (${SWAP_HALVES} ${v} ${v}))`];
}

/** Two f64x2 rounded to float32 and packed into one f32x4 (lanes 0-1 from `lo`). */
function demote(lo: string, hi: string): string {
  return `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero ${lo}) (f32x4.demote_f64x2_zero ${hi}))`;
}

/** The lane-wise op of two vectors: wrapping for integers, saturating for the clamped kind. */
function laneOp(kind: KernelKind, op: 'add' | 'sub' | 'mul'): string {
  return kind.saturating ? `${kind.lanes}.${op}_sat_u` : `${kind.lanes}.${op}`;
}

/** The op of two elements as the kind stores it: the integer store wraps; the clamped kind clamps to [0, 255] first. */
function elementOp(kind: KernelKind, op: 'add' | 'sub' | 'mul', x: string, y: string): string {
  const type = kind.float ? kind.id : 'i32';
  const value = `(${type}.${op} ${x} ${y})`;
  if (!kind.saturating) return value;
  // In [-255, 510]: clamp to [0, 255] (what Uint8ClampedArray stores for an integer).
  return op === 'add' ? `(select ${i32(255)} ${value} (i32.gt_s ${value} ${i32(255)}))` : `(select ${i32(0)} ${value} (i32.lt_s ${value} ${i32(0)}))`;
}

/** The element-wise kernels of one kind that its kernel list names. */
function elementwiseKernels(kind: KernelKind): string[][] {
  const f32 = kind.id === 'f32';
  const scalarType = kind.float ? 'f64' : 'i32';
  const has = (name: KernelName): boolean => kind.kernels.includes(name);
  const out: string[][] = [];
  for (const op of ['add', 'sub', 'mul'] as const) {
    if (!has(op)) continue;
    out.push(elementwise(kind, op, ['d i32', 'a i32', 'b i32', 'n i32'], ['a', 'b'], ([a, b]) => `(${laneOp(kind, op)} ${a} ${b})`, ([a, b]) => elementOp(kind, op, a, b)));
  }
  // A float kind's scalar is a double: an f32 element meets it in f64 and the result is
  // rounded once. An integer kind's scalar is an i32 (the JS side passes only integers).
  const k = kind.float ? `(f64x2.splat ${get('k')})` : splat(kind, get('k'));
  for (const op of ['add', 'sub', 'mul'] as const) {
    if (!has(`${op}s`)) continue;
    out.push(
      elementwise(
        kind,
        `${op}s`,
        ['d i32', 'a i32', `k ${scalarType}`, 'n i32'],
        ['a'],
        ([a]) => {
          if (!f32) return `(${laneOp(kind, op)} ${a} ${k})`;
          const [lo, hi] = promote(a);
          return demote(`(f64x2.${op} ${lo} ${k})`, `(f64x2.${op} ${hi} ${k})`);
        },
        ([a]) => (f32 ? `(f32.demote_f64 (f64.${op} (f64.promote_f32 ${a}) ${get('k')}))` : elementOp(kind, op, a, get('k'))),
      ),
    );
  }
  if (has('axpy')) {
    const s = kind.float ? `(f64x2.splat ${get('s')})` : splat(kind, get('s'));
    out.push(
      elementwise(
        kind,
        'axpy',
        ['d i32', 'y i32', 'x i32', `s ${scalarType}`, 'n i32'],
        ['y', 'x'],
        ([y, x]) => {
          if (!f32) return `(${kind.lanes}.add ${y} (${kind.lanes}.mul ${s} ${x}))`;
          const [yLo, yHi] = promote(y);
          const [xLo, xHi] = promote(x);
          return demote(`(f64x2.add ${yLo} (f64x2.mul ${s} ${xLo}))`, `(f64x2.add ${yHi} (f64x2.mul ${s} ${xHi}))`);
        },
        ([y, x]) => {
          if (f32) return `(f32.demote_f64 (f64.add (f64.promote_f32 ${y}) (f64.mul ${get('s')} (f64.promote_f32 ${x}))))`;
          const type = kind.float ? kind.id : 'i32';
          return `(${type}.add ${y} (${type}.mul ${get('s')} ${x}))`;
        },
      ),
    );
  }
  return out;
}

/** The module's WAT text. */
export function kernelsWat(): string {
  const functions: string[][] = [];
  for (const kind of KERNEL_KINDS) {
    for (const op of ['sum', 'sumsq', 'dot'] as const) functions.push(leaf(kind, op), leafPair(kind, op), treePair(kind, op), tree(kind, op), reduction(kind, op));
    functions.push(extremum(kind, 'min'), extremum(kind, 'max'), ...elementwiseKernels(kind));
  }
  return [
    ";; Generated by scripts/wasm/kernels-wat.ts: the SIMD kernels of slabvec's WasmSlab.",
    '(module',
    '  (import "env" "memory" (memory 0))',
    ...functions.flatMap((lines) => lines.map((line) => `  ${line}`)),
    ')',
    '',
  ].join('\n');
}
