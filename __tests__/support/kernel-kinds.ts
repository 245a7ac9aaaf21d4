/**
 * The kinds the numeric kernel suites (`kernels-*.test.ts`) run over: every typed kind and
 * `OptionVec<number>`, with what their kernels accept. OptionVec<number>'s kernels promise
 * F64Vec's semantics and messages; where they accept more (a plain array of numbers, an
 * F64Vec or a Float64Array as an operand), the kind data below says so, and the suites
 * derive the accepted and rejected operands from it instead of keeping a copy per class.
 */

import fc from 'fast-check';
import type { Family } from '../../scripts/element-types';
import { KINDS, TYPED_KINDS, arrayCtorOf, kindById, poisonSpare, typedArrayCtor, type AnyVec, type Elem, type Kind, type TypedArrayName } from './kinds';

/** One form a vector operand (of `add`, `dot`, `axpy`, ...) can take. */
export interface OperandForm {
  /** For test titles: `"F64Vec"`, `"view() of another F64Vec"`, `"array"`. */
  readonly label: string;
  /** A fresh operand of this form holding `items`. */
  readonly make: (items: readonly Elem[]) => unknown;
}

/** A kind, with what the kernel suites need to know about its kernels. */
export interface KernelKind extends Kind {
  /** How the kernels compute: the table row's family; OptionVec<number> computes as F64Vec does. */
  readonly family: Family;
  /** The typed kind whose kernel semantics and messages this kind promises: itself, or F64Vec for OptionVec<number>. */
  readonly twin: Kind;
  /** `"number"` or `"bigint"`, as the messages name the element type. */
  readonly elementTypeName: 'number' | 'bigint';
  /** A scalar of the wrong type for the kernels (a TypeError as a scalar operand). */
  readonly wrongScalar: Elem;
  /** The classes whose vectors the kernels take as an operand, by kind name. */
  readonly operandClasses: readonly string[];
  /** The typed arrays the kernels take as an operand. */
  readonly operandArrays: readonly TypedArrayName[];
  /** Whether the kernels take a plain array of elements as an operand. */
  readonly takesArrays: boolean;
  /** Every accepted operand form, for the suites to loop over. */
  readonly operandForms: readonly OperandForm[];
  /** The accepted operands as the TypeError lists them, without articles: `["F64Vec", "Float64Array"]`. */
  readonly operandNames: readonly string[];
}

/** A vector of `kind` holding `items`, with `spare` free slots holding the kind's sentinel. */
export function vectorOf(kind: Kind, items: readonly Elem[], spare = 2): AnyVec {
  const vec = kind.make(items.length + spare);
  for (const item of items) vec.push(item);
  return poisonSpare(kind, vec);
}

function typedKernelKind(kind: Kind): KernelKind {
  const spec = kind.spec!;
  return {
    ...kind,
    family: spec.family,
    twin: kind,
    elementTypeName: spec.elementType,
    wrongScalar: kind.isBigInt ? 1 : 1n,
    operandClasses: [kind.name],
    operandArrays: [kind.arrayName],
    takesArrays: false,
    operandForms: [
      { label: kind.name, make: (items) => vectorOf(kind, items) },
      { label: kind.arrayName, make: (items) => arrayCtorOf(kind).from(items) },
      { label: `view() of another ${kind.name}`, make: (items) => vectorOf(kind, items).view() },
    ],
    operandNames: [kind.name, kind.arrayName],
  };
}

/** OptionVec<number>: F64Vec's semantics, and any OptionVec<number>, F64Vec, Float64Array or array of numbers as an operand. */
function optionKernelKind(): KernelKind {
  const option = KINDS.find((kind) => !kind.isTyped)!;
  const f64 = kindById('f64');
  return {
    ...option,
    family: 'float',
    twin: f64,
    elementTypeName: 'number',
    wrongScalar: 1n,
    operandClasses: [option.name, f64.name],
    operandArrays: [f64.arrayName],
    takesArrays: true,
    operandForms: [
      { label: option.name, make: (items) => vectorOf(option, items) },
      { label: f64.name, make: (items) => vectorOf(f64, items) },
      { label: f64.arrayName, make: (items) => arrayCtorOf(f64).from(items) },
      { label: 'array', make: (items) => [...items] },
      { label: `view() of another ${option.name}`, make: (items) => vectorOf(option, items).view() },
    ],
    operandNames: [`${option.name}<number>`, f64.name, f64.arrayName, 'array of numbers'],
  };
}

/** Every class with numeric kernels: the typed kinds, then OptionVec<number>. */
export const KERNEL_KINDS: readonly KernelKind[] = [...TYPED_KINDS.map(typedKernelKind), optionKernelKind()];

/** The kernel kinds that promise another class's semantics (OptionVec<number>: F64Vec's). */
export const KINDS_WITH_A_TWIN: readonly KernelKind[] = KERNEL_KINDS.filter((kind) => kind.twin.name !== kind.name);

/** The kernel kinds that compute as F64Vec does (F64Vec and OptionVec<number>). */
export const F64_SEMANTICS: readonly KernelKind[] = KERNEL_KINDS.filter((kind) => kind.twin.name === kindById('f64').name);

/** The kernel kinds of the float family. */
export const FLOAT_KINDS: readonly KernelKind[] = KERNEL_KINDS.filter((kind) => kind.family === 'float');

/** The kernel kind named `name`. */
export function kernelKindNamed(name: string): KernelKind {
  const kind = KERNEL_KINDS.find((k) => k.name === name);
  if (kind === undefined) throw new Error(`no kernel kind named ${name}`);
  return kind;
}

/** A small integer as an element of `kind`. */
export const int = (kind: Kind, n: number): Elem => (kind.isBigInt ? BigInt(n) : n);

/**
 * Operands every kernel of `kind` must refuse with a TypeError, each built to hold `length`
 * elements: values that are no operand at all, then every typed array and every vector
 * class its kernels do not take, then a plain array where arrays are not taken.
 */
export function rejectedOperands(kind: KernelKind, length: number): [string, unknown][] {
  const items = Array.from({ length }, (_, i) => int(kind, i + 1));
  const arrays = TYPED_KINDS.map((k) => k.arrayName).filter((name) => !kind.operandArrays.includes(name));
  const classes = KERNEL_KINDS.filter((k) => !kind.operandClasses.includes(k.name));
  const rejected: [string, unknown][] = [
    ['a wrong-type scalar', kind.wrongScalar],
    ['a string', '1'],
    ['null', null],
    ['undefined', undefined],
    ['an object', {}],
    ['a boolean', true],
    ['a DataView', new DataView(new ArrayBuffer(8 * length))],
    ...arrays.map((name): [string, unknown] => [`a ${name}`, new (typedArrayCtor(name))(length)]),
    ...classes.map((k): [string, unknown] => [`a vector of ${k.name}`, vectorOf(k, items.map((x) => int(k, Number(x))))]),
  ];
  if (!kind.takesArrays) rejected.push(['an array', items]);
  return rejected;
}

/** A typed array of `length` elements that the kernels of `kind` do not take as an operand. */
export function foreignTypedArray(kind: KernelKind, length: number): unknown {
  const name = TYPED_KINDS.map((k) => k.arrayName).find((n) => !kind.operandArrays.includes(n))!;
  return new (typedArrayCtor(name))(length);
}

/** A vector holding `length` small integers, of a class whose vectors the kernels of `kind` do not take. */
export function foreignVector(kind: KernelKind, length: number): AnyVec {
  const other = KERNEL_KINDS.find((k) => !kind.operandClasses.includes(k.name))!;
  return vectorOf(other, Array.from({ length }, (_, i) => int(other, i + 1)));
}

/** Values `out` must not be, with a TypeError: anything but a vector of the same class. */
export function rejectedOuts(kind: KernelKind, length: number): [string, unknown][] {
  const items = Array.from({ length }, (_, i) => int(kind, i + 1));
  return [
    ['an array', items],
    [`a ${kind.arrayName}`, arrayCtorOf(kind).from(items)],
    ['an object', {}],
    ['null', null],
    ...KERNEL_KINDS.filter((k) => k.name !== kind.name).map((k): [string, unknown] => [`a vector of ${k.name}`, vectorOf(k, items.map((x) => int(k, Number(x))))]),
  ];
}

/** `s` with the characters a RegExp treats specially escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&');

/** "A, B or C", each with an article ("a" or "an": the tests do not decide which). */
function spokenList(names: readonly string[]): string {
  const spoken = names.map((name) => `an? ${escapeRegExp(name)}`);
  return spoken.length === 1 ? spoken[0] : `${spoken.slice(0, -1).join(', ')} or ${spoken[spoken.length - 1]}`;
}

/**
 * The TypeError message of `where` for a rejected operand: it names what is accepted (a
 * scalar of the element type too, when `scalar`), e.g. `F64Vec.add: expected a number, an
 * F64Vec or a Float64Array of the same length, got ...`.
 */
export function operandErrorPattern(kind: KernelKind, where: string, scalar: boolean): RegExp {
  const what = spokenList([...(scalar ? [kind.elementTypeName] : []), ...kind.operandNames]);
  return new RegExp(`^${escapeRegExp(`${kind.name}.${where}`)}: expected ${what} of the same length, got `);
}

/** The RangeError message for a length mismatch with `role` ("the operand" or "out"). */
export function lengthMismatch(kind: Kind, where: string, length: number, role: string, otherLength: number): string {
  return `${kind.name}.${where}: length mismatch: this vector has length ${length} but ${role} has length ${otherLength}`;
}

// ---------------------------------------------------------------------------------------
// Elements
// ---------------------------------------------------------------------------------------

/** NaN, the signed zeros and infinities, the ends of the double range and of the normals. */
export const SPECIAL_DOUBLES: readonly number[] = [NaN, -0, 0, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1022];

/** Any element: for a float kind any double as the kind stores it, the special ones often; `kind.element` otherwise. */
export function anyElement(kind: KernelKind): fc.Arbitrary<Elem> {
  if (kind.family !== 'float') return kind.element;
  return fc.oneof({ arbitrary: fc.double(), weight: 6 }, { arbitrary: fc.constantFrom(...SPECIAL_DOUBLES), weight: 2 }).map(kind.convert);
}

/** Elements for property tests: mostly `kind.element`, for a float kind with any double mixed in. */
export function mixedElements(kind: KernelKind): fc.Arbitrary<Elem> {
  if (kind.family !== 'float') return kind.element;
  return fc.oneof({ arbitrary: kind.element, weight: 6 }, { arbitrary: anyElement(kind), weight: 2 });
}

/** Arrays, now and then long enough to span several pairwise leaves (128 elements). */
export function arrays<T>(element: fc.Arbitrary<T>, minLength = 0): fc.Arbitrary<T[]> {
  return fc.oneof(
    { arbitrary: fc.array(element, { minLength, maxLength: 40 }), weight: 3 },
    { arbitrary: fc.array(element, { minLength: Math.max(minLength, 100), maxLength: 1100 }), weight: 1 },
  );
}

/** Pairs of equal-length arrays. */
export function pairs<T>(element: fc.Arbitrary<T>, maxLength = 24): fc.Arbitrary<[T[], T[]]> {
  return fc.array(fc.tuple(element, element), { maxLength }).map((ts) => [ts.map((t) => t[0]), ts.map((t) => t[1])]);
}
