/**
 * Prototype variants of F64Vec's hot methods, for `investigate.ts`: each is a minimal
 * class (its own source, so its own type feedback) with just the methods the push/get/set/pop
 * loops call. Not part of the library; they exist to measure what a change to
 * src/generated/f64-vec.ts (via scripts/templates/typed-vec.ts) would buy.
 *
 * @module
 */

function throwIndex(where: string, index: number, length: number): never {
  throw new RangeError(`${where}: index ${index} out of range for length ${length}`);
}
function throwFull(where: string): never {
  throw new RangeError(`${where}: vector is full`);
}
function throwEmpty(where: string): never {
  throw new RangeError(`${where}: vector is empty`);
}
function throwType(where: string): never {
  throw new TypeError(`${where}: not a number`);
}

/**
 * The library's push/get/set/pop as of this writing, with `#private` fields, the module
 * throw helpers inlined as plain functions: the control for the variants below.
 */
export class LibraryCopy {
  #data: Float64Array;
  #length = 0;
  constructor(capacity: number) {
    this.#data = new Float64Array(capacity);
  }
  get length(): number {
    return this.#length;
  }
  clear(): void {
    this.#length = 0;
  }
  extend(source: Float64Array): void {
    this.#data.set(source, this.#length);
    this.#length += source.length;
  }
  get(index: number): number {
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) throwIndex('get', index, this.#length);
    return this.#data[index];
  }
  set(index: number, value: number): void {
    if (typeof value !== 'number') throwType('set');
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) throwIndex('set', index, this.#length);
    this.#data[index] = value;
  }
  push(value: number): void {
    if (typeof value !== 'number') throwType('push');
    const data = this.#data;
    const length = this.#length;
    if (length >= data.length) throwFull('push');
    data[length] = value;
    this.#length = length + 1;
  }
  pop(): number {
    const length = this.#length - 1;
    if (length < 0) throwEmpty('pop');
    this.#length = length;
    return this.#data[length];
  }
}

/**
 * push writes first and checks after: a typed array ignores a write at or past its length
 * (ECMAScript IntegerIndexedElementSet), so when full the write changes nothing and the
 * check then throws before the length moves; same observable behaviour, including on a
 * detached buffer (length 0). Everything else as {@link LibraryCopy}.
 */
export class StoreFirst {
  #data: Float64Array;
  #length = 0;
  constructor(capacity: number) {
    this.#data = new Float64Array(capacity);
  }
  get length(): number {
    return this.#length;
  }
  clear(): void {
    this.#length = 0;
  }
  extend(source: Float64Array): void {
    this.#data.set(source, this.#length);
    this.#length += source.length;
  }
  get(index: number): number {
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) throwIndex('get', index, this.#length);
    return this.#data[index];
  }
  set(index: number, value: number): void {
    if (typeof value !== 'number') throwType('set');
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.#length)) throwIndex('set', index, this.#length);
    this.#data[index] = value;
  }
  push(value: number): void {
    if (typeof value !== 'number') throwType('push');
    const data = this.#data;
    const length = this.#length;
    data[length] = value;
    if (length >= data.length) throwFull('push');
    this.#length = length + 1;
  }
  pop(): number {
    const length = this.#length - 1;
    if (length < 0) throwEmpty('pop');
    this.#length = length;
    return this.#data[length];
  }
}

/** {@link LibraryCopy} with ordinary fields instead of `#private` ones. */
export class PlainFields {
  data: Float64Array;
  len = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(capacity);
  }
  get length(): number {
    return this.len;
  }
  clear(): void {
    this.len = 0;
  }
  extend(source: Float64Array): void {
    this.data.set(source, this.len);
    this.len += source.length;
  }
  get(index: number): number {
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.len)) throwIndex('get', index, this.len);
    return this.data[index];
  }
  set(index: number, value: number): void {
    if (typeof value !== 'number') throwType('set');
    if (!(typeof index === 'number' && (index >>> 0) === index && index < this.len)) throwIndex('set', index, this.len);
    this.data[index] = value;
  }
  push(value: number): void {
    if (typeof value !== 'number') throwType('push');
    const data = this.data;
    const length = this.len;
    if (length >= data.length) throwFull('push');
    data[length] = value;
    this.len = length + 1;
  }
  pop(): number {
    const length = this.len - 1;
    if (length < 0) throwEmpty('pop');
    this.len = length;
    return this.data[length];
  }
}

/** No checks at all (unsafe: shows what the checks cost on top of the object). */
export class Unchecked {
  #data: Float64Array;
  #length = 0;
  constructor(capacity: number) {
    this.#data = new Float64Array(capacity);
  }
  get length(): number {
    return this.#length;
  }
  clear(): void {
    this.#length = 0;
  }
  extend(source: Float64Array): void {
    this.#data.set(source, this.#length);
    this.#length += source.length;
  }
  get(index: number): number {
    return this.#data[index];
  }
  set(index: number, value: number): void {
    this.#data[index] = value;
  }
  push(value: number): void {
    const length = this.#length;
    this.#data[length] = value;
    this.#length = length + 1;
  }
  pop(): number {
    const length = this.#length - 1;
    this.#length = length;
    return this.#data[length];
  }
}
