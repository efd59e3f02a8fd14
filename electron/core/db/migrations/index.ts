import type { Migration } from '../migration';
import { m0001 } from './0001-initial';

/** In order. Add one file per migration and one line here. */
export const migrations: readonly Migration[] = [m0001];
