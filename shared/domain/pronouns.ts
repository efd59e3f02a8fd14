/*
 * A young person's pronouns in the forms a sentence needs. The case records them as typed
 * ("he/him", "She / Her", "they/them/theirs", "xe/xem/xyr"); with none recorded, letters use the
 * young person's name instead of guessing.
 */

export interface PronounForms {
  /** "they", "he", "she", or the name. */
  subject: string;
  /** "them", "him", "her", or the name. */
  object: string;
  /** "their", "his", "her", or "Amira's". */
  possessive: string;
  /** "they are" but "he is", "Amira is". */
  are: string;
  /** "they have" but "she has", "Amira has". */
  have: string;
}

const known: Record<string, Omit<PronounForms, 'are' | 'have'> & { plural: boolean }> = {
  they: { subject: 'they', object: 'them', possessive: 'their', plural: true },
  he: { subject: 'he', object: 'him', possessive: 'his', plural: false },
  she: { subject: 'she', object: 'her', possessive: 'her', plural: false },
};

const possessiveOf = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

function byName(name: string): PronounForms {
  return { subject: name, object: name, possessive: possessiveOf(name), are: 'is', have: 'has' };
}

/**
 * The forms for what is recorded. The first recognised set wins ("he/they" gives he/him/his);
 * other sets typed as subject/object/possessive are used as given.
 */
export function pronounForms(recorded: string | null | undefined, name: string): PronounForms {
  const parts = (recorded ?? '')
    .toLowerCase()
    .split(/[\s/,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return byName(name);
  const first = parts.find((p) => p in known);
  if (first) {
    const k = known[first] as (typeof known)[string];
    return {
      subject: k.subject,
      object: k.object,
      possessive: k.possessive,
      are: k.plural ? 'are' : 'is',
      have: k.plural ? 'have' : 'has',
    };
  }
  if (parts.length >= 3)
    return {
      subject: parts[0] as string,
      object: parts[1] as string,
      possessive: parts[2] as string,
      are: 'is',
      have: 'has',
    };
  return byName(name);
}

/** "they" -> "They", leaving a name as it is. */
export const capitalise = (word: string): string => (word ? word[0]!.toUpperCase() + word.slice(1) : word);
