/**
 * One change to the service's PostgreSQL schema. Each migration file under server/migrations
 * exports one; `migrate.ts` lists them in order. The type lives here, apart from the list, so a
 * migration never imports the module that imports it.
 */
export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}
