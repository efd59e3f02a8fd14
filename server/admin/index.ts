import { parseArgs } from 'node:util';
import pg from 'pg';
import { roleSchema } from '../../shared/sync/protocol';
import { loadConfig } from '../config';
import { migrateServer } from '../db/migrate';
import { purgeDeleted } from '../sync/purge-deleted';
import * as ops from './ops';
import { deviceLine, heldBackLine } from './print';
import { MOVED_TO_LAPTOP } from './moved';

const HELP = `Heard service administration

  npm run server-admin -- create-org --name "Service name"
  npm run server-admin -- add-user --org ORG --name "Name" --email EMAIL --role advocate|manager|admin
  npm run server-admin -- enrolment-code --org ORG --user EMAIL      (one-time, expires in 24 hours)
  npm run server-admin -- devices --org ORG
  npm run server-admin -- revoke-device --device DEVICE_ID
  npm run server-admin -- wipe-device --device DEVICE_ID
  npm run server-admin -- allocate --org ORG --case CASE_ID --user EMAIL   (also reallocates)
  npm run server-admin -- purge-deleted --org ORG --days N   (records deleted over N days ago,
                                                              once every active device has synced past)

ORG is the organisation's name or id. The database comes from DATABASE_URL.
The quarterly report and the retention review run on a manager's laptop (the service cannot read records).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Before the options are read: an old script's options for these would be refused as unknown.
  const moved = command ? MOVED_TO_LAPTOP[command] : undefined;
  if (moved) {
    console.error(moved);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      user: { type: 'string' },
      device: { type: 'string' },
      case: { type: 'string' },
      days: { type: 'string' },
    },
    strict: true,
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }

  const need = (k: keyof typeof values): string => {
    const v = values[k];
    if (!v) throw new Error(`--${k} is needed for ${command}.`);
    return v;
  };
  const databaseUrl = loadConfig().databaseUrl;
  // The trial database lives inside the running service's process; the service sets it up itself.
  if (!databaseUrl)
    throw new Error(
      "Set DATABASE_URL to the service's PostgreSQL database. (A trial service started without one sets itself up and prints an enrolment code.)",
    );
  const pool = new pg.Pool({ connectionString: databaseUrl });
  try {
    await migrateServer(pool);
    switch (command) {
      case 'create-org':
        console.log(`Organisation created: ${await ops.createOrganisation(pool, need('name'))}`);
        return 0;
      case 'add-user': {
        const role = roleSchema.parse(need('role'));
        const org = await ops.findOrganisation(pool, need('org'));
        console.log(`User created: ${await ops.createUser(pool, org, need('name'), need('email'), role)}`);
        return 0;
      }
      case 'enrolment-code': {
        const org = await ops.findOrganisation(pool, need('org'));
        const { code, expiresAt } = await ops.issueEnrolmentCode(pool, await ops.findUser(pool, org, need('user')));
        console.log(
          `Enrolment code: ${code}\nUse it once, before ${expiresAt.toISOString()}. It is not stored and cannot be shown again.`,
        );
        return 0;
      }
      case 'devices': {
        const rows = await ops.listDevices(pool, await ops.findOrganisation(pool, need('org')));
        if (!rows.length) console.log('No devices.');
        for (const d of rows) console.log(deviceLine(d));
        return 0;
      }
      case 'revoke-device':
      case 'wipe-device':
        await ops.setDeviceStatus(pool, need('device'), command === 'wipe-device' ? 'wipe' : 'revoked');
        console.log(
          command === 'wipe-device'
            ? 'The device will delete its records the next time it connects.'
            : 'The device can no longer sync and will delete its records when it next connects.',
        );
        return 0;
      case 'allocate': {
        const org = await ops.findOrganisation(pool, need('org'));
        const r = await ops.allocate(pool, org, need('case'), await ops.findUser(pool, org, need('user')));
        console.log(
          !r.changed
            ? 'Already allocated to that user.'
            : r.from
              ? 'Case reallocated; the previous holder’s devices will remove it.'
              : 'Case allocated.',
        );
        return 0;
      }
      case 'purge-deleted': {
        const days = Number(need('days'));
        if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a whole number of days, at least 1.');
        const r = await purgeDeleted(
          pool,
          await ops.findOrganisation(pool, need('org')),
          new Date(Date.now() - days * 24 * 60 * 60 * 1000),
        );
        console.log(
          `${r.records} deleted record(s) purged (${r.changes} logged change(s) removed). Every active device had synced up to change ${r.floor}; anything deleted after that is kept until they have.`,
        );
        if (r.heldBackBy.length) {
          console.log('Furthest behind (if one of these is lost or no longer used, revoke it so purges can go on):');
          for (const d of r.heldBackBy) console.log(heldBackLine(d));
        }
        return 0;
      }
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
