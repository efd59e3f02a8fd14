import type { CliCommand } from '../command';
import { initCommand } from './init';
import { unlockCheckCommand } from './unlock-check';
import { importCommand } from './import';
import { casesCommand } from './cases';
import { demoDataCommand } from './demo-data';
import { reportCommand } from './report';
import { auditCheckCommand } from './audit-check';

/** Every `npm run heard -- <command>`. Add yours here. */
export const commands: CliCommand[] = [initCommand, unlockCheckCommand, importCommand, casesCommand, demoDataCommand, reportCommand, auditCheckCommand];
