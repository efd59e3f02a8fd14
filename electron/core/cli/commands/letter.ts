import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getLetterTemplate, letterTemplates } from '../../../../shared/templates';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore } from '../open-core';

/** `heard letter`: a letter from a template for one case, straight to a PDF file (nothing is saved in the store). */
export const letterCommand: CliCommand = {
  name: 'letter',
  summary: 'Write a letter from a template for a case to a PDF file.',
  usage:
    'letter --case REFERENCE --template TEMPLATE_ID --out FILE.pdf --data-dir DIR   (template ids: npm run heard -- templates)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        case: { type: 'string' },
        template: { type: 'string' },
        out: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    });
    if (!values.case) throw new CliError('Say which case with --case REFERENCE.', 2);
    if (!values.template)
      throw new CliError('Say which letter with --template TEMPLATE_ID (see: npm run heard -- templates).', 2);
    if (!getLetterTemplate(values.template))
      throw new CliError(`There is no template "${values.template}". See: npm run heard -- templates`, 2);
    if (!values.out) throw new CliError('Say where to write the PDF with --out FILE.pdf.', 2);
    const out = resolve(values.out);
    const caseReference = values.case;
    const templateId = values.template;
    return withStore(dataDirFrom(values), io, async (call) => {
      const { base64, pages, placeholders } = await call('letters.draftPdf', { caseReference, templateId });
      writeFileSync(out, Buffer.from(base64, 'base64'), { mode: 0o600 });
      io.err('This PDF is outside the encrypted store. Keep it somewhere safe and delete it when it has been sent.');
      const left = placeholders;
      if (left > 0)
        io.err(
          `It still has ${left} placeholder${left === 1 ? '' : 's'} in [square brackets] to fill before it is sent.`,
        );
      io.out(`Wrote ${pages} page${pages === 1 ? '' : 's'} to ${out}`);
      return 0;
    });
  },
};

/** `heard templates`: the letter template ids, one per line with its title. It opens no store: the templates are part of Heard, not records. */
export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: 'List the letter templates.',
  usage: 'templates',
  async run(_args, io) {
    const width = Math.max(...letterTemplates.map((t) => t.id.length));
    for (const t of letterTemplates) io.out(`${t.id.padEnd(width)}  ${t.title}`);
    return 0;
  },
};
