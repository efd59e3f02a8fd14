import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore } from '../open-core';

export const subjectAccessCommand: CliCommand = {
  name: 'subject-access',
  summary: 'Export everything held about one person (from one of their cases) as a JSON file and a PDF bundle.',
  usage: 'subject-access --data-dir DIR (--case ID | --person ID) --out FOLDER   (passphrase from HEARD_PASSPHRASE)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        case: { type: 'string' },
        person: { type: 'string' },
        out: { type: 'string' },
      },
    });
    if (!values.case && !values.person)
      throw new CliError('Say whose records to export with --case ID or --person ID.', 2);
    if (!values.out) throw new CliError('Say which folder to write the files to with --out FOLDER.', 2);
    const outDir = resolve(values.out);
    const who = {
      ...(values.case ? { caseId: values.case } : {}),
      ...(values.person ? { personId: values.person } : {}),
    };
    return withStore(dataDirFrom(values), io, async (call) => {
      const r = await call('subjectAccess.export', who);
      mkdirSync(outDir, { recursive: true, mode: 0o700 });
      const jsonPath = join(outDir, r.json.fileName);
      const pdfPath = join(outDir, r.pdf.fileName);
      if (existsSync(jsonPath) || existsSync(pdfPath))
        throw new CliError(
          `${outDir} already holds a subject access export from today. Choose another folder; nothing was overwritten.`,
          2,
        );
      writeFileSync(jsonPath, r.json.text, { mode: 0o600, flag: 'wx' });
      writeFileSync(pdfPath, Buffer.from(r.pdf.base64, 'base64'), { mode: 0o600, flag: 'wx' });
      io.out(
        `Wrote ${r.records} records from ${r.cases} case(s) to ${jsonPath} and ${pdfPath} (${r.pdf.pages} pages). These files are not encrypted: keep them safe.`,
      );
      return 0;
    });
  },
};
