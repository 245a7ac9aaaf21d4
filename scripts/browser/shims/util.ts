/**
 * `node:util` for the browser bundle of the test suite: `inspect`, `format`,
 * `formatWithOptions`, `isDeepStrictEqual` and `types`, plus the few helpers Jest's own
 * packages reach for (`inherits`, `deprecate`, `promisify`, `TextEncoder`, `TextDecoder`).
 *
 * `inspect` is a port of the parts of Node 20's `lib/internal/util/inspect.js` that the
 * suite and slabvec's inspect hooks exercise: the same option defaults, the custom-inspect
 * hook protocol (`Symbol.for('nodejs.util.inspect.custom')`, called with the remaining
 * depth, the options and `inspect`), the same depth cut-off (`[Object]`, `[Array]`), the
 * same quoting of strings and keys, `showHidden` (non-enumerable keys in brackets, typed
 * array internals, prototype accessors of user classes), `getters`, `maxArrayLength`,
 * circular references, and the same line-breaking and array grouping (`compact: 3`,
 * `breakLength: 80`). It does not colour, sort, detect proxies, show promise states or
 * improve error stacks. `scripts/browser/check-util-shim.ts` compares it with Node's on a
 * corpus of values, slabvec's vectors included.
 *
 * @module
 */

import { isDeepStrictEqual } from './deep-equal';
import * as types from './util-types';

export { isDeepStrictEqual, types };

/** The options `inspect` takes (Node's names and meanings). */
export interface InspectOptions {
  showHidden?: boolean;
  depth?: number | null;
  colors?: boolean;
  customInspect?: boolean;
  showProxy?: boolean;
  maxArrayLength?: number | null;
  maxStringLength?: number | null;
  breakLength?: number;
  compact?: boolean | number;
  sorted?: boolean | ((a: string, b: string) => number);
  getters?: boolean | 'get' | 'set';
  numericSeparator?: boolean;
}

type Stylize = (text: string, style: string) => string;

interface Context {
  showHidden: boolean;
  depth: number | null;
  colors: boolean;
  customInspect: boolean;
  showProxy: boolean;
  maxArrayLength: number;
  maxStringLength: number;
  breakLength: number;
  compact: boolean | number;
  sorted: boolean | ((a: string, b: string) => number);
  getters: boolean | 'get' | 'set';
  numericSeparator: boolean;
  stylize: Stylize;
  userOptions: InspectOptions | undefined;
  seen: unknown[];
  circular: Map<unknown, number> | undefined;
  indentationLvl: number;
  currentDepth: number;
  budget: Record<number, number>;
}

const customInspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

const defaultOptions = {
  showHidden: false,
  depth: 2 as number | null,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3 as boolean | number,
  sorted: false as boolean | ((a: string, b: string) => number),
  getters: false as boolean | 'get' | 'set',
  numericSeparator: false,
};

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;
const kMinLineWidth = 16;

/**
 * The ECMAScript built-in constructors: Node stops listing prototype members at these.
 * `SharedArrayBuffer` is not among them in Node (its bootstrap hides it while the list is
 * made), so its accessors show under `showHidden` there, and here.
 */
const builtInObjects = new Set([
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error',
  'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'ArrayBuffer',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet',
  'Proxy', 'Reflect', 'WeakRef', 'FinalizationRegistry', 'Atomics', 'JSON', 'Math', 'Intl',
  'WebAssembly', 'Iterator',
]);

const stylizeNoColor: Stylize = (text) => text;

const meta: string[] = [];
for (let i = 0; i < 0xa0; i++) {
  if (i < 0x20 || (i >= 0x7f && i < 0xa0)) meta[i] = `\\x${i.toString(16).toUpperCase().padStart(2, '0')}`;
  else meta[i] = '';
}
meta[8] = '\\b';
meta[9] = '\\t';
meta[10] = '\\n';
meta[12] = '\\f';
meta[13] = '\\r';
meta[39] = "\\'";
meta[92] = '\\\\';

/** Node's `strEscape`: quotes a string with ', " or ` (whichever needs no escaping) and escapes control characters. */
function strEscape(str: string): string {
  let singleQuote = 39;
  if (str.includes("'")) {
    if (!str.includes('"')) singleQuote = -2;
    else if (!str.includes('`') && !str.includes('${')) singleQuote = -1;
  }
  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const point = str.charCodeAt(i);
    if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
      result += `${str.slice(last, i)}${meta[point]}`;
      last = i + 1;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      if (point <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      result += `${str.slice(last, i)}\\u${point.toString(16)}`;
      last = i + 1;
    }
  }
  if (last !== str.length) result += str.slice(last);
  if (singleQuote === -1) return `\`${result}\``;
  if (singleQuote === -2) return `"${result}"`;
  return `'${result}'`;
}

function formatNumber(fn: Stylize, number: number): string {
  return fn(Object.is(number, -0) ? '-0' : `${number}`, 'number');
}

function formatBigInt(fn: Stylize, bigint: bigint): string {
  return fn(`${bigint}n`, 'bigint');
}

function formatPrimitive(fn: Stylize, value: unknown, ctx: Context): string {
  if (typeof value === 'string') {
    let trailer = '';
    let text = value;
    if (text.length > ctx.maxStringLength) {
      const remaining = text.length - ctx.maxStringLength;
      text = text.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    if (ctx.compact !== true && text.length > kMinLineWidth && text.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return (
        text
          .split(/(?<=\n)/)
          .map((line) => fn(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer
      );
    }
    return fn(strEscape(text), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value);
  if (typeof value === 'bigint') return formatBigInt(fn, value);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn((value as symbol).toString(), 'symbol');
}

function hasOwn(value: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function isInstanceof(object: object, proto: Function): boolean {
  try {
    return object instanceof proto;
  } catch {
    return false;
  }
}

/** The name of the first constructor up the prototype chain; `null` for a null-prototype object. Fills `protoProps` as Node does. */
function getConstructorName(obj: object, ctx: Context, recurseTimes: number, protoProps: string[] | undefined): string | null {
  let firstProto: object | null | undefined;
  const tmp = obj;
  let current: object | null = obj;
  while (current) {
    const descriptor = Object.getOwnPropertyDescriptor(current, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' && descriptor.value.name !== '' && isInstanceof(tmp, descriptor.value)) {
      if (protoProps !== undefined && (firstProto !== current || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    current = Object.getPrototypeOf(current);
    if (firstProto === undefined) firstProto = current;
  }
  if (firstProto === null) return null;
  return `Object <${inspect(firstProto, { ...ctx.userOptions, customInspect: false, depth: -1 })}>`;
}

/** Node's `addPrototypeProperties`: with `showHidden`, the non-function members of user-defined prototypes. */
function addPrototypeProperties(ctx: Context, main: object, obj: object, recurseTimes: number, output: string[]): void {
  let depth = 0;
  let keys: PropertyKey[] = [];
  let keySet = new Set<PropertyKey>();
  let current: object | null = obj;
  do {
    if (depth !== 0 || main === current) {
      current = Object.getPrototypeOf(current);
      if (current === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(current, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' && builtInObjects.has(descriptor.value.name)) return;
    }
    if (depth === 0) keySet = new Set();
    else for (const key of keys) keySet.add(key);
    keys = Reflect.ownKeys(current as object);
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === 'constructor' || hasOwn(main, key) || (depth !== 0 && keySet.has(key))) continue;
      const desc = Object.getOwnPropertyDescriptor(current, key)!;
      if (typeof desc.value === 'function') continue;
      output.push(formatProperty(ctx, current as object, recurseTimes, key, kObjectType, desc, main));
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size = ''): string {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function getKeys(value: object, showHidden: boolean): PropertyKey[] {
  const symbols = Object.getOwnPropertySymbols(value);
  if (showHidden) return [...Object.getOwnPropertyNames(value), ...symbols];
  return [...Object.keys(value), ...symbols.filter((key) => Object.prototype.propertyIsEnumerable.call(value, key))];
}

function isIndexKey(key: PropertyKey): boolean {
  if (typeof key !== 'string') return false;
  const n = Number(key);
  return String(n >>> 0) === key && n >>> 0 !== 0xffffffff;
}

/** The own keys of an array-like that are not indices (`getOwnNonIndexProperties`). */
function getNonIndexKeys(value: object, showHidden: boolean): PropertyKey[] {
  return (showHidden ? Reflect.ownKeys(value) : getKeys(value, false)).filter((key) => {
    if (isIndexKey(key)) return false;
    return showHidden || Object.prototype.propertyIsEnumerable.call(value, key);
  });
}

function getFunctionBase(value: Function, constructor: string | null, tag: string): string {
  let stringified = '';
  try {
    stringified = Function.prototype.toString.call(value);
  } catch {
    // a revoked proxy or a cross-realm oddity: fall through to the plain form
  }
  if (stringified.startsWith('class') && stringified.endsWith('}')) {
    const name = (hasOwn(value, 'name') && (value as { name: unknown }).name) || '(anonymous)';
    let base = `class ${String(name)}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = (Object.getPrototypeOf(value) as { name?: string }).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }
  let type = 'Function';
  if (types.isGeneratorFunction(value)) type = `Generator${type}`;
  if (types.isAsyncFunction(value)) type = `Async${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '') base += ' (anonymous)';
  else base += `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

/** Node's `improveStack`: names the class in the first line when the error's `name` does not. */
function improveStack(stack: string, constructor: string | null, name: string, tag: string): string {
  let len = name.length;
  if (constructor === null || (name.endsWith('Error') && stack.startsWith(name) && (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = start?.[1] || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      else stack = `${prefix} [${name}]${stack.slice(len)}`;
    }
  }
  return stack;
}

/** Node's `formatError`: the stack (or `[Name: message]` without one), indented, with duplicate keys dropped. */
function formatError(err: Error, constructor: string | null, tag: string, ctx: Context, keys: PropertyKey[]): string {
  const record = err as unknown as Record<string, unknown>;
  const name = record.name != null ? String(record.name) : 'Error';
  let stack: string;
  try {
    stack = typeof err.stack === 'string' && err.stack !== '' ? err.stack : Error.prototype.toString.call(err);
  } catch {
    stack = Error.prototype.toString.call(err);
  }
  if (!ctx.showHidden && keys.length !== 0) {
    for (const key of ['name', 'message', 'stack']) {
      const index = keys.indexOf(key);
      if (index !== -1 && stack.includes(String(record[key]))) keys.splice(index, 1);
    }
  }
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  if (Array.isArray(record.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);
  let pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  if (stack.indexOf('\n    at', pos) === -1) stack = `[${stack}]`;
  if (ctx.indentationLvl !== 0) stack = stack.split('\n').join(`\n${' '.repeat(ctx.indentationLvl)}`);
  return stack;
}

function remainingText(remaining: number): string {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatArrayBuffer(ctx: Context, value: ArrayBufferLike): string[] {
  let buffer: Uint8Array;
  try {
    buffer = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const shown = Math.min(ctx.maxArrayLength, buffer.length);
  let str = Array.from(buffer.subarray(0, shown), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  const remaining = buffer.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatArray(ctx: Context, value: unknown[], recurseTimes: number): string[] {
  const valLen = value.length;
  const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output: string[] = [];
  for (let i = 0; i < len; i++) {
    if (!hasOwn(value, i)) return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
  }
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

/** Sparse arrays: runs of holes as `<N empty items>`. */
function formatSpecialArray(ctx: Context, value: unknown[], recurseTimes: number, maxLength: number, output: string[], i: number): string[] {
  const keys = Object.keys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = Number(key);
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!/^\d+$/.test(key)) break;
      const emptyItems = tmp - index;
      output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`, 'undefined'));
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

type AnyTypedArray = ArrayLike<number | bigint> & { readonly length: number };

function formatTypedArray(value: AnyTypedArray, length: number, ctx: Context, recurseTimes: number): string[] {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = value.length - maxLength;
  const output: string[] = [];
  for (let i = 0; i < maxLength; ++i) {
    const element = value[i];
    output.push(typeof element === 'number' ? formatNumber(ctx.stylize, element) : formatBigInt(ctx.stylize, element));
  }
  if (remaining > 0) output.push(remainingText(remaining));
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      const str = formatValue(ctx, (value as unknown as Record<string, unknown>)[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(value: Set<unknown>, ctx: Context, recurseTimes: number): string[] {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output: string[] = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of value) {
    if (i >= maxLength) break;
    output.push(formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(value: Map<unknown, unknown>, ctx: Context, recurseTimes: number): string[] {
  const length = value.size;
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const remaining = length - maxLength;
  const output: string[] = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of value) {
    if (i >= maxLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) output.push(remainingText(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatProperty(
  ctx: Context,
  value: object,
  recurseTimes: number,
  key: PropertyKey,
  type: number,
  desc?: PropertyDescriptor,
  original: object = value,
): string {
  let name: string;
  let str: string;
  const descriptor = desc ?? Object.getOwnPropertyDescriptor(value, key) ?? { value: (value as Record<PropertyKey, unknown>)[key], enumerable: true };
  if (descriptor.value !== undefined) {
    const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, descriptor.value, recurseTimes);
    ctx.indentationLvl -= diff;
  } else if (descriptor.get !== undefined) {
    const label = descriptor.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (ctx.getters && (ctx.getters === true || (ctx.getters === 'get' && descriptor.set === undefined) || (ctx.getters === 'set' && descriptor.set !== undefined))) {
      try {
        const tmp: unknown = descriptor.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        else if (typeof tmp === 'object') str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        else str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s(']', sp)}`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}:`, sp)} <Inspection threw (${(err as Error)?.message})>${s(']', sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (descriptor.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(key.toString(), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (descriptor.enumerable === false) {
    const tmp = String(key).replace(/[\x00-\x1f\x27\x5c\x7f-\x9f]/g, (c) => meta[c.charCodeAt(0)]);
    name = `[${tmp}]`;
  } else if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(String(key))) {
    name = ctx.stylize(String(key), 'name');
  } else {
    name = ctx.stylize(strEscape(String(key)), 'string');
  }
  return `${name}: ${str}`;
}

function isBelowBreakLength(ctx: Context, output: string[], start: number, base: string): boolean {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (const entry of output) {
    totalLength += entry.length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function groupArrayElements(ctx: Context, output: string[], value: unknown): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen: number[] = new Array(outputLength);
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      (ctx.compact as number) * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineLength = 0;
      for (let j = i; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      const items = value as ArrayLike<unknown>;
      for (let i = 0; i < output.length; i++) {
        if (typeof items[i] !== 'number' && typeof items[i] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = '';
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
        str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
        str += output[j].padStart(padding, ' ');
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    return tmp;
  }
  return output;
}

function reduceToSingleString(
  ctx: Context,
  output: string[],
  base: string,
  braces: [string, string],
  extrasType: number,
  recurseTimes: number,
  value: unknown,
): string {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joinedOutput = output.join(', ');
          if (!joinedOutput.includes('\n')) return `${base ? `${base} ` : ''}${braces[0]} ${joinedOutput} ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  const indentation = ' '.repeat(ctx.indentationLvl);
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

function getUserOptions(ctx: Context): InspectOptions & { stylize: Stylize } {
  return {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
}

function formatValue(ctx: Context, value: unknown, recurseTimes: number, typedArray?: boolean): string {
  if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx.stylize, value, ctx);
  if (value === null) return ctx.stylize('null', 'null');
  const context = value as Record<PropertyKey, unknown> & object;
  if (ctx.customInspect) {
    let maybeCustom: unknown;
    try {
      maybeCustom = context[customInspectSymbol];
    } catch {
      maybeCustom = undefined;
    }
    const ctor = (context as { constructor?: { prototype?: unknown } }).constructor;
    if (typeof maybeCustom === 'function' && maybeCustom !== inspect && !(ctor && ctor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const ret: unknown = maybeCustom.call(context, depth, getUserOptions(ctx), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      const known = ctx.circular.get(value);
      if (known === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      } else {
        index = known;
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatRaw(ctx: Context, value: object, recurseTimes: number, typedArray: boolean | undefined): string {
  let keys: PropertyKey[] = [];
  let protoProps: string[] | undefined;
  if (ctx.showHidden && (ctx.depth === null || recurseTimes <= ctx.depth)) protoProps = [];
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  let tag: unknown;
  try {
    tag = (value as Record<PropertyKey, unknown>)[Symbol.toStringTag];
  } catch {
    tag = '';
  }
  if (typeof tag !== 'string' || (tag !== '' && (ctx.showHidden ? hasOwn(value, Symbol.toStringTag) : Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag)))) {
    tag = '';
  }
  const tagText = tag as string;
  let base = '';
  let formatter: (ctx: Context, value: never, recurseTimes: number) => string[] = () => [];
  let braces: [string, string];
  let noIterator = true;
  let extrasType = kObjectType;

  if (Symbol.iterator in value || constructor === null) {
    noIterator = false;
    if (Array.isArray(value)) {
      const prefix = constructor !== 'Array' || tagText !== '' ? getPrefix(constructor, tagText, 'Array', `(${value.length})`) : '';
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray as typeof formatter;
    } else if (types.isSet(value)) {
      const size = value.size;
      const prefix = getPrefix(constructor, tagText, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = ((c: Context, v: Set<unknown>, r: number) => formatSet(v, c, r)) as typeof formatter;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isMap(value)) {
      const size = value.size;
      const prefix = getPrefix(constructor, tagText, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = ((c: Context, v: Map<unknown, unknown>, r: number) => formatMap(v, c, r)) as typeof formatter;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isTypedArray(value)) {
      keys = getNonIndexKeys(value, ctx.showHidden);
      const typed = value as unknown as AnyTypedArray;
      const fallback = constructor === null ? Object.prototype.toString.call(value).slice(8, -1) : '';
      const size = typed.length;
      const prefix = getPrefix(constructor, tagText, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      if (typed.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = ((c: Context, v: AnyTypedArray, r: number) => formatTypedArray(v, size, c, r)) as typeof formatter;
      extrasType = kArrayExtrasType;
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === 'Object') {
      if (tagText !== '') braces[0] = `${getPrefix(constructor, tagText, 'Object')}{`;
      if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tagText);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (types.isRegExp(value)) {
      base = RegExp.prototype.toString.call(value);
      const prefix = getPrefix(constructor, tagText, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if ((keys.length === 0 && protoProps === undefined) || (ctx.depth !== null && recurseTimes > ctx.depth)) return ctx.stylize(base, 'regexp');
    } else if (types.isDate(value)) {
      const time = Date.prototype.getTime.call(value);
      base = Number.isNaN(time) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tagText, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (types.isNativeError(value) || value instanceof Error) {
      base = formatError(value as Error, constructor, tagText, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (types.isAnyArrayBuffer(value)) {
      const arrayType = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tagText, arrayType);
      if (typedArray === undefined) {
        formatter = ((c: Context, v: ArrayBufferLike) => formatArrayBuffer(c, v)) as typeof formatter;
      } else if (keys.length === 0 && protoProps === undefined) {
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, (value as ArrayBuffer).byteLength)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (types.isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (types.isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tagText, 'Promise')}{`;
      formatter = (() => [ctx.stylize('<unknown>', 'special')]) as typeof formatter;
    } else if (types.isWeakSet(value) || types.isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tagText, types.isWeakSet(value) ? 'WeakSet' : 'WeakMap')}{`;
      formatter = (() => [ctx.stylize('<items unknown>', 'special')]) as typeof formatter;
    } else if (types.isBoxedPrimitive(value)) {
      const primitive = (value as { valueOf(): unknown }).valueOf();
      const kind = typeof primitive === 'string' ? 'String' : typeof primitive === 'number' ? 'Number' : typeof primitive === 'boolean' ? 'Boolean' : typeof primitive === 'bigint' ? 'BigInt' : 'Symbol';
      base = `[${kind}${constructor !== kind ? (constructor === null ? ' (null prototype)' : ` (${constructor})`) : ''}: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
      if (typeof primitive === 'string') keys = keys.filter((key) => !isIndexKey(key));
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) return `${getPrefix(constructor, tagText, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tagText, 'Object')}{`;
    }
  }

  if (ctx.depth !== null && recurseTimes > ctx.depth) {
    let constructorName = getPrefix(constructor, tagText, 'Object').slice(0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  const output = formatter(ctx, value as never, recurseTimes);
  for (const key of keys) output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
  if (protoProps !== undefined) output.push(...protoProps);
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces![0] = `${reference} ${braces![0]}`;
    }
  }
  ctx.seen.pop();
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) output.sort(comparator);
  }
  const res = reduceToSingleString(ctx, output, base, braces!, extrasType, recurseTimes, value);
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

/**
 * Node's `util.inspect`: a string form of any value, for debugging and messages.
 *
 * @param value - what to show.
 * @param options - Node's inspect options (the legacy positional form is not supported).
 */
export function inspect(value: unknown, options?: InspectOptions): string {
  const opts = options !== null && typeof options === 'object' ? options : {};
  const ctx: Context = {
    ...defaultOptions,
    stylize: stylizeNoColor,
    userOptions: undefined,
    seen: [],
    circular: undefined,
    indentationLvl: 0,
    currentDepth: 0,
    budget: {},
  };
  const userOptions: InspectOptions = {};
  for (const key of Object.keys(opts) as (keyof InspectOptions)[]) {
    if (key in defaultOptions) {
      (ctx as unknown as Record<string, unknown>)[key] = opts[key];
    } else if (key !== ('stylize' as never)) {
      (userOptions as Record<string, unknown>)[key] = opts[key];
    }
  }
  if (Object.keys(userOptions).length > 0) ctx.userOptions = userOptions;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  if (ctx.depth === Infinity) ctx.depth = null;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;
inspect.defaultOptions = defaultOptions;

function hasBuiltInToString(value: object): boolean {
  if (typeof (value as { toString?: unknown }).toString !== 'function') return true;
  if (hasOwn(value, 'toString')) return false;
  let pointer: object | null = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !hasOwn(pointer, 'toString'));
  if (pointer === null) return true;
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' && builtInObjects.has(descriptor.value.name);
}

function tryStringify(arg: unknown): string {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if ((err as Error)?.name === 'TypeError' && /circular/i.test((err as Error).message)) return '[Circular]';
    throw err;
  }
}

/**
 * Node's `util.formatWithOptions`: printf-like `%s %d %i %f %j %o %O %c %%`, then the
 * remaining arguments inspected and joined with spaces.
 */
export function formatWithOptions(inspectOptions: InspectOptions, ...args: unknown[]): string {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr = '';
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: {
              const tempArg = args[++a];
              if (typeof tempArg === 'number') tempStr = formatNumber(stylizeNoColor, tempArg);
              else if (typeof tempArg === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempArg);
              else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = String(tempArg);
              else tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
              break;
            }
            case 106:
              tempStr = tryStringify(args[++a]);
              break;
            case 100: {
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempNum);
              else if (typeof tempNum === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(stylizeNoColor, Number(tempNum));
              break;
            }
            case 79:
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111:
              tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: {
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempInteger);
              else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(stylizeNoColor, Number.parseInt(tempInteger as string));
              break;
            }
            case 102: {
              const tempFloat = args[++a];
              tempStr = typeof tempFloat === 'symbol' ? 'NaN' : formatNumber(stylizeNoColor, Number.parseFloat(tempFloat as string));
              break;
            }
            case 99:
              a += 1;
              tempStr = '';
              break;
            case 37:
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

/** Node's `util.format`. */
export function format(...args: unknown[]): string {
  return formatWithOptions({}, ...args);
}

/** Node's `util.inherits` (for old-style packages). */
export function inherits(ctor: Function, superCtor: Function): void {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  Object.setPrototypeOf(ctor, superCtor);
}

/** Node's `util.deprecate`, without the warning. */
export function deprecate<T extends Function>(fn: T): T {
  return fn;
}

/** Node's `util.promisify` for callback-last functions. */
export function promisify(fn: (...args: unknown[]) => void): (...args: unknown[]) => Promise<unknown> {
  return (...args) => new Promise((resolve, reject) => fn(...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value))));
}

/** Node's `util.isArray`. */
export const isArray = Array.isArray;

const { TextEncoder: TextEncoderCtor, TextDecoder: TextDecoderCtor } = globalThis as unknown as { TextEncoder: unknown; TextDecoder: unknown };
export { TextEncoderCtor as TextEncoder, TextDecoderCtor as TextDecoder };

export default {
  inspect,
  format,
  formatWithOptions,
  isDeepStrictEqual,
  types,
  inherits,
  deprecate,
  promisify,
  isArray,
  TextEncoder: TextEncoderCtor,
  TextDecoder: TextDecoderCtor,
};
