/**
 * The row kit of every typed vector class (`src/row-kit.ts`), spliced into the class of
 * `typed-vec.ts` at `//@include table-rows`: what a `Table` does to one of its columns of
 * this class that the public API does not allow (docs/design.md, "Tables").
 *
 * @module
 */

// Scaffolding imports, for the type checker only (the class's imports are in typed-vec.ts).
import { type RowKit, registerRowKit } from '../../src/row-kit.js';
import { ELEMENT, TArray, type TElem } from './instance';

export class TVec {
  // Scaffolding: the members of typed-vec.ts that the kit uses.
  #data = new TArray(0);
  #length = 0;
  #storage(_where: string, _which?: string): TArray {
    return this.#data;
  }

  //@part
  static {
    // `this`, and the kit's class declared here: see the releaser's static block. Each
    // method works on `this`, a column; src/table-columns.ts puts them on its prototype.
    registerRowKit(this, new (class Rows implements RowKit<TElem> {
      readonly className = 'TVec';
      readonly bigint = (ELEMENT as string) === 'bigint';

      check(this: TVec, where: string, which: string): void {
        this.#storage(where, which);
      }

      setLength(this: TVec, length: number): void {
        this.#length = length;
      }

      // write and read take both stages and use the one of this class's elements (a constant
      // condition): a row operation whose call site saw two kinds of stage took 62 ns, not 45.
      write(this: TVec, numbers: Float64Array, bigints: readonly bigint[], slot: number, row: number, length: number): void {
        this.#data[row] = ((ELEMENT as string) === 'bigint' ? bigints : numbers)[slot] as TElem;
        this.#length = length;
      }

      read(this: TVec, numbers: Float64Array, bigints: bigint[], slot: number, row: number): void {
        ((ELEMENT as string) === 'bigint' ? bigints : numbers)[slot] = this.#data[row] as never;
      }

      move(this: TVec, from: number, to: number, length: number): void {
        const data = this.#data;
        data[to] = data[from];
        this.#length = length;
      }

      shift(this: TVec, index: number, length: number): void {
        this.#data.copyWithin(index, index + 1, length);
        this.#length = length - 1;
      }

      keep(this: TVec, flags: Uint8Array, length: number): void {
        const data = this.#data;
        let kept = 0;
        for (let i = 0; i < length; i++) {
          if (flags[i] === 1) data[kept++] = data[i];
        }
        this.#length = kept;
      }
    })());
  }
  //@endpart
}
