import { afterAll, describe, expect, it } from 'vitest';
import { renderPdfWithReport } from '../../../electron/core/pdf';
import { fillMergeFields, letterTemplates } from '../../../shared/templates';
import { cleanupPoppler, pdfText } from '../pdf/poppler';

afterAll(cleanupPoppler);

const names = ['ګلپاڼه', 'پریسا', 'ڕێژنە', 'ሳምራዊት', 'ቤተልሔም', 'Nguyễn Thị Ánh', 'Łucja Żółć', 'محمد'];

describe.each(letterTemplates.map((t, i) => [t.id, t, names[i % names.length] as string] as const))(
  'the %s template',
  (_id, template, name) => {
    it(`prints with every glyph present for ${name}`, async () => {
      const { doc } = fillMergeFields(template.body, {
        'youngPerson.name': name,
        'youngPerson.formalName': name,
        localAuthority: 'Northshire',
        'service.name': 'Northshire Advocacy',
      });
      const { bytes, missingGlyphs, pages } = await renderPdfWithReport(doc, {
        title: template.title,
        signature: { name: 'Sam Okafor', role: 'Independent advocate' },
      });
      expect(missingGlyphs).toBe(0);
      expect(pages).toBeGreaterThanOrEqual(1);
      const text = pdfText(bytes);
      for (const word of name.split(' ')) expect(text).toContain(word);
      expect(text).toContain('Sam Okafor');
    });
  },
);
