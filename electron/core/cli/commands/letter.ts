import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../../shared/ipc/errors';
import { findPlaceholders, getLetterTemplate, letterTemplates } from '../../../../shared/templates';
import { draftLetter, renderLetterPdf } from '../../letters/letters-service';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, unlockedCore } from '../open-core';

/** `heard letter`: a letter from a template for one case, straight to a PDF file (nothing is saved in the store). */
export const letterCommand: CliCommand = {
  name: 'letter',
  summary: 'Write a letter from a template for a case to a PDF file.',
  usage: 'letter --case REFERENCE --template TEMPLATE_ID --out FILE.pdf --data-dir DIR   (template ids: npm run heard -- templates)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { case: { type: 'string' }, template: { type: 'string' }, out: { type: 'string' }, 'data-dir': { type: 'string' } },
    });
    if (!values.case) throw new CliError('Say which case with --case REFERENCE.', 2);
    if (!values.template) throw new CliError('Say which letter with --template TEMPLATE_ID (see: npm run heard -- templates).', 2);
    if (!getLetterTemplate(values.template)) throw new CliError(`There is no template "${values.template}". See: npm run heard -- templates`, 2);
    if (!values.out) throw new CliError('Say where to write the PDF with --out FILE.pdf.', 2);
    const out = resolve(values.out);
    const core = await unlockedCore(dataDirFrom(values), io);
    try {
      const caseId = core.context.db().prepare('SELECT id FROM referrals WHERE reference = ? AND deleted_at IS NULL').pluck().get(values.case) as string | undefined;
      if (!caseId) throw new CliError(`There is no case with reference ${values.case}.`, 3);
      const draft = draftLetter(core.context, caseId, values.template, null);
      const { bytes, pages } = await renderLetterPdf(core.context, draft);
      writeFileSync(out, bytes, { mode: 0o600 });
      io.err('This PDF is outside the encrypted store. Keep it somewhere safe and delete it when it has been sent.');
      const left = findPlaceholders(draft.body).length;
      if (left > 0) io.err(`It still has ${left} placeholder${left === 1 ? '' : 's'} in [square brackets] to fill before it is sent.`);
      io.out(`Wrote ${pages} page${pages === 1 ? '' : 's'} to ${out}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) throw new CliError(e.message, 3);
      throw e;
    } finally {
      core.close();
    }
  },
};

/** `heard templates`: the letter template ids, one per line with its title. */
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
