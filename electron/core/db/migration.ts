import type { Db } from './database';

/** One schema step. Files are named `NNNN-kebab-name.ts` and listed in `migrations/index.ts`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
