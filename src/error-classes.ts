/**
 * The error classes slabvec throws, alone: the module behind the subpath export
 * `slabvec/errors`, for code that imports one element type's classes (`slabvec/f32`) and
 * catches errors by class. They are the root export's classes themselves.
 *
 * @module
 */

export { CapacityError, ColumnLengthError, DetachedError, EmptyError, IndexError, ReleasedError, RingHeaderError } from './errors.js';
