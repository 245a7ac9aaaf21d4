import { join } from 'node:path';
import { renderAll, staleFiles } from '../scripts/generate';
import { ELEMENT_SPECS } from '../scripts/element-types';

describe('generated classes', () => {
  it('are current with their template (run `npm run generate` after changing it)', () => {
    expect(staleFiles(join(__dirname, '..'))).toEqual([]);
  });

  it('are one class literal per element type, not a shared base class or factory', () => {
    const files = renderAll();
    for (const spec of ELEMENT_SPECS) {
      const text = files.get(`src/generated/${spec.fileName}.ts`);
      expect(text).toContain(`export class ${spec.className}<N extends number = number> implements`);
      expect(text).not.toMatch(/\bextends\s+[A-Z]\w*Vec\b/);
      expect(text).toContain(`#data: ${spec.arrayName};`);
    }
  });
});
