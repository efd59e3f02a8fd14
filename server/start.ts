import pg from 'pg';
import { buildServer } from './app';
import { loadConfig } from './config';
import { migrateServer } from './db/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = new pg.Pool({ connectionString: config.databaseUrl });
  const applied = await migrateServer(pool);
  if (applied.length) console.log(`Applied server migrations: ${applied.join(', ')}`);
  const app = await buildServer({ pool, logger: true, https: config.tls });
  await app.listen({ host: config.host, port: config.port });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
