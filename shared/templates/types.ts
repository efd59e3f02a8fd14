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
  body: TipTapDoc;
}
