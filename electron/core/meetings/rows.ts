import type { MeetingType, Presenter } from '../../../shared/domain/meetings';
import type { StatementSection } from '../../../shared/domain/meetings-templates';

/** Rows as SQLite returns them (JSON columns still text). */
export interface MeetingRow {
  id: string;
  case_id: string;
  meeting_type: MeetingType;
  type_other: string | null;
  meeting_date: string;
  start_time: string | null;
  place: string | null;
  chair: string | null;
  invitees: string | null;
  notes: string | null;
  created_at: string | null;
  deleted_at: string | null;
}

export interface StatementRow {
  id: string;
  case_id: string;
  meeting_id: string;
  template_id: string | null;
  presenter: Presenter | null;
  sections: string;
  current_version_id: string | null;
  agreed_version_id: string | null;
  agreed_on: string | null;
  agreed_how: string | null;
  agreement_note: string | null;
  created_at: string | null;
  updated_at: string | null;
  deleted_at: string | null;
}

export interface VersionRow {
  id: string;
  case_id: string;
  statement_id: string;
  sections: string;
  presenter: Presenter | null;
  saved_at: string;
  saved_in: 'advocate' | 'young_person_view';
}

export interface DebriefRow {
  id: string;
  case_id: string;
  meeting_id: string;
  attended: string | null;
  views_presented: string | null;
  decisions: string | null;
  wishes_reflected: string | null;
  actions: string | null;
  issues_moved: string | null;
  debriefed_on: string | null;
  notes: string | null;
  deleted_at: string | null;
}

/** JSON columns written by the Writer; a damaged value reads as empty rather than failing a screen. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const parseSections = (text: string | null): StatementSection[] => parseJson<StatementSection[]>(text, []);
