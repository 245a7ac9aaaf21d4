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

      write(this: TVec, stage: ArrayLike<TElem>, slot: number, row: number, length: number): void {
        this.#data[row] = stage[slot];
        this.#length = length;
      }

      read(this: TVec, stage: { [index: number]: TElem }, slot: number, row: number): void {
        stage[slot] = this.#data[row];
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
