import { parseArgs } from 'node:util';
import pg from 'pg';
import { roleSchema } from '../../shared/sync/protocol';
import { loadConfig } from '../config';
import { migrateServer } from '../db/migrate';
import * as ops from './ops';
import { reportCommand, reportOptions } from './report';

const HELP = `Heard service administration

  npm run server-admin -- create-org --name "Service name"
  npm run server-admin -- add-user --org ORG --name "Name" --email EMAIL --role advocate|manager|admin
  npm run server-admin -- enrolment-code --org ORG --user EMAIL      (one-time, expires in 24 hours)
  npm run server-admin -- devices --org ORG
  npm run server-admin -- revoke-device --device DEVICE_ID
  npm run server-admin -- wipe-device --device DEVICE_ID
  npm run server-admin -- allocate --org ORG --case CASE_ID --user EMAIL   (also reallocates)
  npm run server-admin -- report --org ORG --quarter 2026-Q2 [--format json|csv] [--out FILE]

ORG is the organisation's name or id. The database comes from DATABASE_URL.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, org: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, user: { type: 'string' }, device: { type: 'string' }, case: { type: 'string' }, ...reportOptions },
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
  const pool = new pg.Pool({ connectionString: loadConfig().databaseUrl });
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
        console.log(`Enrolment code: ${code}\nUse it once, before ${expiresAt.toISOString()}. It is not stored and cannot be shown again.`);
        return 0;
      }
      case 'devices': {
        const rows = await ops.listDevices(pool, await ops.findOrganisation(pool, need('org')));
        if (!rows.length) console.log('No devices.');
        for (const d of rows) console.log(`${d.id}  ${d.status.padEnd(8)}  ${d.email}  "${d.name}"  last seen ${d.last_seen_at?.toISOString() ?? 'never'}`);
        return 0;
      }
      case 'revoke-device':
      case 'wipe-device':
        await ops.setDeviceStatus(pool, need('device'), command === 'wipe-device' ? 'wipe' : 'revoked');
        console.log(command === 'wipe-device' ? 'The device will delete its records the next time it connects.' : 'The device can no longer sync and will delete its records when it next connects.');
        return 0;
      case 'allocate': {
        const org = await ops.findOrganisation(pool, need('org'));
        const r = await ops.allocate(pool, org, need('case'), await ops.findUser(pool, org, need('user')));
        console.log(!r.changed ? 'Already allocated to that user.' : r.from ? 'Case reallocated; the previous holder’s devices will remove it.' : 'Case allocated.');
        return 0;
      }
      case 'report':
        return await reportCommand(pool, await ops.findOrganisation(pool, need('org')), values);
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
