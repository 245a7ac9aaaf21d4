/**
 * The memory-bandwidth probes of the "wasm" table: how fast this machine streams memory, in
 * the same run as the kernels, so that a kernel's GB/s can be read against a limit.
 *
 * A probe is a wasm loop of `v128.load`s into four independent integer accumulators (64
 * bytes per iteration, no floating-point latency chain) over one region: 4, 8, 12, 16 and
 * 24 MB, the bytes a 1e6-element kernel touches per call (4 MB: an F32Vec sum; 8 MB: an
 * F64Vec sum, an F32Vec dot or scale; 12 MB: an F32Vec axpy or add; 16 MB: an F64Vec dot or
 * scale; 24 MB: an F64Vec axpy or add), and 64 MB, past any last-level cache (DRAM). A
 * kernel is read against the probe of its working set.
 *
 * Reads only: a copy is no limit for the element-wise kernels. It moves 32 bytes per
 * 16-byte store where `add` moves 48, so a store-bound kernel streams more bytes than a
 * copy; and the engine's `memory.copy` may use non-temporal stores that skip the cache.
 *
 * The probe module is assembled here from its WAT text with `wabt` (a dev dependency); it
 * is benchmark code only.
 *
 * @module
 */

import { PRIME_CAPACITY, contender, timerOverheadMs, type Case } from './runner.js';
import type { TimedState } from './state.js';
import type { BandwidthProbe } from './wasm-results.js';

/** The probe module's export. */
interface ProbeExports {
  /** Reads `bytes` (a multiple of 64) from `p`; returns a checksum. */
  read(p: number, bytes: number): number;
}

/** What a probe loop works on. */
interface ProbeState extends TimedState {
  readonly probe: ProbeExports;
  /** Bytes per pass, from address 0. */
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
    (i32x4.extract_lane 0 (i32x4.add (i32x4.add (local.get $a) (local.get $b)) (i32x4.add (local.get $c) (local.get $d))))))`;

/** The parts of wabt's API used here. */
interface Wabt {
  parseWat(filename: string, text: string, features: { simd: boolean }): {
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

const MB = 1 << 20;

/** The regions read, smallest first. */
export const PROBE_BYTES: readonly number[] = [4 * MB, 8 * MB, 12 * MB, 16 * MB, 24 * MB, 64 * MB];

function probeRead(s: ProbeState): number {
  const probe = s.probe;
  let acc = 0;
  for (let r = 0; r < s.reps; r++) acc += probe.read(0, s.bytes);
  return acc;
}

/** The probe module over a fresh memory as large as the largest region, filled with nonzero bytes. */
async function probeModule(): Promise<ProbeExports> {
  const wabt = await (require('wabt') as () => Promise<Wabt>)();
  const parsed = wabt.parseWat('probe.wat', PROBE_WAT, { simd: true });
  let bytes: Uint8Array;
  try {
    parsed.validate();
    bytes = Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
  const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
  const pages = Math.max(...PROBE_BYTES) / 65536;
  const memory = new api.Memory({ initial: pages, maximum: pages });
  const words = new Uint32Array(memory.buffer);
  for (let i = 0; i < words.length; i++) words[i] = (i * 2654435761) >>> 0;
  return new api.Instance(new api.Module(bytes), { env: { memory } }).exports as ProbeExports;
}

/** The probes as one case of the runner: a contender per region, none a baseline. */
export interface BandwidthCase extends Case {
  /** The regions' sizes, by contender id. */
  readonly probes: readonly { readonly id: string; readonly bytes: number }[];
}

/**
 * The case of the probes: one pass per call (a twentieth of a millisecond or more), primed
 * on 1 KB. Assembling the module is asynchronous (wabt's factory).
 */
export async function bandwidthCase(): Promise<BandwidthCase> {
  const probe = await probeModule();
  const state = (bytes: number, reps: number): ProbeState => ({ probe, bytes, reps, overhead: timerOverheadMs(), elapsed: 0 });
  const probes = PROBE_BYTES.map((bytes) => ({ id: `read_${bytes / MB}MB`, bytes }));
  return {
    id: 'wasm_bandwidth',
    label: 'memory bandwidth',
    selfTimed: false,
    probes,
    contenders: probes.map(({ id, bytes }) => contender({ id, loop: probeRead, state: state(bytes, 1), primer: state(PRIME_CAPACITY * 64, 4) })),
  };
}

/** The probes' rates from each contender's median latency in ms per call (one pass). */
export function bandwidthOf(kase: BandwidthCase, medianMs: (id: string) => number): BandwidthProbe[] {
  return kase.probes.map(({ id, bytes }) => ({ bytes, gbPerSec: bytes / 1e9 / (medianMs(id) / 1000) }));
}
