/**
 * The few browser APIs the in-page code uses, typed here instead of through TypeScript's
 * DOM library: the repository's type check (`npm run typecheck`, tsconfig.json) sees these
 * files with Node's and Jest's types only, and the DOM library would change the globals
 * for every other file in that program. Each type lists just what is used.
 *
 * @module
 */

/** A message or error event, as far as the suite reads it. */
export interface MessageEventLike<T = unknown> {
  readonly data: T;
}

/** A dedicated `Worker`. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEventLike) => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
}

/** A `MessagePort` (an AudioWorkletNode's `port`, a processor's `this.port`). */
export interface PortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEventLike) => void) | null;
}

/** An `AudioBuffer`: the rendered result. */
export interface AudioBufferLike {
  readonly length: number;
  readonly numberOfChannels: number;
  readonly sampleRate: number;
  getChannelData(channel: number): Float32Array;
}

/** An `AudioNode`. */
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
}

/** An `AudioWorkletNode`. */
export interface AudioWorkletNodeLike extends AudioNodeLike {
  readonly port: PortLike;
  onprocessorerror: ((event: unknown) => void) | null;
}

/** An `OfflineAudioContext`. */
export interface OfflineAudioContextLike {
  readonly destination: AudioNodeLike;
  readonly sampleRate: number;
  readonly audioWorklet: { addModule(url: string): Promise<void> };
  startRendering(): Promise<AudioBufferLike>;
  /** Schedules a suspension of the rendering at `seconds` (a render quantum boundary). */
  suspend(seconds: number): Promise<void>;
  resume(): Promise<void>;
}

/** The options of `new AudioWorkletNode`. */
export interface AudioWorkletNodeOptionsLike {
  numberOfInputs?: number;
  numberOfOutputs?: number;
  outputChannelCount?: number[];
  processorOptions?: unknown;
}

/** The page's globals used by the browser tests. */
export interface PageGlobals {
  readonly crossOriginIsolated: boolean;
  readonly location: { readonly href: string; readonly origin: string };
  readonly Worker: new (url: string, options?: { type?: 'classic' | 'module'; name?: string }) => WorkerLike;
  readonly OfflineAudioContext: new (numberOfChannels: number, length: number, sampleRate: number) => OfflineAudioContextLike;
  readonly AudioWorkletNode: new (context: OfflineAudioContextLike, name: string, options?: AudioWorkletNodeOptionsLike) => AudioWorkletNodeLike;
  /** Only `WebAssembly.Memory` (the repository's lib has no WebAssembly types). */
  readonly WebAssembly: {
    readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => { readonly buffer: ArrayBuffer | SharedArrayBuffer; grow(pages: number): number };
  };
}

/** A dedicated worker's globals. */
export interface WorkerGlobals {
  onmessage: ((event: MessageEventLike) => void) | null;
  postMessage(message: unknown): void;
}

/** The base class of an audio worklet processor. */
export interface AudioWorkletProcessorLike {
  readonly port: PortLike;
}

/** An AudioWorkletGlobalScope's globals. */
export interface AudioWorkletGlobals {
  readonly AudioWorkletProcessor: new (options?: unknown) => AudioWorkletProcessorLike;
  registerProcessor(
    name: string,
    processor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessorLike & {
      process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean;
    },
  ): void;
  readonly sampleRate: number;
  readonly currentFrame: number;
}

/** `Atomics.waitAsync` (ES2024; the repository's lib is ES2023). */
export type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeout?: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };

/** The page's globals, typed. */
export const page = globalThis as unknown as PageGlobals;

/** `Atomics.waitAsync`, or undefined where the engine lacks it. */
export const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
