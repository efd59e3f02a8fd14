import type { Db } from '../db/database';

/**
 * The extension point for a case's next dated thing. Features that keep dates for a case (meetings,
 * complaint deadlines) implement a provider; `next-events.ts` collects them. The type lives here, on
 * its own, so a feature implementing it never imports the collector that imports the feature.
 *
 * A provider returns, for the cases it knows, its earliest date on or after `today`, or a deadline
 * already missed (which then comes first).
 */
export type NextEvent = { date: string; label: string };
export type NextEventProvider = (db: Db, caseIds: readonly string[], today: string) => Map<string, NextEvent>;
