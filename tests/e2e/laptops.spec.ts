import type { FastifyInstance } from 'fastify';
import { fingerprint } from '../../electron/core/e2e/admission';
import { newDeviceKeys } from '../../electron/core/e2e/local-state';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from '../server/pg-harness';
import { expect, expectAccessible, test } from './fixtures';
import { SyncPage } from './pages/sync-page';

let db: TestDatabase;
let app: FastifyInstance;
let serviceUrl: string;
let org: string;
let manager: string;

test.beforeAll(async () => {
  db = await createTestDatabase();
  app = await buildServer({ pool: db.pool, authRateLimit: 1000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const a = app.server.address();
  serviceUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  org = await ops.createOrganisation(db.pool, 'Riverside Advocacy');
  manager = await ops.createUser(db.pool, org, 'Morgan Ellis', 'morgan@example.org', 'manager');
  await ops.createUser(db.pool, org, 'Sam Okafor', 'sam@example.org', 'advocate');
});

test.afterAll(async () => {
  await app.close();
  await db.drop();
});

/** Another laptop enrolling with the service part of a code and sending its public key, as Heard does at its first sync. */
async function laptopEnrolling(serviceCode: string): Promise<{ deviceId: string; fingerprint: string }> {
  const post = async (path: string, body: object, token?: string) =>
    (
      await fetch(`${serviceUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ v: PROTOCOL_VERSION, ...body }),
      })
    ).json();
  const e = await post('/v1/enrol', { code: serviceCode, deviceName: 'Sam’s laptop' });
  const keys = await newDeviceKeys();
  await post('/v1/keys/public-key', { publicKey: keys.publicKey.toString('base64url') }, e.accessToken);
  return { deviceId: e.deviceId, fingerprint: fingerprint(keys.publicKey) };
}

test('a manager prints the recovery key, issues a code, approves a laptop by its code and disconnects it', async ({
  unlockedApp: page,
}) => {
  const sync = new SyncPage(page);
  await sync.open();
  await sync.connect(serviceUrl, (await ops.issueEnrolmentCode(db.pool, manager)).code);
  await sync.syncNow();
  await page.getByRole('link', { name: 'Laptops and keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laptops' })).toBeVisible();

  const recovery = page.getByTestId('recovery-key');
  await expect(recovery.getByText(/cannot be read by anyone/)).toBeVisible();
  await expect(recovery.getByText(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)).toBeVisible();
  await expect(recovery.getByRole('button', { name: 'Print', exact: true })).toBeVisible();
  await expectAccessible(page);
  await recovery.getByRole('button', { name: 'I have printed it and put it away' }).click();
  await expect(recovery).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Person' }).fill('Sam');
  await page.getByRole('option', { name: 'Sam Okafor (advocate)' }).click();
  await page.getByRole('button', { name: 'Issue enrolment code' }).click();
  const issued = page.getByTestId('issued-code');
  await expect(issued.getByText(/\(UK time\)/)).toBeVisible();
  const code = (await issued.locator('code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3} · secret [A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);

  // A laptop that enrolled with the code's service part only (no secret, so no tag) waits for the manager to compare codes.
  const other = await laptopEnrolling(code.split(' · ')[0]!);
  await sync.open();
  await page.getByRole('link', { name: 'Laptops and keys' }).click();
  const waiting = page.getByTestId('waiting-laptop');
  await expect(waiting.getByText(other.fingerprint)).toBeVisible();
  await expectAccessible(page);
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await expect(waiting).toHaveCount(0);
  expect((await db.pool.query('SELECT epoch FROM wrapped_keys WHERE device_id = $1', [other.deviceId])).rows).toEqual([
    { epoch: 1 },
  ]);

  const row = page.getByTestId('laptop-row').filter({ hasText: 'Sam Okafor' });
  await expect(row.getByText(/holds the key/)).toBeVisible();
  await row.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/Disconnect Sam Okafor’s laptop “Sam’s laptop”\?/)).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Disconnect it' }).click();
  await expect(row.getByText('Disconnected')).toBeVisible();
  await expect
    .poll(
      async () =>
        (await db.pool.query('SELECT max(epoch)::int AS e FROM key_epochs WHERE organisation_id = $1', [org])).rows[0]
          .e,
    )
    .toBe(2);
});
