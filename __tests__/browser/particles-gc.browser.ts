/**
 * docs/examples/particles.ts in Chromium: its `Table` particle system must see no garbage
 * collection in 100,000 frames after warm-up, as on every Node (`__tests__/examples.test.ts`).
 *
 * A page has no `gc` performance entries, so the collections are seen through the heap:
 * with `--enable-precise-memory-info` (the harness's flags) `performance.memory` gives the
 * exact bytes in use, which only a collection makes smaller. The heap is sampled every
 * 1,000 frames; a sample below the one before is a collection in between. Reading
 * `performance.memory` makes a small object, about 100 of them in the window, far from
 * filling the young generation that `gc()` emptied before it.
 */

import { PHYSICS, Particles } from '../../docs/examples/particles';

interface MemoryInfo {
  readonly usedJSHeapSize: number;
}

const page = globalThis as unknown as { gc?: () => void; performance: { memory?: MemoryInfo } };

const FRAMES = 100_000;
const WARMUP_FRAMES = 1_000;
const SAMPLE_EVERY = 1_000;

/** One run in a fresh particle system: the number of samples that went down. */
function collectionsSeen(seed: number): number {
  const particles = new Particles(8192, seed);
  const dt = 1 / 60;
  const gravityStep = PHYSICS.gravity * dt;
  for (let f = 0; f < WARMUP_FRAMES; f++) particles.frame(128, dt, gravityStep);
  page.gc!();
  let previous = page.performance.memory!.usedJSHeapSize;
  let drops = 0;
  for (let f = 1; f <= FRAMES; f++) {
    particles.frame(128, dt, gravityStep);
    if (f % SAMPLE_EVERY === 0) {
      const used = page.performance.memory!.usedJSHeapSize;
      if (used < previous) drops++;
      previous = used;
    }
  }
  expect(particles.spawned - particles.expired - particles.grounded).toBe(particles.count);
  expect(particles.expired).toBeGreaterThan(0);
  return drops;
}

describe('docs/examples/particles.ts in Chromium', () => {
  it('has gc() and an exact performance.memory', () => {
    expect(typeof page.gc).toBe('function');
    const a = page.performance.memory!.usedJSHeapSize;
    expect(Number.isInteger(a) && a > 0).toBe(true);
    // Rounded figures come in large steps; exact ones see a small allocation.
    const keep: object[] = [];
    for (let i = 0; i < 100; i++) keep.push({ i });
    expect(page.performance.memory!.usedJSHeapSize).not.toBe(a);
    expect(keep.length).toBe(100);
  });

  it('sees no garbage collection in 100,000 frames after warm-up', () => {
    // A run whose optimized code came late can see one; up to three fresh runs, as on Node.
    const counts: number[] = [];
    for (let run = 0; run < 3 && !counts.includes(0); run++) counts.push(collectionsSeen(run + 1));
    expect(counts).toContain(0);
  });

  it('the detector sees collections when frames allocate', () => {
    page.gc!();
    let previous = page.performance.memory!.usedJSHeapSize;
    let drops = 0;
    let junk: unknown = null;
    for (let f = 1; f <= 20_000; f++) {
      for (let k = 0; k < 64; k++) junk = { f, k };
      if (f % SAMPLE_EVERY === 0) {
        const used = page.performance.memory!.usedJSHeapSize;
        if (used < previous) drops++;
        previous = used;
      }
    }
    expect(junk).not.toBeNull();
    expect(drops).toBeGreaterThan(0);
  });
});
