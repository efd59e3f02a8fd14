import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from '../server/pg-harness';
import { expect, expectAccessible, test, waitForAppState } from './fixtures';
import { SyncPage } from './pages/sync-page';

let db: TestDatabase;
let app: FastifyInstance;
let serviceUrl: string;
let org: string;
let manager: string;

test.beforeAll(async () => {
  db = await createTestDatabase();
  // A service from before encryption: the other laptops here are raw clients sending plain values,
  // which a service with an organisation key refuses (keys and sealing: laptops.spec.ts, tests/sync).
  app = await buildServer({ pool: db.pool, authRateLimit: 1000, keys: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  serviceUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  org = await ops.createOrganisation(db.pool, 'Riverside Advocacy');
  manager = await ops.createUser(db.pool, org, 'Morgan Ellis', 'morgan@example.org', 'manager');
});

test.afterAll(async () => {
  await app.close();
  await db.drop();
});

/** Another manager's laptop, talking to the service directly. */
async function otherDevice(): Promise<(changes: object[]) => Promise<void>> {
  const { code } = await ops.issueEnrolmentCode(db.pool, manager);
  const e = await (
    await fetch(`${serviceUrl}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: PROTOCOL_VERSION, code, deviceName: 'office pc' }),
    })
  ).json();
  return async (changes) => {
    const r = await fetch(`${serviceUrl}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${e.accessToken}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, changes }),
    });
    expect(r.status).toBe(200);
  };
}

test('a manager connects with an enrolment code, sees sync status, and resolves a conflict from the badge', async ({
  unlockedApp: page,
}) => {
  const sync = new SyncPage(page);
  await sync.open();
  await waitForAppState(page, 'sync-status-not-connected');
  const { code } = await ops.issueEnrolmentCode(db.pool, manager);
  await sync.connect(serviceUrl, code);
  await expect(page.getByText('Riverside Advocacy')).toBeVisible();
  await expect(page.getByText(/Signed in as Morgan Ellis/)).toBeVisible();
  await expectAccessible(page);

  // Two other laptops change the same referral's request at once: the service keeps one, and the other as a conflict.
  const caseId = uuidv7();
  const change = (field: string, value: string, baseVersion = 0) => ({
    mutationId: uuidv7(),
    entity: 'referral',
    entityId: caseId,
    caseId,
    field,
    value,
    baseVersion,
    hlc: `${String(Date.now()).padStart(15, '0')}-00000-x`,
  });
  const first = await otherDevice();
  const second = await otherDevice();
  await first([change('reference', 'HRD-0042'), change('request', 'Wants help to see her brother')]);
  await second([change('request', 'Wants to change placement')]);

  await sync.syncNow();
  await expect(page.getByTestId('sync-last-synced')).toHaveText(/Last synced \d\d\/\d\d\/\d{4} at \d\d:\d\d/);
  await expect(sync.conflictBadge()).toHaveText('1');
  await page.getByRole('link', { name: 'Resolve conflicts' }).click();
  await waitForAppState(page, 'sync-conflicts-loaded');
  await expect(page.getByText('Wants help to see her brother')).toBeVisible();
  await expect(page.getByText('Wants to change placement')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Keep current' }).click();
  await waitForAppState(page, 'sync-conflict-resolved');
  await expect(page.getByText('No conflicts')).toBeVisible();
  await expect(sync.conflictBadge()).toHaveCount(0);

  // One laptop deletes the referral while the other changes it: the choice offered is whether it comes back.
  await first([change('deleted_at', new Date().toISOString())]);
  await second([change('request', 'Wants a new social worker', 1)]);
  await sync.open();
  await sync.syncNow();
  await expect(sync.conflictBadge()).toHaveText('1');
  await page.getByRole('link', { name: 'Resolve conflicts' }).click();
  await waitForAppState(page, 'sync-conflicts-loaded');
  await expect(page.getByText('This was changed on one computer while it was deleted on another.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bring it back with the other change' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep it deleted' }).click();
  await waitForAppState(page, 'sync-conflict-resolved');
  await expect(page.getByText('No conflicts')).toBeVisible();
});

test('a laptop wiped by the service removes its records and says why on the next start screen', async ({
  unlockedApp: page,
}) => {
  const sync = new SyncPage(page);
  await sync.open();
  const { code } = await ops.issueEnrolmentCode(db.pool, manager);
  await sync.connect(serviceUrl, code);
  const devices = await ops.listDevices(db.pool, org);
  // The laptop just connected: the newest active device that is not one of the other test laptops.
  const mine = devices
    .filter((d) => d.status === 'active' && d.name !== 'office pc')
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
    .at(-1)!;
  await ops.setDeviceStatus(db.pool, mine.id, 'wipe');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('heading', { name: 'Set up Heard on this computer' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Records removed from this computer' })).toContainText(
    'wiped',
  );
  await expect
    .poll(async () => (await ops.listDevices(db.pool, org)).find((d) => d.id === mine.id)!.status)
    .toBe('wiped');
});
