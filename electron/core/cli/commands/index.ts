import type { CliCommand } from '../command';
import { initCommand } from './init';
import { unlockCheckCommand } from './unlock-check';
import { importCommand } from './import';
import { casesCommand } from './cases';
import { demoDataCommand } from './demo-data';
import { reportCommand } from './report';
import { auditCheckCommand } from './audit-check';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { subjectAccessCommand } from './subject-access';
import { letterCommand, templatesCommand } from './letter';

/** Every `npm run heard -- <command>`. Add yours here. */
export const commands: CliCommand[] = [
  initCommand,
  unlockCheckCommand,
  importCommand,
  casesCommand,
  demoDataCommand,
  reportCommand,
  auditCheckCommand,
  backupCommand,
  restoreCommand,
  subjectAccessCommand,
  letterCommand,
  templatesCommand,
];
