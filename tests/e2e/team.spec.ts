import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { createTestDatabase, type TestDatabase } from '../server/pg-harness';
import { rawDevice } from '../server/service-client';
import { E2E_PASSPHRASE, expect, expectAccessible, test } from './fixtures';
import { SyncPage } from './pages/sync-page';
import { TeamPage } from './pages/team-page';
import { VaultPage } from './pages/vault-page';
import { WebHostProcess } from './web-host-process';

let db: TestDatabase;
let app: FastifyInstance;
let serviceUrl: string;
let org: string;
let users: { m: string; a: string; b: string };

test.beforeAll(async () => {
  db = await createTestDatabase();
  app = await buildServer({ pool: db.pool, authRateLimit: 1000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  serviceUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  org = await ops.createOrganisation(db.pool, 'Riverside Advocacy');
  users = {
    m: await ops.createUser(db.pool, org, 'Morgan Ellis', 'morgan@example.org', 'manager'),
    a: await ops.createUser(db.pool, org, 'Ada Okafor', 'ada@example.org', 'advocate'),
    b: await ops.createUser(db.pool, org, 'Bola Reid', 'bola@example.org', 'advocate'),
  };
});

test.afterAll(async () => {
  await app.close();
  await db.drop();
});

test("a manager allocates a referral to an advocate: the advocate's laptop receives it, the previous holder's is told to purge it", async ({
  unlockedApp: page,
  browser,
}) => {
  // Ada's laptop took the referral in; the case is hers on the service.
  const ada = await rawDevice(app, db.pool, users.a);
  const caseId = uuidv7();
  const personId = uuidv7();
  const referred = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
  const pushed = await ada.push([
    { entity: 'person', entityId: personId, caseId, field: 'first_name', value: 'Keziah' },
    { entity: 'person', entityId: personId, caseId, field: 'last_name', value: 'Marsh' },
    { entity: 'referral', entityId: caseId, caseId, field: 'reference', value: 'R26-TEAM1' },
    { entity: 'referral', entityId: caseId, caseId, field: 'person_id', value: personId },
    { entity: 'referral', entityId: caseId, caseId, field: 'status', value: 'awaiting_allocation' },
    { entity: 'referral', entityId: caseId, caseId, field: 'urgency', value: 'urgent' },
    { entity: 'referral', entityId: caseId, caseId, field: 'referral_date', value: referred },
  ]);
  expect(pushed.status).toBe(200);

  // The manager's laptop connects, receives every case, and shows the team.
  const sync = new SyncPage(page);
  await sync.open();
  await sync.connect(serviceUrl, (await ops.issueEnrolmentCode(db.pool, users.m)).code);
  await sync.syncNow();
  const team = new TeamPage(page);
  await team.openTeam();
  await expect(page.getByTestId('team-urgent')).toContainText('Keziah Marsh');
  await expect(page.getByTestId('team-waiting')).toContainText('5 days');
  await expect(page.getByTestId('team-advocates')).toContainText('Bola Reid');
  await expectAccessible(page);

  await team.allocate('Keziah Marsh', 'Bola Reid');
  await sync.open();
  await sync.syncNow();
  await expect
    .poll(
      async () =>
        (await db.pool.query('SELECT user_id FROM allocations WHERE case_id = $1', [caseId])).rows[0]?.user_id,
    )
    .toBe(users.b);
  const toAda = await ada.pullAll();
  expect(toAda.changes.filter((c) => c.caseId === caseId).map((c) => c.kind)).toContain('purge');

  // People: the service's list, add a person, and a confirmation that names whose account closes.
  await team.openPeople();
  const people = page.getByRole('table', { name: "The service's people" });
  await expect(people).toContainText('Ada Okafor');
  await expect(people).toContainText('bola@example.org');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: /^Name/ }).fill('Sam Patel');
  await page.getByLabel('Email address').fill('sam@example.org');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(people).toContainText('Sam Patel');
  await page.getByRole('button', { name: "Close Sam Patel's account" }).click();
  const confirm = page.getByRole('dialog', { name: "Close Sam Patel's account?" });
  await expect(confirm).toContainText('ask them to sync first');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Close account' }).click();
  await expect(people.getByRole('row', { name: /Sam Patel/ })).toContainText('Closed on');

  // Bola's enrolment code comes from the manager's Laptops screen, with a secret part the service never sees.
  await sync.open();
  await page.getByRole('link', { name: 'Laptops and keys' }).click();
  await page.getByRole('combobox', { name: 'Person' }).fill('Bola');
  await page.getByRole('option', { name: 'Bola Reid (advocate)' }).click();
  await page.getByRole('button', { name: 'Issue enrolment code' }).click();
  const bolaCode = (await page.getByTestId('issued-code').locator('code').textContent())!;

  // Bola's laptop connects, is given the organisation's key by the manager's laptop, and receives the whole case.
  const dir = mkdtempSync(join(tmpdir(), 'heard-e2e-bola-'));
  const bolaHost = new WebHostProcess(dir);
  await bolaHost.start();
  const bola = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  try {
    await bola.goto(bolaHost.url);
    await new VaultPage(bola).setUp(E2E_PASSPHRASE);
    const bolaSync = new SyncPage(bola);
    await bolaSync.open();
    await bolaSync.connect(serviceUrl, bolaCode);
    await bolaSync.syncNow();
    await sync.open();
    await sync.syncNow();
    await bolaSync.syncNow();
    await expect(
      bola.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team', exact: true }),
    ).toHaveCount(0);
    await bola.goto(`${bolaHost.url}#/caseload/${caseId}`);
    await expect(bola.getByText('Keziah Marsh').first()).toBeVisible();
    await expect(bola.getByText('R26-TEAM1').first()).toBeVisible();
  } finally {
    await bola.context().close();
    await bolaHost.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
