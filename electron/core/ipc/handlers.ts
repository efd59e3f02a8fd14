import type { Handlers } from './handler-types';
import { draftsHandlers } from './drafts-handlers';
import { lettersHandlers } from '../letters/handlers';
import { caseloadHandlers } from '../caseload/handlers';
import { councilHandlers } from '../caseload/council-handlers';
import { reportsHandlers } from '../reports/reports-handlers';
import { systemicIssuesHandlers } from '../reports/systemic-issues-handlers';
import { meetingsHandlers } from '../meetings/handlers';
import { fieldworkHandlers } from '../fieldwork/handlers';
import { auditHandlers } from '../audit/audit-handlers';
import { backupHandlers } from '../backup/backup-handlers';
import { retentionHandlers } from '../retention/retention-handlers';
import { subjectAccessHandlers } from '../subject-access/subject-access-handlers';
import { syncHandlers } from '../sync/handlers';
import { laptopHandlers } from '../e2e/laptop-handlers';
import { intakeHandlers } from '../intake/handlers';
import { teamHandlers } from '../team/handlers';
import { settingsHandlers, vaultHandlers } from './vault-handlers';

/** Every method of the contract has exactly one handler; TypeScript fails the build otherwise. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...lettersHandlers,
  ...settingsHandlers,
  ...draftsHandlers,
  ...caseloadHandlers,
  ...councilHandlers,
  ...reportsHandlers,
  ...systemicIssuesHandlers,
  ...meetingsHandlers,
  ...fieldworkHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...subjectAccessHandlers,
  ...syncHandlers,
  ...laptopHandlers,
  ...intakeHandlers,
  ...teamHandlers,
};
