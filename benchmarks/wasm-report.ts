/**
 * The "wasm" table's text for the console, from its results: the speed table with a `Slab`
 * (JS tier) and a `WasmSlab` column per kernel, the crossover, the bandwidth, the garbage
 * and the goals. Derived from the results only; nothing here measures.
 *
 * @module
 */

import { formatCapacity, formatDuration, formatRatio } from './format.js';
import type { GoalResult } from './goals.js';
import { CONSOLE_WIDTH, ratioCell, wrapLine } from './report.js';
import type { RatioStats } from './stats.js';
import { markdownTable, textTable, type Table } from './tables.js';
import { rowTarget } from './wasm-goals.js';
import {
  ELEMENT_WISE,
  KERNEL_LABELS,
  REDUCTIONS,
  WASM_VECTORS,
  bytesPerCall,
  crossoverLength,
  gigabytesPerSecond,
  probeFor,
  type CrossoverKernel,
  type KernelResult,
  type WasmResults,
  type WasmVector,
} from './wasm-results.js';

/** Ratios within this factor of 1 count as a tie in the wasm-against-JS line (as the console verdict counts them). */
const TIE = 1.1;

const MB = 1 << 20;

/** {@link ratioCell} of a paired ratio. */
function cell(ratio: RatioStats): string {
  return ratioCell(ratio.median, ratio.low, ratio.high);
}

/** The speed table of one class: a row per kernel and length. */
export function speedTable(results: WasmResults, vector: WasmVector): Table {
  const rows = [...REDUCTIONS, ...ELEMENT_WISE].flatMap((kernel) =>
    results.kernels
      .filter((r) => r.vector === vector && r.kernel === kernel)
      .sort((a, b) => a.n - b.n)
      .map((r) => {
        const target = rowTarget(r);
        const met = target.met === null ? '-' : target.met ? 'yes' : 'NO';
        return [KERNEL_LABELS[r.kernel], formatCapacity(r.n), formatDuration(r.ms.raw), cell(r.js), cell(r.wasm), cell(r.wasmOverJs), target.text, met];
      }),
  );
  return { head: [`${vector} kernel`, 'n', 'raw/call', 'Slab', 'WasmSlab', 'wasm/JS', 'target', 'met'], rows };
}

/** One line: where WasmSlab is faster than the JS tier, slower, or tied, with the largest factors. */
export function wasmAgainstJsLine(kernels: readonly KernelResult[]): string {
  const where = (r: KernelResult): string => `${r.vector}.${KERNEL_LABELS[r.kernel]} at ${formatCapacity(r.n)}`;
  const faster = kernels.filter((r) => r.wasmOverJs.median < 1 / TIE);
  const slower = kernels.filter((r) => r.wasmOverJs.median > TIE);
  const largest = (list: KernelResult[], factor: (r: KernelResult) => number): string => {
    if (list.length === 0) return '';
    const top = list.reduce((a, b) => (factor(b) > factor(a) ? b : a));
    return ` (up to ${formatRatio(factor(top))}, ${where(top)})`;
  };
  return (
    `WasmSlab against Slab (the JS tier), by more than ${Math.round((TIE - 1) * 100)}%: ` +
    `faster on ${faster.length} of ${kernels.length}${largest(faster, (r) => 1 / r.wasmOverJs.median)}, ` +
    `slower on ${slower.length}${largest(slower, (r) => r.wasmOverJs.median)}, ` +
    `tied on ${kernels.length - faster.length - slower.length}`
  );
}

/** The crossover table: per length, the JS tier's time per call and each wasm form's ratio to it. */
export function crossoverTable(results: WasmResults): Table {
  const kernels: CrossoverKernel[] = ['sum', 'add'];
  const lengths = [...new Set(results.crossover.map((p) => p.length))].sort((a, b) => a - b);
  const rows = lengths.map((length) => [
    String(length),
    ...kernels.flatMap((kernel) => {
      const point = results.crossover.find((p) => p.kernel === kernel && p.length === length);
      if (point === undefined) return ['n/a', 'n/a', 'n/a'];
      return [formatDuration(point.jsMs), cell(point.exports), point.library === null ? '-' : cell(point.library)];
    }),
  ]);
  return { head: ['length', 'Slab sum', 'exports sum', 'WasmSlab sum', 'Slab add', 'exports add', 'WasmSlab add'], rows };
}

/** The crossover lines: from which length on each wasm form beats the JS tier. */
export function crossoverLines(results: WasmResults): string[] {
  const longest = Math.max(...results.crossover.map((p) => p.length));
  const from = (kernel: CrossoverKernel, which: 'exports' | 'library'): string => {
    const length = crossoverLength(results.crossover, kernel, which);
    return length === null ? `not up to ${longest}` : `from length ${length}`;
  };
  return [
    'crossover: the shortest length from which on wasm beats the JS tier (the median below 1.00x there and at every longer length measured)',
    ...(['sum', 'add'] as const).map(
      (kernel) =>
        `  ${kernel === 'sum' ? 'sum()' : 'add(y, out)'}: the exports called directly ${from(kernel, 'exports')}; ` +
        `the library's call ${from(kernel, 'library')} (it dispatches at >= ${results.minLength[kernel]})`,
    ),
  ];
}

/** The probes' rates as one line. */
export function bandwidthLine(results: WasmResults): string {
  const probes = [...results.bandwidth].sort((a, b) => a.bytes - b.bytes).map((b) => `${b.bytes / MB} MB ${b.gbPerSec.toFixed(1)} GB/s`);
  return `memory bandwidth in this run, a streaming read (wasm v128 loads) of: ${probes.join(', ')}`;
}

/** Each kernel's rate at the longest length, per tier, and the WasmSlab rate's share of the read probe of its working set. */
export function bandwidthTable(results: WasmResults): Table {
  const n = Math.max(...results.kernels.map((r) => r.n));
  const rows = WASM_VECTORS.flatMap((vector) =>
    [...REDUCTIONS, ...ELEMENT_WISE].flatMap((kernel) => {
      const r = results.kernels.find((k) => k.vector === vector && k.kernel === kernel && k.n === n);
      if (r === undefined) return [];
      const bytes = bytesPerCall(kernel, vector, n);
      const rate = (ms: number): number => gigabytesPerSecond(bytes, ms);
      const probe = probeFor(results.bandwidth, bytes);
      const share = probe === undefined ? 'n/a' : `${Math.round((100 * rate(r.ms.wasm)) / probe.gbPerSec)}% of ${probe.bytes / MB} MB`;
      return [[`${vector}.${KERNEL_LABELS[kernel]}`, (bytes / MB).toFixed(1), rate(r.ms.raw).toFixed(1), rate(r.ms.js).toFixed(1), rate(r.ms.wasm).toFixed(1), share]];
    }),
  );
  return { head: [`at ${formatCapacity(n)}`, 'MB/call', 'raw GB/s', 'Slab GB/s', 'WasmSlab GB/s', 'WasmSlab / read probe'], rows };
}

/** The garbage table: a row per class and kernel, a column per length. */
export function garbageTable(results: WasmResults): Table {
  const capacities = [...new Set(results.garbage.map((g) => g.capacity))].sort((a, b) => a - b);
  const keys = [...new Set(results.garbage.map((g) => `${g.vector}.${g.kernel}`))];
  const rows = keys.map((key) => [
    key,
    ...capacities.map((capacity) => {
      const g = results.garbage.find((x) => `${x.vector}.${x.kernel}` === key && x.capacity === capacity);
      if (g === undefined) return 'n/a';
      return g.heapPerCall === null ? `${g.collections} GCs (collected)` : `${g.collections} GCs, ${g.heapPerCall.toFixed(1)} B/call`;
    }),
  ]);
  return { head: ['wasm kernel', ...capacities.map((c) => `at ${formatCapacity(c)}`)], rows };
}

/** The goal lines, as the console report prints its own, and the count of met and missed. */
export function goalLines(results: WasmResults, goals: readonly GoalResult[]): string[] {
  const quick = results.mode.name === 'quick' ? ' (quick mode: timings are not meaningful, this only proves the table runs)' : '';
  const met = goals.filter((g) => g.pass === true);
  const missed = goals.filter((g) => g.pass === false);
  return [
    ...wrapLine(`goals of the wasm table on Node ${results.engine} (the speed goals were stated for Node 24)${quick}`, CONSOLE_WIDTH, ''),
    ...goals.flatMap((g) => wrapLine(`  ${g.pass === null ? 'not measured' : g.pass ? 'met ' : 'MISS'}  ${g.goal}: ${g.measured}`, CONSOLE_WIDTH, '        ')),
    ...wrapLine(`wasm goals on Node ${results.engine}: ${met.length} met, ${missed.length} missed${missed.length > 0 ? `: ${missed.map((g) => g.goal).join('; ')}` : ''}`),
  ];
}

/** What each column of the speed tables is, one unwrapped line each: the first says how to read a ratio. */
function legendLines(results: WasmResults): string[] {
  return [
    `wasm: F64Vec and F32Vec kernels in a WasmSlab (WebAssembly SIMD) against the naive raw loop and the JS tier; each ratio is the median over ${results.mode.rounds} paired rounds of a time / the raw loop's time in the same round (lower is better), ± how far the farthest round was from it, "tie" when the rounds' range holds 1.00x.`,
    '  raw/call  one pass of the naive left-to-right loop over Float64Array/Float32Array views of one Slab (1.00x)',
    "  Slab      the JS kernels: the same vectors in a WasmSlab with simd: false (the JS tier)",
    `  WasmSlab  the wasm kernels: the same vectors in a WasmSlab (reductions from ${results.minLength.sum} elements, element-wise kernels from ${results.minLength.add}, dispatch to wasm)`,
    '  wasm/JS   WasmSlab time / Slab time in the same round (below 1.00x: wasm is faster)',
  ];
}

const CROSSOVER_CAPTION = `crossover, F64Vec: time per call of the JS tier (Slab), and each wasm form's time / it in the same round; "exports": the module's export called directly (no dispatch), also below the lengths the library dispatches at; "WasmSlab": the library's call`;

const BANDWIDTH_CAPTION = "each kernel at 1e6 elements: the bytes one call reads plus writes / its median time per call, and the WasmSlab rate as a share of the read probe of the smallest region holding those bytes: near or above 100%, the kernel streams as fast as this machine reads that much memory (several streams at once can beat the probe's one); far below, its arithmetic bounds it, not memory";

/** The garbage table's caption. */
function garbageCaption(results: WasmResults): string {
  const calls = [...new Map(results.garbage.map((g) => [g.capacity, g.calls])).entries()].map(([c, k]) => `${k.toLocaleString('en-US')} at ${formatCapacity(c)}`).join(', ');
  return `garbage: collections in the steady-state loop of each wasm kernel over WasmSlab vectors (a window after full collections; calls per loop ${calls}), and the heap growth per call`;
}

/** The whole table as text, every line at most {@link CONSOLE_WIDTH} wide where the tables allow. */
export function renderWasmTable(results: WasmResults, goals: readonly GoalResult[]): string {
  const out: string[] = [...legendLines(results).flatMap((line) => wrapLine(line, CONSOLE_WIDTH, '    '))];
  for (const vector of WASM_VECTORS) out.push('', textTable(speedTable(results, vector)));
  out.push('', ...wrapLine(wasmAgainstJsLine(results.kernels), CONSOLE_WIDTH, '    '));
  out.push('', ...wrapLine(CROSSOVER_CAPTION, CONSOLE_WIDTH, ''));
  out.push(textTable(crossoverTable(results)), ...crossoverLines(results).flatMap((line) => wrapLine(line, CONSOLE_WIDTH, '    ')));
  out.push('', ...wrapLine(bandwidthLine(results), CONSOLE_WIDTH, '    '));
  out.push(...wrapLine(BANDWIDTH_CAPTION, CONSOLE_WIDTH, ''));
  out.push(textTable(bandwidthTable(results)));
  out.push('', ...wrapLine(garbageCaption(results), CONSOLE_WIDTH, ''));
  out.push(textTable(garbageTable(results)));
  out.push('', ...goalLines(results, goals));
  return out.join('\n');
}

/**
 * The same content as {@link renderWasmTable}, as a markdown section of docs/benchmarks.md:
 * the report's `WasmSlab` column beside `Slab`, with the bandwidth of the same run.
 */
export function renderWasmMarkdown(results: WasmResults, goals: readonly GoalResult[]): string {
  const [intro, ...columns] = legendLines(results);
  const legend = columns.map((line) => {
    const [, name, text] = /^\s*(\S+)\s+(.*)$/.exec(line)!;
    return `- \`${name}\`: ${text}`;
  });
  const met = goals.filter((g) => g.pass === true).length;
  const missed = goals.filter((g) => g.pass === false).length;
  const goalList = goals.map((g) => `- ${g.pass === null ? 'not measured' : g.pass ? 'met' : '**missed**'}: ${g.goal}: ${g.measured}`);
  return [
    '## WebAssembly tier',
    '',
    `${intro.replace(/^wasm: /, '')} Goals (stated for Node 24), on Node ${results.engine}: ${met} met, ${missed} missed.`,
    '',
    ...legend,
    '',
    ...WASM_VECTORS.flatMap((vector) => [markdownTable(speedTable(results, vector)), '']),
    `${wasmAgainstJsLine(results.kernels)}.`,
    '',
    `${CROSSOVER_CAPTION.replace(/^crossover/, 'Crossover')}.`,
    '',
    markdownTable(crossoverTable(results)),
    '',
    ...crossoverLines(results).map((line, i) => (i === 0 ? `${line.replace(/^crossover: /, 'Crossover: ')}:` : `- ${line.trim()}`)),
    '',
    `${bandwidthLine(results).replace(/^memory/, 'Memory')}. ${BANDWIDTH_CAPTION.replace(/^each/, 'Each')}.`,
    '',
    markdownTable(bandwidthTable(results)),
    '',
    `${garbageCaption(results).replace(/^garbage: collections/, 'Garbage collections')}.`,
    '',
    markdownTable(garbageTable(results)),
    '',
    'Goals:',
    '',
    ...goalList,
    '',
  ].join('\n');
}
