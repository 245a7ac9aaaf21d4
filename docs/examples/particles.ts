/**
 * A game-loop particle system on slabvec: one `Table` of five `F32Vec` columns (x, y, vx,
 * vy, life), allocated once from a `Slab`, updated every frame with the numeric kernels and
 * with no allocation per frame.
 *
 * - spawn: a `spawn()` helper fills a row and `pushRow`s it (at most `remaining` per frame:
 *   the capacity is fixed, and spawns past it are refused and counted, never silently dropped);
 * - integrate: `vy.add(gravityStep)` (gravity: g * dt), `vx.scale(drag)`, `vy.scale(drag)`,
 *   `x.axpy(dt, vx)` and `y.axpy(dt, vy)` (position += dt * velocity), `life.sub(dt)`, on
 *   the table's columns;
 * - kill: a particle whose life ran out or that fell below the ground is removed by a
 *   `kill(i)` helper, `swapRemove(i)` on the table (O(1); the last particle moves into row i
 *   of every column).
 *
 * It runs warm-up frames, then the measured frames, and counts the garbage collections
 * that started during the measured frames (`PerformanceObserver` on `gc` entries). The
 * frame allocates nothing, so that count is 0: the figure printed is the one observed, not
 * a constant. Why no care was needed for that: see {@link Particles.frame}.
 *
 * Run: `node --expose-gc scripts/run-ts.cjs docs/examples/particles.ts [--frames N] [--json]`
 * (`--expose-gc` lets it collect the warm-up's garbage before the measured frames).
 *
 * `performance` and `PerformanceObserver` are the globals (no `node:` import), so that the
 * browser suite runs `Particles` too (`__tests__/browser/particles-gc.browser.ts`).
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { F32Vec, Slab, Table, type TableRow } from '../../src/index.js';

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

/** A particle's columns: position, velocity and the seconds it has left to live. */
const SCHEMA = { x: F32Vec, y: F32Vec, vx: F32Vec, vy: F32Vec, life: F32Vec } as const;

/** `PHYSICS.drag` as a module constant, which optimized code embeds (see {@link Particles.frame}). */
const DRAG = PHYSICS.drag;

/**
 * The particle system: one `Table` of five `F32Vec` columns, allocated once from a slab
 * sized exactly for it, living as long as the system. The code is written the way one
 * writes it first: a `spawn()` helper that fills a row and pushes it, a `kill(i)` helper
 * called from two places, kernels over the columns. Each row operation changes all five
 * columns at once, so they cannot fall out of step.
 */
export class Particles<N extends number = number> {
  readonly slab: Slab;
  /** The particles, one row each. */
  readonly table: Table<typeof SCHEMA, N>;
  spawned = 0;
  refused = 0;
  expired = 0;
  grounded = 0;
  readonly #random: () => number;
  /** The row `spawn()` fills and pushes, made once by `newRow()`: storing numbers into it allocates nothing. */
  readonly #newborn: TableRow<typeof SCHEMA>;

  constructor(capacity: N, seed: number) {
    this.slab = new Slab(Table.bytesFor(capacity, SCHEMA));
    this.table = Table.alloc(this.slab, capacity, SCHEMA);
    this.#newborn = this.table.newRow();
    this.#random = mulberry32(seed);
  }

  /** The number of live particles. */
  get count(): number {
    return this.table.length;
  }

  /** Spawns one particle at the emitter, with a random speed, angle and life. */
  spawn(): void {
    const random = this.#random;
    const angle = Math.PI / 2 + (random() - 0.5) * PHYSICS.spread;
    const speed = PHYSICS.minSpeed + random() * (PHYSICS.maxSpeed - PHYSICS.minSpeed);
    const p = this.#newborn;
    p.x = PHYSICS.emitterX;
    p.y = PHYSICS.emitterY;
    p.vx = speed * Math.cos(angle);
    p.vy = speed * Math.sin(angle);
    p.life = PHYSICS.minLife + random() * (PHYSICS.maxLife - PHYSICS.minLife);
    this.table.pushRow(p);
  }

  /** Removes particle `i`: the last particle moves into its row, in every column. O(1). */
  kill(i: number): void {
    this.table.swapRemove(i);
  }

  /**
   * One frame: spawn, integrate, kill. `gravityStep` is `PHYSICS.gravity * dt`.
   *
   * Allocation-free, written naturally: nothing here was arranged for the optimizer. What
   * makes that so (docs/design.md, "Tables"): the row operations pass no numbers (a row
   * travels in `#newborn`, whose fields hold doubles as they are), so whether a call is
   * inlined decides nothing; the kernel scalars are a module constant (`DRAG`) or computed
   * once per run (`gravityStep`, `dt`), so a kernel call that stays a call boxes nothing new.
   */
  frame(spawnCount: number, dt: number, gravityStep: number): void {
    const { x, y, vx, vy, life } = this.table.cols;

    // Spawn: the capacity is fixed; what does not fit is refused, and counted.
    const n = Math.min(spawnCount, this.table.remaining);
    for (let k = 0; k < n; k++) this.spawn();
    this.spawned += n;
    this.refused += spawnCount - n;

    // Integrate: one kernel call per column, each a loop over the live particles.
    vy.add(gravityStep); // vy += g * dt
    vx.scale(DRAG);
    vy.scale(DRAG);
    x.axpy(dt, vx); // x += dt * vx
    y.axpy(dt, vy); // y += dt * vy
    life.sub(dt);

    // Kill: walking down from the end, kill(i) moves the last particle into row i; that
    // particle was already checked, its index being larger, so every particle is visited once.
    for (let i = this.table.length - 1; i >= 0; i--) {
      if (life.get(i) <= 0) {
        this.kill(i);
        this.expired++;
      } else if (y.get(i) < 0) {
        this.kill(i);
        this.grounded++;
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
  const gcs: { readonly startTime: number }[] = [];
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
    sumX: particles.table.cols.x.sum(),
    sumY: particles.table.cols.y.sum(),
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
