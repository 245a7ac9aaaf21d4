/**
 * A game-loop particle system on slabvec: five `F32Vec` columns (x, y, vx, vy, life), all
 * allocated once from one `Slab`, updated every frame with the numeric kernels and with no
 * allocation per frame.
 *
 * - spawn: `push` onto every column (at most `remaining` per frame: the capacity is fixed,
 *   and spawns past it are refused and counted, never silently dropped);
 * - integrate: `vy.add(gravityStep)` (gravity: g * dt), `vx.scale(drag)`, `vy.scale(drag)`,
 *   `x.axpy(dt, vx)` and `y.axpy(dt, vy)` (position += dt * velocity), `life.sub(dt)`;
 * - kill: a particle whose life ran out or that fell below the ground is removed with
 *   `swapRemove(i)` at the same index in every column (O(1); the last particle moves into
 *   slot i in each column, so the columns stay aligned).
 *
 * It runs warm-up frames, then the measured frames, and counts the garbage collections
 * that started during the measured frames (`PerformanceObserver` on `gc` entries). The
 * frame allocates nothing, so that count is 0: the figure printed is the one observed, not
 * a constant. Why the frame is written the way it is: see {@link Particles.frame}.
 *
 * Run: `node --expose-gc scripts/run-ts.cjs docs/examples/particles.ts [--frames N] [--json]`
 * (`--expose-gc` lets it collect the warm-up's garbage before the measured frames).
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { F32Vec, Slab } from '../../src/index.js';

/** What {@link runParticles} simulates. Every field has a default. */
export interface ParticleOptions {
  /** The most particles alive at once: the capacity of every column. Default 8192. */
  readonly capacity?: number;
  /** Frames run (and not measured) before the measured ones, so that V8 has optimized the frame code. Default 1000. */
  readonly warmupFrames?: number;
  /** Frames measured. Default 600. */
  readonly frames?: number;
  /** Particles the emitter tries to spawn per frame. Default 128. */
  readonly spawnPerFrame?: number;
  /** Seconds per frame. Default 1/60. */
  readonly dt?: number;
  /** Seed of the pseudo-random generator (the run is deterministic). Default 1. */
  readonly seed?: number;
}

/** What {@link runParticles} observed. Counts cover warm-up and measured frames together. */
export interface ParticleResult {
  readonly capacity: number;
  readonly frames: number;
  readonly warmupFrames: number;
  /** Particles alive after the last frame. */
  readonly alive: number;
  /** The largest number alive after any frame. */
  readonly peak: number;
  /** Particles pushed. */
  readonly spawned: number;
  /** Spawns refused because the columns were full. */
  readonly refused: number;
  /** Particles removed because their life ran out. */
  readonly expired: number;
  /** Particles removed because they fell below the ground (y < 0). */
  readonly grounded: number;
  /** `x.sum()` after the last frame: a checksum of the positions. */
  readonly sumX: number;
  /** `y.sum()` after the last frame. */
  readonly sumY: number;
  /** Garbage collections that started during the measured frames. */
  readonly gcCount: number;
  /** Whether a full collection ran just before the measured frames (only with `node --expose-gc`). */
  readonly heapEmptiedFirst: boolean;
  /** Milliseconds per measured frame. */
  readonly msPerFrame: number;
}

/** The physics constants, shared with the reference model in the tests. */
export const PHYSICS = {
  /** Gravity, units per second squared. */
  gravity: -9.81,
  /** Velocity kept per frame (air drag). */
  drag: 0.995,
  /** Where particles are born. */
  emitterX: 0,
  emitterY: 0.5,
  /** Launch speed range, units per second. */
  minSpeed: 4,
  maxSpeed: 8,
  /** Launch angle range around straight up, radians. */
  spread: 0.6,
  /** Life range, seconds. */
  minLife: 0.5,
  maxLife: 2.5,
} as const;

/**
 * A mulberry32 pseudo-random generator returning numbers in [0, 1). Its state stays an int32
 * (a small integer V8 keeps unboxed), so drawing a number allocates nothing.
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Columns per particle: x, y, vx, vy, life. */
const COLUMNS = 5;

/** `PHYSICS.drag` as a module constant, which optimized code embeds (see {@link Particles.frame}). */
const DRAG = PHYSICS.drag;

/**
 * The particle system. The columns are allocated once, from one slab sized exactly for
 * them (five f32 columns: same alignment, no padding), and live as long as the system.
 */
export class Particles<N extends number = number> {
  readonly slab: Slab;
  readonly x: F32Vec<N>;
  readonly y: F32Vec<N>;
  readonly vx: F32Vec<N>;
  readonly vy: F32Vec<N>;
  readonly life: F32Vec<N>;
  /** The five columns, for operations that apply to all of them. */
  readonly columns: readonly F32Vec<N>[];
  spawned = 0;
  refused = 0;
  expired = 0;
  grounded = 0;
  readonly #random: () => number;
  /** The new particle's values, one per column: staged here so that one `push` call site fills all columns. */
  readonly #fresh = new Float64Array(COLUMNS);

  constructor(capacity: N, seed: number) {
    this.slab = new Slab(COLUMNS * F32Vec.bytesFor(capacity));
    this.x = this.slab.alloc(F32Vec, capacity);
    this.y = this.slab.alloc(F32Vec, capacity);
    this.vx = this.slab.alloc(F32Vec, capacity);
    this.vy = this.slab.alloc(F32Vec, capacity);
    this.life = this.slab.alloc(F32Vec, capacity);
    this.columns = [this.x, this.y, this.vx, this.vy, this.life];
    this.#random = mulberry32(seed);
  }

  /** The number of live particles (every column has this length). */
  get count(): number {
    return this.x.length;
  }

  /**
   * One frame: spawn, integrate, kill. `gravityStep` is `PHYSICS.gravity * dt`.
   *
   * Allocation-free. The per-particle calls (`push`, `get`, `swapRemove`, the generator)
   * pass and return doubles, which stay unboxed only if V8 inlines those calls; a call it
   * does not inline boxes each double into a new 16-byte heap number. V8 inlines a limited
   * amount of code into each optimized function (920 bytes of bytecode in Node 20), the
   * hottest call sites first. Each choice below was measured (docs/guide.md, "Performance"):
   * - the per-particle loops sit in this method, not in `spawn()`/`kill()` helpers. A helper
   *   called once per frame ranks with the kernel calls, which are as cold and much bigger;
   *   in 5 of 36 runs the kernels were inlined first, the `get` and `swapRemove` calls in
   *   the inlined `kill()` stayed calls, and 20,000 frames saw 87 to 2,376 collections;
   * - one call site per method in the loops: the five pushes and the five swapRemoves go
   *   through a loop over the columns (the new particle is staged in `#fresh`). With five
   *   separate `push` calls the hot calls did not all fit: 39 to 137 collections in 20,000
   *   frames, in each of 30 runs;
   * - the kernel scalars come in ready-made: `vy.add(gravity * dt)` would box a new heap
   *   number for each call of a kernel V8 does not inline (3 collections in 100,000 frames);
   *   `gravityStep` is computed once per run, and the module constant `DRAG` is embedded;
   * - reads use `get`: `view()` would allocate a new subarray every frame here, since its
   *   cache lasts only while the length is unchanged.
   */
  frame(spawnCount: number, dt: number, gravityStep: number): void {
    const { x, y, vx, vy, life, columns } = this;

    // Spawn: push onto every column. The capacity is fixed; what does not fit is refused.
    const random = this.#random;
    const fresh = this.#fresh;
    const n = Math.min(spawnCount, x.remaining);
    for (let k = 0; k < n; k++) {
      const angle = Math.PI / 2 + (random() - 0.5) * PHYSICS.spread;
      const speed = PHYSICS.minSpeed + random() * (PHYSICS.maxSpeed - PHYSICS.minSpeed);
      fresh[0] = PHYSICS.emitterX;
      fresh[1] = PHYSICS.emitterY;
      fresh[2] = speed * Math.cos(angle);
      fresh[3] = speed * Math.sin(angle);
      fresh[4] = PHYSICS.minLife + random() * (PHYSICS.maxLife - PHYSICS.minLife);
      for (let c = 0; c < columns.length; c++) columns[c].push(fresh[c]);
    }
    this.spawned += n;
    this.refused += spawnCount - n;

    // Integrate: one kernel call per column, each a loop over the live elements.
    vy.add(gravityStep); // vy += g * dt
    vx.scale(DRAG);
    vy.scale(DRAG);
    x.axpy(dt, vx); // x += dt * vx
    y.axpy(dt, vy); // y += dt * vy
    life.sub(dt);

    // Kill: walking down from the end, swapRemove(i) moves the last particle into slot i in
    // every column (so the columns stay aligned); that particle was already checked, its
    // index being larger, so every particle is visited once.
    for (let i = x.length - 1; i >= 0; i--) {
      const dead = life.get(i) <= 0;
      const fell = y.get(i) < 0;
      if (dead || fell) {
        for (let c = 0; c < columns.length; c++) columns[c].swapRemove(i);
        if (dead) this.expired++;
        else this.grounded++;
      }
    }
  }
}

/**
 * Runs the particle system and reports the counts, a position checksum and the garbage
 * collections observed during the measured frames.
 */
export async function runParticles(options: ParticleOptions = {}): Promise<ParticleResult> {
  const capacity = options.capacity ?? 8192;
  const warmupFrames = options.warmupFrames ?? 1000;
  const frames = options.frames ?? 600;
  const spawnPerFrame = options.spawnPerFrame ?? 128;
  const dt = options.dt ?? 1 / 60;
  const particles = new Particles(capacity, options.seed ?? 1);
  const gravityStep = PHYSICS.gravity * dt;

  let peak = 0;
  for (let f = 0; f < warmupFrames; f++) {
    particles.frame(spawnPerFrame, dt, gravityStep);
    if (particles.count > peak) peak = particles.count;
  }

  // Garbage left over from the warm-up (and from compiling it) may fill the young
  // generation just before the window: with --expose-gc, collect it first, as the
  // benchmarks do. The window then shows only what the frames themselves allocate.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push(entry);
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  for (let f = 0; f < frames; f++) {
    particles.frame(spawnPerFrame, dt, gravityStep);
    if (particles.count > peak) peak = particles.count;
  }
  const t1 = performance.now();
  // GC entries are delivered asynchronously: give the observer a turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gcCount = gcs.filter((entry) => entry.startTime >= t0 && entry.startTime <= t1).length;

  return {
    capacity,
    frames,
    warmupFrames,
    alive: particles.count,
    peak,
    spawned: particles.spawned,
    refused: particles.refused,
    expired: particles.expired,
    grounded: particles.grounded,
    sumX: particles.x.sum(),
    sumY: particles.y.sum(),
    gcCount,
    heapEmptiedFirst: gc !== undefined,
    msPerFrame: frames > 0 ? (t1 - t0) / frames : 0,
  };
}

/** Whether this file is the program being run (directly, or bundled by scripts/run-ts.cjs). */
function isMain(): boolean {
  return /[\\/]particles\.(?:ts|mjs|cjs|js)$/.test(process.argv[1] ?? '');
}

if (isMain()) {
  const at = process.argv.indexOf('--frames');
  const frames = at > 0 ? Number(process.argv[at + 1]) : undefined;
  runParticles({ frames }).then((r) => {
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(r));
      return;
    }
    const removed = r.expired + r.grounded;
    console.log(`particles: ${r.capacity} slots per column, ${r.warmupFrames} warm-up + ${r.frames} measured frames`);
    console.log(`  alive ${r.alive} (peak ${r.peak}); spawned ${r.spawned}, refused ${r.refused} (columns full)`);
    console.log(`  removed ${removed}: ${r.expired} expired, ${r.grounded} fell below the ground`);
    console.log(`  spawned - removed = ${r.spawned - removed}`);
    console.log(`  sum of x ${r.sumX.toFixed(4)}, sum of y ${r.sumY.toFixed(4)}`);
    console.log(`  ${r.msPerFrame.toFixed(3)} ms per frame`);
    const note = r.heapEmptiedFirst ? 'heap collected before the window' : 'run with node --expose-gc to collect the warm-up garbage first';
    console.log(`  garbage collections during the measured frames: ${r.gcCount} (${note})`);
  });
}
