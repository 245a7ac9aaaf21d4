/**
 * The runnable documentation: the programs in docs/examples and every TypeScript code
 * block of README.md, docs/guide.md and docs/slabs.md (but the worker handoff, which slab-worker.test.ts runs).
 *
 * - particles: the run's counts must equal those of an independent model of the same rules
 *   written with plain arrays (float32 rounding by `Math.fround` wherever the vectors store),
 *   and, run as a program with `--expose-gc`, its measured frames must see no garbage
 *   collection.
 * - dsp: each block's RMS must equal, within 1e-5, the RMS of the same pipeline computed in
 *   double precision with plain arrays, and the filtered source's level must match the
 *   low-pass filter's analytic gain at its frequency.
 * - compare: both implementations must return the same number, which must equal the same
 *   workload run on a plain array.
 * - audio-node: run as a program, a worker thread's synth streams through a ring to the main
 *   thread, which checks every sample against the signal's formula (its browser twin,
 *   audio-browser.ts, runs in the browser suite: `__tests__/browser/audio-example.browser.ts`).
 * - code blocks: each ```ts block runs (its `slabvec` import bound to src/index.ts), with
 *   three checked comment forms: `expr; // → value` (deep equality), `stmt; // throws Name`
 *   or `// throws Name: start of the message`, and `console.log(args); // prints text`
 *   (`util.format` of the arguments, which is what console.log prints). A line carrying one
 *   of these comments in another form fails the test rather than going unchecked.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format, isDeepStrictEqual } from 'node:util';
import { transformSync } from 'esbuild';
import * as slabvec from '../src/index';
import { BLOCK as AUDIO_BLOCK, RING_FRAMES, runSynth, sampleAt } from '../docs/examples/audio-pipeline';
import { runCompare } from '../docs/examples/compare';
import { BLOCK, runDsp } from '../docs/examples/dsp';
import { PHYSICS, mulberry32, runParticles } from '../docs/examples/particles';
import { DOC_FILES, codeBlocks, startsWorker, type CodeBlock } from './support/doc-blocks';

const ROOT = join(__dirname, '..');

describe('docs/examples/particles.ts', () => {
  /** The example's rules on plain arrays: spawn, integrate, kill, with float32 stores. */
  function particleModel(capacity: number, frames: number, spawnPerFrame: number, dt: number, seed: number) {
    const f = Math.fround;
    const random = mulberry32(seed);
    const x: number[] = [], y: number[] = [], vx: number[] = [], vy: number[] = [], life: number[] = [];
    const columns = [x, y, vx, vy, life];
    const gravityStep = PHYSICS.gravity * dt;
    let spawned = 0, refused = 0, expired = 0, grounded = 0, peak = 0;
    for (let frame = 0; frame < frames; frame++) {
      const n = Math.min(spawnPerFrame, capacity - x.length);
      for (let k = 0; k < n; k++) {
        const angle = Math.PI / 2 + (random() - 0.5) * PHYSICS.spread;
        const speed = PHYSICS.minSpeed + random() * (PHYSICS.maxSpeed - PHYSICS.minSpeed);
        x.push(f(PHYSICS.emitterX));
        y.push(f(PHYSICS.emitterY));
        vx.push(f(speed * Math.cos(angle)));
        vy.push(f(speed * Math.sin(angle)));
        life.push(f(PHYSICS.minLife + random() * (PHYSICS.maxLife - PHYSICS.minLife)));
      }
      spawned += n;
      refused += spawnPerFrame - n;
      for (let i = 0; i < x.length; i++) {
        vy[i] = f(vy[i] + gravityStep);
        vx[i] = f(vx[i] * PHYSICS.drag);
        vy[i] = f(vy[i] * PHYSICS.drag);
        x[i] = f(x[i] + dt * vx[i]);
        y[i] = f(y[i] + dt * vy[i]);
        life[i] = f(life[i] - dt);
      }
      for (let i = x.length - 1; i >= 0; i--) {
        const dead = life[i] <= 0;
        if (dead || y[i] < 0) {
          for (const column of columns) {
            column[i] = column[column.length - 1];
            column.pop();
          }
          if (dead) expired++;
          else grounded++;
        }
      }
      peak = Math.max(peak, x.length);
    }
    const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
    return { alive: x.length, peak, spawned, refused, expired, grounded, sumX: sum(x), sumY: sum(y) };
  }

  it('spawns, integrates and kills exactly as a plain-array model of the same rules', async () => {
    const options = { capacity: 2048, warmupFrames: 150, frames: 250, spawnPerFrame: 48, dt: 1 / 60, seed: 7 };
    const result = await runParticles(options);
    const model = particleModel(options.capacity, options.warmupFrames + options.frames, options.spawnPerFrame, options.dt, options.seed);

    expect(result).toMatchObject({
      alive: model.alive,
      peak: model.peak,
      spawned: model.spawned,
      refused: model.refused,
      expired: model.expired,
      grounded: model.grounded,
    });
    // The example sums pairwise, the model left to right: equal to far better than 1e-9.
    expect(result.sumX).toBeCloseTo(model.sumX, 9);
    expect(result.sumY).toBeCloseTo(model.sumY, 9);

    // The counts are consistent with the rules whatever the model says.
    const totalFrames = options.warmupFrames + options.frames;
    expect(result.spawned + result.refused).toBe(totalFrames * options.spawnPerFrame);
    expect(result.spawned - result.expired - result.grounded).toBe(result.alive);
    expect(result.peak).toBeLessThanOrEqual(options.capacity);
    // The run is long enough for every rule to fire: the columns filled up (spawns were
    // refused), and particles both expired and fell.
    expect(result.refused).toBeGreaterThan(0);
    expect(result.expired).toBeGreaterThan(0);
    expect(result.grounded).toBeGreaterThan(0);
    expect(Number.isInteger(result.gcCount) && result.gcCount >= 0).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await runParticles({ capacity: 512, warmupFrames: 20, frames: 40, seed: 3 });
    const b = await runParticles({ capacity: 512, warmupFrames: 20, frames: 40, seed: 3 });
    const c = await runParticles({ capacity: 512, warmupFrames: 20, frames: 40, seed: 4 });
    expect([b.alive, b.sumX, b.sumY]).toEqual([a.alive, a.sumX, a.sumY]);
    expect(c.sumX).not.toBe(a.sumX);
  });

  it('sees no garbage collection in 100,000 frames after warm-up, run as a program', () => {
    // A child process: Jest's own workers have no --expose-gc, and its module system is not
    // what an application runs. The program empties the heap before the measured window.
    const runOnce = (): number => {
      const run = spawnSync(process.execPath, ['--expose-gc', 'scripts/run-ts.cjs', 'docs/examples/particles.ts', '--frames', '100000', '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}');
      expect(result.frames).toBe(100_000);
      expect(result.heapEmptiedFirst).toBe(true);
      expect(result.spawned - result.expired - result.grounded).toBe(result.alive);
      return result.gcCount;
    };
    expect(gcCountsUntilZero(runOnce)).toContain(0);
  });
});

describe('docs/examples/game-loop.ts', () => {
  /** Runs the example as a program (Jest's workers have no --expose-gc) and returns its JSON lines. */
  function runProgram(frames: number): { impl: string; alive: number; spawned: number; removed: number; checksum: number; gcCount: number }[] {
    const run = spawnSync(process.execPath, ['--expose-gc', 'scripts/run-ts.cjs', 'docs/examples/game-loop.ts', '--frames', String(frames), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
  }

  const [vec, raw, table] = runProgram(20_000);

  it('runs the same simulation on slabvec columns as on raw typed arrays', () => {
    expect([vec.impl, raw.impl]).toEqual(['slabvec', 'raw']);
    expect(vec.spawned - vec.removed).toBe(vec.alive);
    expect([vec.alive, vec.spawned, vec.removed]).toEqual([raw.alive, raw.spawned, raw.removed]);
    expect(vec.checksum).toBeCloseTo(raw.checksum, 2);
    expect(vec.removed).toBeGreaterThan(0);
  });

  it('runs the same simulation on a Table as on raw typed arrays', () => {
    expect(table.impl).toBe('table');
    expect([table.alive, table.spawned, table.removed]).toEqual([raw.alive, raw.spawned, raw.removed]);
    expect(table.checksum).toBeCloseTo(raw.checksum, 2);
    // Its collections are not asserted: this frame's own helpers (a generator and speed(i),
    // returning doubles) do not all fit V8's inlining budget beside the row operations, about
    // 10 collections in 20,000 frames on Node 20-26 (docs/design.md, "Tables"); particles.ts,
    // above, is the Table program that must see none.
  });

  it('the raw form sees no garbage collection in 20,000 frames', () => {
    expect(raw.gcCount).toBe(0);
  });

  // On V8 11.3 and 12.4 (Node 20, 22) this frame is larger than the optimizer's inlining
  // budget and a kernel call with a scalar computed in the frame stays a call, which boxes
  // it (docs/design.md, "Zero garbage"): about 20 collections in 20,000 frames there.
  const zeroGarbageEngine = Number(process.versions.v8.split('.')[0]) >= 13;
  (zeroGarbageEngine ? it : it.skip)('the slabvec form sees no garbage collection in 20,000 frames either', () => {
    // The first run's count, then fresh runs while it is not 0 (see gcCountsUntilZero).
    let first = true;
    const counts = gcCountsUntilZero(() => {
      if (first) {
        first = false;
        return vec.gcCount;
      }
      return runProgram(20_000)[0].gcCount;
    });
    expect(counts).toContain(0);
  });
});

describe('docs/examples/dsp.ts', () => {
  /** The same pipeline in double precision on plain arrays, with its own filter code. */
  function referenceRms(blocks: number) {
    const sampleRate = 48_000, gain = 0.8, n = blocks * BLOCK;
    const a = Array.from({ length: n }, (_, i) => gain * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
    const b = Array.from({ length: n }, (_, i) => gain * Math.sin((2 * Math.PI * 5000 * i) / sampleRate));
    // RBJ cookbook low-pass, 1 kHz, Q = 1/sqrt(2).
    const w0 = (2 * Math.PI * 1000) / sampleRate;
    const alpha = Math.sin(w0) / (2 * Math.SQRT1_2);
    const a0 = 1 + alpha;
    const [b0, b1, b2] = [(1 - Math.cos(w0)) / 2 / a0, (1 - Math.cos(w0)) / a0, (1 - Math.cos(w0)) / 2 / a0];
    const [a1, a2] = [(-2 * Math.cos(w0)) / a0, (1 - alpha) / a0];
    const filtered = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const x1 = i >= 1 ? b[i - 1] : 0, x2 = i >= 2 ? b[i - 2] : 0;
      const y1 = i >= 1 ? filtered[i - 1] : 0, y2 = i >= 2 ? filtered[i - 2] : 0;
      filtered[i] = b0 * b[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    }
    const out = a.map((v, i) => 0.5 * v + 0.5 * filtered[i]);
    const rmsOf = (signal: number[], k: number) =>
      Math.sqrt(signal.slice(k * BLOCK, (k + 1) * BLOCK).reduce((s, v) => s + v * v, 0) / BLOCK);
    const blocksOf = (signal: number[]) => Array.from({ length: blocks }, (_, k) => rmsOf(signal, k));
    // The filter's gain at 5 kHz: |H(e^jw)| with z = e^jw.
    const w = (2 * Math.PI * 5000) / sampleRate;
    const re = (c0: number, c1: number, c2: number) => c0 + c1 * Math.cos(w) + c2 * Math.cos(2 * w);
    const im = (c1: number, c2: number) => -(c1 * Math.sin(w) + c2 * Math.sin(2 * w));
    const magnitude = Math.hypot(re(b0, b1, b2), im(b1, b2)) / Math.hypot(re(1, a1, a2), im(a1, a2));
    return { rms: blocksOf(out), filteredRms: blocksOf(filtered), magnitude };
  }

  it('gives the RMS of every block within 1e-5 of a double-precision plain-array reference', () => {
    const blocks = 40;
    const result = runDsp({ blocks });
    const reference = referenceRms(blocks);
    expect(result.rms).toHaveLength(blocks);
    for (let k = 0; k < blocks; k++) {
      expect(Math.abs(result.rms[k] - reference.rms[k])).toBeLessThan(1e-5);
      expect(Math.abs(result.filteredRms[k] - reference.filteredRms[k])).toBeLessThan(1e-5);
    }
    // The levels are what the signal chain implies: source A alone would be 0.4 / sqrt(2).
    for (const value of result.rms) expect(value).toBeGreaterThan(0.25);
    // After the transient, the filtered 5 kHz tone sits at the filter's analytic gain.
    const steady = result.filteredRms.slice(8);
    const level = Math.sqrt(steady.reduce((s, v) => s + v * v, 0) / steady.length);
    expect(level / ((0.8 * reference.magnitude) / Math.SQRT2)).toBeCloseTo(1, 2);
    expect(reference.magnitude).toBeLessThan(0.05); // 5 kHz is well into the stop band
  });

  it('keeps the filter state across blocks: one long run equals the start of a longer one', () => {
    const short = runDsp({ blocks: 3, keepOutput: true });
    const long = runDsp({ blocks: 6, keepOutput: true });
    expect(long.output?.subarray(0, 3 * BLOCK)).toEqual(short.output);
    expect(long.rms.slice(0, 3)).toEqual(short.rms);
  });
});

describe('docs/examples/audio-pipeline.ts and audio-node.mts (worker_threads)', () => {
  it('the synth writes blocks of the signal into the ring in place, and stops when asked', () => {
    const ring = slabvec.F32Ring.create(RING_FRAMES);
    const report = runSynth(ring.producer(), 3);
    expect(report).toEqual({ blocks: 3, waits: 0 });
    const out = new Float32Array(3 * AUDIO_BLOCK);
    expect(ring.consumer().popInto(out)).toBe(out.length);
    expect(Array.from(out)).toEqual(Array.from({ length: out.length }, (_, i) => sampleAt(i)));
    expect(Math.max(...Array.from(out, Math.abs))).toBeGreaterThan(0.1);
    let asked = 0;
    expect(runSynth(slabvec.F32Ring.create(RING_FRAMES).producer(), 10, () => ++asked > 2)).toEqual({ blocks: 2, waits: 0 });
  });

  it('waits for room when the ring is full, and that is flow control: no overrun counted', () => {
    const ring = slabvec.F32Ring.create(RING_FRAMES);
    let asked = 0;
    // The ring holds RING_FRAMES / 128 blocks; the next one waits (100 ms), then stop() ends it.
    const report = runSynth(ring.producer(), Infinity, () => ++asked > RING_FRAMES / AUDIO_BLOCK + 1);
    expect(report).toEqual({ blocks: RING_FRAMES / AUDIO_BLOCK, waits: 1 });
    expect(ring.stats()).toMatchObject({ available: RING_FRAMES, overruns: 0 });
  });

  /** Runs the example as a program: a worker thread synthesizes, the main thread plays. */
  function runProgram(args: string[]): string {
    const run = spawnSync(process.execPath, ['scripts/run-ts.cjs', 'docs/examples/audio-node.mts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
  }

  it('streams 20,000 blocks from a worker through a 16-block ring with no sample lost, repeated or wrong', () => {
    const out = runProgram(['--blocks', '20000']);
    expect(out).toMatch(/^synth \(worker\): 20000 blocks, waited for space \d+ times$/m);
    expect(out).toMatch(/^player \(main thread\): 20000 blocks, waited for data \d+ times, 0 mismatched samples, RMS 0\.09\d+$/m);
    expect(out).toMatch(/^ring: 2560000 elements written, 2560000 read, 0 overruns, 0 underruns$/m);
  });

  it('at the audio clock, plays in real time and writes the WAV it played', () => {
    const wav = join(ROOT, '.build', `audio-node-${process.pid}.wav`);
    const out = runProgram(['--blocks', '300', '--realtime', wav]);
    // 300 quanta of 128 frames are 0.8 s of audio at 48 kHz: the player kept the clock.
    const seconds = Number(/at the audio clock, in ([\d.]+) s/.exec(out)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(0.79);
    expect(seconds).toBeLessThan(20);
    expect(out).toMatch(/^player \(main thread\): 300 blocks, \d+ underruns, 0 mismatched samples/m);
    const bytes = readFileSync(wav);
    rmSync(wav);
    expect(bytes.length).toBe(44 + 2 * 300 * AUDIO_BLOCK);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
  });
});

describe('docs/examples/compare.ts', () => {
  /** The workload of compare.ts on a plain array. */
  function workloadModel(capacity: number): number {
    const v: number[] = [];
    let check = 0;
    for (let i = 0; i < capacity; i++) v.push(i * 0.5 + 0.25);
    for (let i = 0; i < v.length; i++) v[i] = v[i] * 1.5 - 1;
    for (let i = 0; i < v.length; i++) check += v[i];
    for (let k = 0; k < capacity / 2; k++) {
      const j = (k * 7919) % v.length;
      check += v[j];
      v[j] = v[v.length - 1];
      v.pop();
      v.push(k + 0.75);
    }
    v.sort((a, b) => a - b);
    check += v.indexOf(v[v.length >> 1]); // the values are distinct: binarySearch finds this index
    while (v.length > capacity / 2) check += (v.pop() as number) * 0.5;
    return check;
  }

  it('computes the same result on F64Vec and OptionVec, equal to a plain-array run', () => {
    const result = runCompare({ capacity: 4000, rounds: 3 });
    expect(result.same).toBe(true);
    expect(result.option.check).toBe(result.f64.check);
    expect(result.f64.check).toBe(workloadModel(4000));
    expect(result.f64.medianMs).toBeGreaterThan(0);
    expect(result.option.medianMs).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.option.medianMs / result.f64.medianMs, 10);
  });
});

/**
 * Rewrites the checked comment forms into calls of the checking functions; returns the code
 * and where the checks are (`file:line`).
 */
function instrument(block: CodeBlock): { code: string; checked: string[] } {
  const checked: string[] = [];
  const code = block.code
    .split('\n')
    .map((text, i) => {
      const place = `${block.file}:${block.line + i}`;
      const where = JSON.stringify(place);
      let m = /^(.*?)console\.log\((.*)\);\s*\/\/ prints (.*)$/.exec(text);
      if (m) {
        checked.push(place);
        return `${m[1]}__prints(() => [${m[2]}], ${JSON.stringify(m[3])}, ${where});`;
      }
      m = /^(\s*)(.*);\s*\/\/ throws (\w+)(?:: (.*))?$/.exec(text);
      if (m) {
        checked.push(place);
        return `${m[1]}__throws(() => { ${m[2]}; }, ${JSON.stringify(m[3])}, ${JSON.stringify(m[4] ?? '')}, ${where});`;
      }
      m = /^(\s*)(.*);\s*\/\/ → (.*)$/.exec(text);
      if (m) {
        checked.push(place);
        return `${m[1]}__equal(() => (${m[2]}), () => (${m[3]}), ${where});`;
      }
      // A checked form that did not match (no `;` before it, say) would silently go unchecked.
      if (/\/\/ (→|throws \w|prints )/.test(text)) throw new Error(`${place}: a checked comment on a line of another form`);
      return text;
    })
    .join('\n');
  return { code, checked };
}

/** The checks the instrumented code calls; `reached` records which ones ran. */
function checksFor(reached: Set<string>) {
  return {
    __equal(actual: () => unknown, expected: () => unknown, where: string): void {
      reached.add(where);
      const [a, e] = [actual(), expected()];
      if (!isDeepStrictEqual(a, e)) throw new Error(`${where}: got ${format('%o', a)}, the comment says ${format('%o', e)}`);
    },
    __throws(run: () => void, name: string, message: string, where: string): void {
      reached.add(where);
      try {
        run();
      } catch (error) {
        const e = error as Error;
        if (e.name !== name) throw new Error(`${where}: threw ${e.name} (${e.message}), the comment says ${name}`);
        if (!e.message.startsWith(message)) throw new Error(`${where}: the message is "${e.message}", the comment says "${message}..."`);
        return;
      }
      throw new Error(`${where}: did not throw; the comment says ${name}`);
    },
    __prints(args: () => unknown[], text: string, where: string): void {
      reached.add(where);
      const printed = format(...args());
      if (printed !== text) throw new Error(`${where}: prints "${printed}", the comment says "${text}"`);
    },
  };
}

/**
 * The GC counts of up to `attempts` runs of a program, stopping at the first that saw none.
 * Whether V8 inlines a call, which decides whether a double is boxed, depends on when its
 * background compiler finishes: on a loaded machine (Jest runs suites in parallel) a run now
 * and then measures its frames before the optimized code is in. A library change that makes
 * the frame allocate makes every run count collections, and fails the test.
 */
function gcCountsUntilZero(run: () => number, attempts = 3): number[] {
  const counts: number[] = [];
  while (counts.length < attempts && !counts.includes(0)) counts.push(run());
  return counts;
}

/** Runs a block, its `slabvec` import bound to src/index.ts; every checked line must run. */
function runBlock(block: CodeBlock): void {
  const instrumented = instrument(block);
  const { code } = transformSync(instrumented.code, { loader: 'ts', format: 'cjs', target: 'node20' });
  const reached = new Set<string>();
  const checks = checksFor(reached);
  const requireShim = (id: string): unknown => (id === 'slabvec' ? slabvec : require(id));
  const names = Object.keys(checks) as (keyof typeof checks)[];
  const run = new Function('require', 'module', 'exports', ...names, code);
  const module = { exports: {} };
  run(requireShim, module, module.exports, ...names.map((name) => checks[name]));
  expect(instrumented.checked.filter((place) => !reached.has(place))).toEqual([]);
}

describe.each(DOC_FILES)('the code blocks of %s', (file) => {
  // A block that starts a worker needs the worker's own file: slab-worker.test.ts runs that
  // handoff with a real worker instead.
  const blocks = codeBlocks(file).filter((block) => !startsWorker(block));

  it('has code blocks with checked comments', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.some((block) => /\/\/ (→|throws|prints) /.test(block.code))).toBe(true);
  });

  it.each(blocks.map((block) => [`line ${block.line}`, block] as const))('%s runs and its comments hold', (_, block) => {
    runBlock(block);
  });
});
