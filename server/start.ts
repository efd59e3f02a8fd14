import pg from 'pg';
import { buildServer } from './app';
import { loadConfig } from './config';
import { migrateServer } from './db/migrate';
import { prepareTrial, startTrialDatabase } from './trial';

async function main(): Promise<void> {
  const config = loadConfig();
  const trial = config.databaseUrl ? null : await startTrialDatabase(config.trialDir);
  const pool = new pg.Pool({ connectionString: config.databaseUrl ?? trial!.url, ...(trial ? { max: 1 } : {}) });
  const applied = await migrateServer(pool);
  if (applied.length) console.log(`Applied server migrations: ${applied.join(', ')}`);
  const app = await buildServer({
    pool,
    logger: true,
    https: config.tls,
    accessLimits: { newCasesPerHour: config.newCasesPerHour, eraseCasesPerDay: config.eraseCasesPerDay },
    deviceRateLimits: config.deviceRateLimits,
    bytesPerDevicePerDay: config.bytesPerDevicePerDay,
    trustProxy: config.trustProxy,
  });
  await app.listen({ host: config.host, port: config.port });
  if (trial) {
    const { code, expiresAt } = await prepareTrial(pool);
    console.log(
      `\nTrial service on the embedded database in ${config.trialDir} (for trying Heard on this computer; set DATABASE_URL for real use).\n` +
        `In Heard, open Sync and connect with the service address http://127.0.0.1:${config.port}, enrolment code ${code} (once, before ${expiresAt.toISOString()}).\n`,
    );
  }
  const stop = async () => {
    await app.close();
    await pool.end();
    await trial?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
