/**
 * A particle loop written the way a newcomer writes it, on slabvec columns, on a slabvec
 * `Table` and, line for line, on raw `Float32Array`s with a hand-kept count: a `spawn()`
 * helper with one `push` per column (the table: one `pushRow`), a `kill(i)` helper with one
 * swap-remove per column (the table: one `swapRemove`), and a `speed(i)` helper that returns
 * a double. It counts the garbage collections during the measured frames; a frame allocates
 * nothing in any form, so the expected count is 0 (`__tests__/examples.test.ts` checks it
 * where the engine inlines enough, and the benchmark reports it on every engine).
 *
 * Run: `node --expose-gc scripts/run-ts.cjs docs/examples/game-loop.ts [--impl slabvec|table|raw] [--frames N] [--json]`
 *
 * In an application, import from 'slabvec'; the examples import the sources directly so
 * that they run and type-check inside this repository.
 */

import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import { F32Vec, Slab, Table, type TableRow } from '../../src/index.js';

/** The forms of the same program: slabvec columns, a slabvec `Table`, raw typed arrays. */
export type GameLoopImpl = 'slabvec' | 'table' | 'raw';

/** What one run observed. */
export interface GameLoopResult {
  readonly impl: GameLoopImpl;
  readonly frames: number;
  /** Particles alive after the last frame. */
  readonly alive: number;
  /** Particles spawned and removed over the whole run. */
  readonly spawned: number;
  readonly removed: number;
  /** A checksum of the positions after the last frame. */
  readonly checksum: number;
  /** Garbage collections that started during the measured frames. */
  readonly gcCount: number;
  /** Milliseconds per measured frame. */
  readonly msPerFrame: number;
}

const GRAVITY = -9.81;

/** The particle's columns, for the `Table` form. */
const PARTICLE = { x: F32Vec, y: F32Vec, vx: F32Vec, vy: F32Vec, life: F32Vec } as const;
const MAX_SPEED = 7.5;

/** The interface both forms implement, so one driver runs either. */
interface World {
  frame(dt: number): void;
  readonly count: number;
  spawned: number;
  removed: number;
  checksum(): number;
}

/** A small deterministic generator (mulberry32): its state stays an int32, so it allocates nothing. */
function generator(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The slabvec form: five columns from one slab. */
class VecWorld implements World {
  readonly slab: Slab;
  readonly x: F32Vec;
  readonly y: F32Vec;
  readonly vx: F32Vec;
  readonly vy: F32Vec;
  readonly life: F32Vec;
  spawned = 0;
  removed = 0;
  readonly random: () => number;

  constructor(capacity: number, seed: number) {
    this.slab = new Slab(5 * F32Vec.bytesFor(capacity));
    this.x = this.slab.alloc(F32Vec, capacity);
    this.y = this.slab.alloc(F32Vec, capacity);
    this.vx = this.slab.alloc(F32Vec, capacity);
    this.vy = this.slab.alloc(F32Vec, capacity);
    this.life = this.slab.alloc(F32Vec, capacity);
    this.random = generator(seed);
  }

  get count(): number {
    return this.x.length;
  }

  spawn(): void {
    if (this.x.isFull) return;
    const angle = Math.PI / 2 + (this.random() - 0.5);
    const speed = 4 + 4 * this.random();
    this.x.push(0);
    this.y.push(0.5);
    this.vx.push(speed * Math.cos(angle));
    this.vy.push(speed * Math.sin(angle));
    this.life.push(0.5 + 2 * this.random());
    this.spawned++;
  }

  kill(i: number): void {
    this.x.swapDelete(i);
    this.y.swapDelete(i);
    this.vx.swapDelete(i);
    this.vy.swapDelete(i);
    this.life.swapDelete(i);
    this.removed++;
  }

  speed(i: number): number {
    const vx = this.vx.get(i);
    const vy = this.vy.get(i);
    return Math.sqrt(vx * vx + vy * vy);
  }

  frame(dt: number): void {
    for (let k = 0; k < 64; k++) this.spawn();
    this.vy.add(GRAVITY * dt);
    this.x.axpy(dt, this.vx);
    this.y.axpy(dt, this.vy);
    this.life.sub(dt);
    for (let i = this.x.length - 1; i >= 0; i--) {
      if (this.life.get(i) <= 0 || this.y.get(i) < 0 || this.speed(i) > MAX_SPEED) this.kill(i);
    }
  }

  checksum(): number {
    return this.x.sum() + this.y.sum();
  }
}

/** The slabvec form on a `Table`: the same helpers, a row operation where the columns form made one call per column. */
class TableWorld implements World {
  readonly table: Table<typeof PARTICLE>;
  /** The row `spawn()` fills and pushes (from `newRow()`, so storing numbers into it allocates nothing). */
  readonly newborn: TableRow<typeof PARTICLE>;
  spawned = 0;
  removed = 0;
  readonly random: () => number;

  constructor(capacity: number, seed: number) {
    this.table = new Table(capacity, PARTICLE);
    this.newborn = this.table.newRow();
    this.random = generator(seed);
  }

  get count(): number {
    return this.table.length;
  }

  spawn(): void {
    if (this.table.isFull) return;
    const angle = Math.PI / 2 + (this.random() - 0.5);
    const speed = 4 + 4 * this.random();
    const p = this.newborn;
    p.x = 0;
    p.y = 0.5;
    p.vx = speed * Math.cos(angle);
    p.vy = speed * Math.sin(angle);
    p.life = 0.5 + 2 * this.random();
    this.table.pushRow(p);
    this.spawned++;
  }

  kill(i: number): void {
    this.table.swapRemove(i);
    this.removed++;
  }

  speed(i: number): number {
    const vx = this.table.cols.vx.get(i);
    const vy = this.table.cols.vy.get(i);
    return Math.sqrt(vx * vx + vy * vy);
  }

  frame(dt: number): void {
    const { x, y, vx, vy, life } = this.table.cols;
    for (let k = 0; k < 64; k++) this.spawn();
    vy.add(GRAVITY * dt);
    x.axpy(dt, vx);
    y.axpy(dt, vy);
    life.sub(dt);
    for (let i = this.table.length - 1; i >= 0; i--) {
      if (life.get(i) <= 0 || y.get(i) < 0 || this.speed(i) > MAX_SPEED) this.kill(i);
    }
  }

  checksum(): number {
    return this.table.cols.x.sum() + this.table.cols.y.sum();
  }
}

/** The same program over raw typed arrays and a hand-kept count: the baseline. */
class RawWorld implements World {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly vx: Float32Array;
  readonly vy: Float32Array;
  readonly life: Float32Array;
  count = 0;
  spawned = 0;
  removed = 0;
  readonly random: () => number;

  constructor(readonly capacity: number, seed: number) {
    const buffer = new ArrayBuffer(5 * 4 * capacity);
    const column = (k: number): Float32Array => new Float32Array(buffer, k * 4 * capacity, capacity);
    this.x = column(0);
    this.y = column(1);
    this.vx = column(2);
    this.vy = column(3);
    this.life = column(4);
    this.random = generator(seed);
  }

  spawn(): void {
    if (this.count === this.capacity) return;
    const angle = Math.PI / 2 + (this.random() - 0.5);
    const speed = 4 + 4 * this.random();
    const n = this.count;
    this.x[n] = 0;
    this.y[n] = 0.5;
    this.vx[n] = speed * Math.cos(angle);
    this.vy[n] = speed * Math.sin(angle);
    this.life[n] = 0.5 + 2 * this.random();
    this.count = n + 1;
    this.spawned++;
  }

  kill(i: number): void {
    const last = this.count - 1;
    this.x[i] = this.x[last];
    this.y[i] = this.y[last];
    this.vx[i] = this.vx[last];
    this.vy[i] = this.vy[last];
    this.life[i] = this.life[last];
    this.count = last;
    this.removed++;
  }

  speed(i: number): number {
    const vx = this.vx[i];
    const vy = this.vy[i];
    return Math.sqrt(vx * vx + vy * vy);
  }

  frame(dt: number): void {
    for (let k = 0; k < 64; k++) this.spawn();
    const n = this.count;
    const g = GRAVITY * dt;
    for (let i = 0; i < n; i++) {
      this.vy[i] += g;
      this.x[i] += dt * this.vx[i];
      this.y[i] += dt * this.vy[i];
      this.life[i] -= dt;
    }
    for (let i = this.count - 1; i >= 0; i--) {
      if (this.life[i] <= 0 || this.y[i] < 0 || this.speed(i) > MAX_SPEED) this.kill(i);
    }
  }

  checksum(): number {
    let s = 0;
    for (let i = 0; i < this.count; i++) s += this.x[i] + this.y[i];
    return s;
  }
}

/** Runs `warmup` frames, then counts the collections during `frames` more. */
export async function runGameLoop(impl: GameLoopImpl, frames = 20_000, warmup = 2_000, capacity = 4096): Promise<GameLoopResult> {
  const world: World = impl === 'slabvec' ? new VecWorld(capacity, 7) : impl === 'table' ? new TableWorld(capacity, 7) : new RawWorld(capacity, 7);
  const dt = 1 / 60;
  for (let f = 0; f < warmup; f++) world.frame(dt);
  (globalThis as { gc?: () => void }).gc?.();
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push(entry);
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  for (let f = 0; f < frames; f++) world.frame(dt);
  const t1 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    impl,
    frames,
    alive: world.count,
    spawned: world.spawned,
    removed: world.removed,
    checksum: world.checksum(),
    gcCount: gcs.filter((entry) => entry.startTime >= t0 && entry.startTime <= t1).length,
    msPerFrame: (t1 - t0) / frames,
  };
}

/** Whether this file is the program being run (directly, or bundled by scripts/run-ts.cjs). */
function isMain(): boolean {
  return /[\\/]game-loop\.(?:ts|mjs|cjs|js)$/.test(process.argv[1] ?? '');
}

async function main(): Promise<void> {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const impls: GameLoopImpl[] = option('--impl') === undefined ? ['slabvec', 'raw', 'table'] : [option('--impl') as GameLoopImpl];
  const frames = option('--frames') === undefined ? undefined : Number(option('--frames'));
  for (const impl of impls) {
    const r = await runGameLoop(impl, frames);
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
    else console.log(`${impl.padEnd(7)} ${r.frames} frames, ${r.alive} alive, ${r.msPerFrame.toFixed(3)} ms per frame, ${r.gcCount} garbage collections`);
  }
}

if (isMain()) void main();
