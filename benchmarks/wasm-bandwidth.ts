/**
 * The memory-bandwidth probes of the "wasm" table: how fast this machine streams memory, in
 * the same run as the kernels, so that a kernel's GB/s can be read against a limit.
 *
 * - read: a wasm loop of `v128.load`s into four independent integer accumulators (64 bytes
 *   per iteration, no floating-point latency chain), over 8 MB (what a 1e6-element F64Vec
 *   kernel reads from one operand; it fits this machine's last-level cache on most CPUs)
 *   and over 64 MB (past any such cache: DRAM);
 * - copy: `memory.copy` (the engine's memmove) of 8 MB and of 64 MB, counted as the bytes
 *   read plus the bytes written.
 *
 * The probe module is assembled here from its WAT text with `wabt` (a dev dependency); it
 * is benchmark code only.
 *
 * @module
 */

import { PRIME_CAPACITY, contender, timerOverheadMs, type Case } from './runner.js';
import type { TimedState } from './state.js';
import type { BandwidthProbe } from './wasm-results.js';

/** The probe module's exports. */
interface ProbeExports {
  /** Reads `bytes` (a multiple of 64) from `p`; returns a checksum. */
  read(p: number, bytes: number): number;
  /** Copies `bytes` from `from` to `to`. */
  copy(to: number, from: number, bytes: number): void;
}

/** What a probe loop works on. */
interface ProbeState extends TimedState {
  readonly probe: ProbeExports;
  /** Where the bytes are read, and where `copy` writes them. */
  readonly from: number;
  readonly to: number;
  /** Bytes per pass. */
  readonly bytes: number;
  /** Passes per call. */
  readonly reps: number;
}

/** The probe module's text. */
const PROBE_WAT = `(module
  (import "env" "memory" (memory 1))
  (func (export "read") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local.set $end (i32.add (local.get $p) (local.get $n)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
      (local.set $a (i32x4.add (local.get $a) (v128.load offset=0 (local.get $p))))
      (local.set $b (i32x4.add (local.get $b) (v128.load offset=16 (local.get $p))))
      (local.set $c (i32x4.add (local.get $c) (v128.load offset=32 (local.get $p))))
      (local.set $d (i32x4.add (local.get $d) (v128.load offset=48 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 64)))
      (br $next)))
    (i32x4.extract_lane 0 (i32x4.add (i32x4.add (local.get $a) (local.get $b)) (i32x4.add (local.get $c) (local.get $d)))))
  (func (export "copy") (param $to i32) (param $from i32) (param $n i32)
    (memory.copy (local.get $to) (local.get $from) (local.get $n))))`;

/** The parts of wabt's API used here. */
interface Wabt {
  parseWat(filename: string, text: string, features: { simd: boolean; bulk_memory: boolean }): {
    validate(): void;
    toBinary(options: object): { buffer: Uint8Array };
    destroy(): void;
  };
}

/** The parts of the `WebAssembly` namespace used here (no DOM `lib` in the benchmarks). */
interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

/** One probe of the table: a label, the bytes it streams per pass, what counts as moved. */
interface ProbeSpec {
  readonly id: string;
  readonly kind: BandwidthProbe['kind'];
  /** Bytes read per pass. */
  readonly bytes: number;
}

const MB = 1 << 20;

/** The probes, smallest first. */
const PROBES: readonly ProbeSpec[] = [
  { id: 'read_8MB', kind: 'read', bytes: 8 * MB },
  { id: 'read_64MB', kind: 'read', bytes: 64 * MB },
  { id: 'copy_8MB', kind: 'copy', bytes: 8 * MB },
  { id: 'copy_64MB', kind: 'copy', bytes: 64 * MB },
];

/** The largest region a probe reads; a copy writes the same size after it. */
const REGION = 64 * MB;

function probeRead(s: ProbeState): number {
  const probe = s.probe;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += probe.read(s.from, s.bytes);
  return acc;
}

function probeCopy(s: ProbeState): number {
  const probe = s.probe;
  for (let r = 0; r < s.reps; r++) probe.copy(s.to, s.from, s.bytes);
  return s.bytes;
}

/** The probe module over a fresh memory of two regions, the first filled with nonzero bytes, both touched. */
async function probeModule(): Promise<ProbeExports> {
  const wabt = await (require('wabt') as () => Promise<Wabt>)();
  const parsed = wabt.parseWat('probe.wat', PROBE_WAT, { simd: true, bulk_memory: true });
  let bytes: Uint8Array;
  try {
    parsed.validate();
    bytes = Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  const pages = (2 * REGION) / 65536;
  const memory = new api.Memory({ initial: pages, maximum: pages });
  const words = new Uint32Array(memory.buffer);
  for (let i = 0; i < words.length; i++) words[i] = (i * 2654435761) >>> 0;
  return new api.Instance(new api.Module(bytes), { env: { memory } }).exports as ProbeExports;
}

/** The probes as one case of the runner: a contender each, none a baseline. */
export interface BandwidthCase extends Case {
  /** The probes, by contender id. */
  readonly probes: readonly ProbeSpec[];
}

/** The case of the probes: one pass per call (a quarter of a millisecond or more), primed on 1 KB. */
export async function bandwidthCase(): Promise<BandwidthCase> {
  const probe = await probeModule();
  const state = (bytes: number, reps: number): ProbeState => ({ probe, from: 0, to: REGION, bytes, reps, overhead: timerOverheadMs(), elapsed: 0 });
  return {
    id: 'wasm_bandwidth',
    label: 'memory bandwidth',
    selfTimed: false,
    probes: PROBES,
    contenders: PROBES.map((spec) =>
      contender({
        id: spec.id,
        loop: spec.kind === 'read' ? probeRead : probeCopy,
        state: state(spec.bytes, 1),
        primer: state(PRIME_CAPACITY * 64, 4),
      }),
    ),
  };
}

/**
 * The probes' rates from the median latency (ms per call) of each contender: a copy counts
 * the bytes it reads and the bytes it writes.
 */
export function bandwidthOf(kase: BandwidthCase, medianMs: (id: string) => number): BandwidthProbe[] {
  return kase.probes.map((spec) => {
    const state = kase.contenders.find((c) => c.id === spec.id)!.state as unknown as ProbeState;
    const moved = spec.bytes * state.reps * (spec.kind === 'copy' ? 2 : 1);
    return { kind: spec.kind, bytes: spec.bytes, gbPerSec: moved / 1e9 / (medianMs(spec.id) / 1000) };
  });
}
