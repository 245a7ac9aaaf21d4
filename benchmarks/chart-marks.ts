/**
 * The marks of docs/benchmarks.svg: one colour and one shape per implementation, so that
 * every series stays distinguishable without colour (the Okabe-Ito palette, which readers
 * with any of the common colour-vision deficiencies can tell apart, plus seven shapes).
 *
 * @module
 */

/** A marker shape. */
export type Shape = 'circle' | 'square' | 'triangle-up' | 'triangle-down' | 'diamond' | 'plus' | 'cross';

/** How one implementation is drawn. */
export interface MarkStyle {
  readonly colour: string;
  readonly shape: Shape;
}

/** The style of each implementation the report plots; anything else is a grey circle. */
const STYLES: Readonly<Record<string, MarkStyle>> = {
  F64Vec: { colour: '#0072B2', shape: 'circle' },
  F32Vec: { colour: '#56B4E9', shape: 'triangle-up' },
  I32Vec: { colour: '#009E73', shape: 'triangle-down' },
  'field f64': { colour: '#555555', shape: 'plus' },
  OptionVec: { colour: '#D55E00', shape: 'square' },
  Array: { colour: '#E69F00', shape: 'diamond' },
  mnemonist: { colour: '#CC79A7', shape: 'cross' },
};

const FALLBACK: MarkStyle = { colour: '#888888', shape: 'circle' };

/** The style of implementation `id`. */
export function styleOf(id: string): MarkStyle {
  return STYLES[id] ?? FALLBACK;
}

/** `text` with the characters XML gives a meaning escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const f = (n: number): string => n.toFixed(1);

/**
 * The SVG element of a marker of `style` centred on (`x`, `y`), `r` its half-size, with
 * `title` as its tooltip.
 */
export function marker(style: MarkStyle, x: number, y: number, r: number, title = ''): string {
  const tip = title === '' ? '' : `<title>${escapeXml(title)}</title>`;
  const fill = `fill="${style.colour}" stroke="#ffffff" stroke-width="0.7"`;
  const line = `fill="none" stroke="${style.colour}" stroke-width="2"`;
  switch (style.shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" ${fill}>${tip}</circle>`;
    case 'square':
      return `<rect x="${f(x - r * 0.9)}" y="${f(y - r * 0.9)}" width="${f(r * 1.8)}" height="${f(r * 1.8)}" ${fill}>${tip}</rect>`;
    case 'triangle-up':
      return `<path d="M${f(x)},${f(y - r * 1.15)}L${f(x + r)},${f(y + r * 0.75)}L${f(x - r)},${f(y + r * 0.75)}Z" ${fill}>${tip}</path>`;
    case 'triangle-down':
      return `<path d="M${f(x)},${f(y + r * 1.15)}L${f(x + r)},${f(y - r * 0.75)}L${f(x - r)},${f(y - r * 0.75)}Z" ${fill}>${tip}</path>`;
    case 'diamond':
      return `<path d="M${f(x)},${f(y - r * 1.2)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r * 1.2)}L${f(x - r)},${f(y)}Z" ${fill}>${tip}</path>`;
    case 'plus':
      return `<path d="M${f(x - r)},${f(y)}H${f(x + r)}M${f(x)},${f(y - r)}V${f(y + r)}" ${line}>${tip}</path>`;
    case 'cross':
      return `<path d="M${f(x - r * 0.8)},${f(y - r * 0.8)}L${f(x + r * 0.8)},${f(y + r * 0.8)}M${f(x - r * 0.8)},${f(y + r * 0.8)}L${f(x + r * 0.8)},${f(y - r * 0.8)}" ${line}>${tip}</path>`;
  }
}

/** A right-pointing arrowhead at (`x`, `y`): a value past the right edge of the axis. */
export function beyondMark(style: MarkStyle, x: number, y: number, title: string): string {
  return `<path d="M${f(x - 5)},${f(y - 4)}L${f(x + 2)},${f(y)}L${f(x - 5)},${f(y + 4)}Z" fill="${style.colour}"><title>${escapeXml(title)}</title></path>`;
}
