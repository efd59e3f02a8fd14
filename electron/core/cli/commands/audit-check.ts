import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { dataDirFrom, withStore } from '../open-core';

const KIND_TEXT = {
  altered: 'its contents no longer match its hash (it was changed after it was written)',
  unlinked: 'it does not follow on from the entry before it (entries were removed, inserted or reordered)',
  truncated: 'entries are missing from the end of the trail',
} as const;

export const auditCheckCommand: CliCommand = {
  name: 'audit-check',
  summary: 'Check the audit trail’s hash chain; exit 0 when intact, 5 and the first broken link otherwise.',
  usage: 'audit-check --data-dir DIR   (passphrase from HEARD_PASSPHRASE, or asked for)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
    return withStore(dataDirFrom(values), io, async (call) => {
      const report = await call('audit.check', {});
      if (!report.firstBreak) {
        io.out(`The audit trail is intact: ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'} checked.`);
        return 0;
      }
      io.out(`The audit trail is broken at entry ${report.firstBreak.seq}: ${KIND_TEXT[report.firstBreak.kind]}.`);
      return 5;
    });
  },
};
