import type { ComplaintStage } from '../domain/complaint-deadlines';
import type { TipTapDoc } from './tiptap';

export interface LetterTemplate {
  id: string;
  title: string;
  /** One sentence: when to use this letter. */
  description: string;
  /** Who the letter goes to, in words. */
  recipient: string;
  /** The complaint stage this letter starts, when it starts one (so the tracker can offer to record it). */
  startsStage: ComplaintStage | null;
  /**
   * Formal letters (to a council, the IRO, the Ombudsman) name the young person by their legal
   * name with the name they use in brackets; letters to the young person use only the name they use.
   */
  formal: boolean;
  body: TipTapDoc;
}
