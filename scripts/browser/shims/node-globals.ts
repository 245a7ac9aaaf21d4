/**
 * The Node globals the suite and Jest's packages use without importing them, injected by
 * esbuild for each free reference in the browser bundle (`inject`): `process` (see
 * `process.ts`), `setImmediate` / `clearImmediate` (a macrotask through `MessageChannel`,
 * after pending timers' microtasks, as in Node), and `Buffer`, reduced to what the suite
 * does with it: `Buffer.alloc(n)` and `Buffer.from(array)`, a `Uint8Array` subclass, so that
 * a test passing a Buffer where memory is expected sees a typed array view, as in Node.
 *
 * @module
 */

export { process } from './process';

const pending = new Map<number, () => void>();
let nextId = 1;
/** The part of a web `MessagePort` used here (Node's typings describe Node's own port). */
interface Port {
  onmessage: ((event: { data: number }) => void) | null;
  postMessage(message: number): void;
}
let sender: Port | undefined;

/** The channel, made on first use: an AudioWorkletGlobalScope has no `MessageChannel`, and needs none. */
function port(): Port {
  if (sender === undefined) {
    const channel = new MessageChannel() as unknown as { port1: Port; port2: Port };
    channel.port1.onmessage = (event) => {
      const run = pending.get(event.data);
      pending.delete(event.data);
      run?.();
    };
    sender = channel.port2;
  }
  return sender;
}

/** Runs `fn(...args)` in a later macrotask; returns a handle for `clearImmediate`. */
export function setImmediate(fn: (...args: unknown[]) => void, ...args: unknown[]): number {
  const id = nextId++;
  pending.set(id, () => fn(...args));
  port().postMessage(id);
  return id;
}

/** Cancels a pending `setImmediate`. */
export function clearImmediate(id: number): void {
  pending.delete(id);
}

/** The part of Node's `Buffer` the suite uses: a `Uint8Array` subclass with `alloc` and `from`. */
export class Buffer extends Uint8Array {
  /** A zero-filled buffer of `size` bytes. */
  static alloc(size: number): Buffer {
    return new Buffer(size);
  }

  /** A buffer holding a copy of `bytes`. */
  static override from(bytes: ArrayLike<number> | Iterable<number>): Buffer {
    const array = Uint8Array.from(bytes as ArrayLike<number>);
    const out = new Buffer(array.length);
    out.set(array);
    return out;
  }
}
