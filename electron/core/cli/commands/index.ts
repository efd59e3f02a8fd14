import type { CliCommand } from '../command';
import { initCommand } from './init';
import { unlockCheckCommand } from './unlock-check';
import { auditCheckCommand } from './audit-check';

/** Every `npm run heard -- <command>`. Add yours here. */
export const commands: CliCommand[] = [initCommand, unlockCheckCommand, auditCheckCommand];
