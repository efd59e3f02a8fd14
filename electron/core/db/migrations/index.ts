import type { Migration } from '../migration';
import { m0001 } from './0001-initial';
import { m0002 } from './0002-caseload';
import { m0003 } from './0003-fieldwork';
import { m0004 } from './0004-letters-complaints';
import { m0005 } from './0005-meetings';
import { m0006 } from './0006-sync';
import { m0007 } from './0007-feedback';
import { m0008 } from './0008-audit';
import { m0009 } from './0009-sync-clock';
import { m0010 } from './0010-sync-pending-tombstones';
import { m0011 } from './0011-council-codes';
import { m0013 } from './0013-corrections';
import { m0014 } from './0014-closure-and-rights';
import { m0015 } from './0015-letter-versions';
import { m0017 } from './0017-equality-facts';
import { m0018 } from './0018-systemic-issues';
import { m0019 } from './0019-organisation-keys';
import { m0020 } from './0020-enrolment-secrets';
import { m0021 } from './0021-laptop-roster';
import { m0023 } from './0023-service-people-and-allocations';
import { m0024 } from './0024-online-referrals';

/** In order. Add one file per migration and one line here. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0013,
  m0014,
  m0015,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0023,
  m0024,
];
