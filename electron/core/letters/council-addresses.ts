import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { councilAddressSchema, type CouncilAddress } from '../../../shared/ipc/letters';
import { writeFileAtomic } from '../fs/atomic-write';

/*
 * Councils' complaints addresses, as the service's advocates have recorded them. Nothing about a
 * child, so (like the letterhead) a plain JSON file beside the vault. A case names its council by
 * its local-authority field; `councilFor` is the one place that turns that into a council's name
 * and address, so a fixed list of councils can replace the lookup without touching the letters.
 */

const FILE = 'council-addresses.json';
const fileSchema = z.array(councilAddressSchema);

const key = (council: string): string => council.trim().toLowerCase().replace(/\s+/g, ' ');

export function listCouncilAddresses(dataDir: string): CouncilAddress[] {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return [];
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Adds or replaces a council's address; an empty address removes the council from the list. */
export function saveCouncilAddress(dataDir: string, entry: CouncilAddress): CouncilAddress[] {
  const others = listCouncilAddresses(dataDir).filter((c) => key(c.council) !== key(entry.council));
  const next = entry.complaintsAddress ? [...others, entry] : others;
  next.sort((a, b) => a.council.localeCompare(b.council));
  writeFileAtomic(join(dataDir, FILE), JSON.stringify(next, null, 2), 0o600);
  return next;
}

export interface CouncilDetails {
  name: string;
  complaintsAddress: string | null;
}

/** The council responsible for a case, from its local-authority field, with its address when known. */
export function councilFor(dataDir: string, localAuthority: string | null): CouncilDetails | null {
  const name = localAuthority?.trim();
  if (!name) return null;
  const found = listCouncilAddresses(dataDir).find((c) => key(c.council) === key(name));
  return { name, complaintsAddress: found?.complaintsAddress || null };
}
