import { todayIso, formatUkDate } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { meetingTypeChildLabels, type Presenter } from '../../../shared/domain/meetings';
import {
  sameWords,
  sectionsFromTemplate,
  statementPlainText,
  templateById,
  type StatementSection,
} from '../../../shared/domain/meetings-templates';
import { fleschReadingEase } from '../../../shared/domain/readability';
import { AppError } from '../../../shared/ipc/errors';
import type { ChildStatement, Statement } from '../../../shared/ipc/meetings';
import type { AgreementMethod } from '../../../shared/domain/meetings';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';
import { meetingRow } from './meetings-service';
import { parseSections, type StatementRow, type VersionRow } from './rows';

export type SavedIn = VersionRow['saved_in'];

export function statementRow(db: Db, id: string): StatementRow {
  const row = db.prepare('SELECT * FROM meeting_statements WHERE id = ? AND deleted_at IS NULL').get(id) as
    StatementRow | undefined;
  if (!row) throw new AppError('not_found', 'That statement could not be found. It may have been deleted.');
  return row;
}

export function versionRow(db: Db, versionId: string): VersionRow {
  const row = db
    .prepare('SELECT * FROM meeting_statement_versions WHERE id = ? AND deleted_at IS NULL')
    .get(versionId) as VersionRow | undefined;
  if (!row) throw new AppError('not_found', 'That version of the statement could not be found.');
  return row;
}

const hasWords = (sections: readonly StatementSection[]): boolean => sections.some((s) => s.text.trim().length > 0);

/** The agreed version still says exactly what the statement says now, and is presented the same way. */
function agreementIsCurrent(db: Db, row: StatementRow, sections: StatementSection[]): boolean {
  if (!row.agreed_version_id) return false;
  const v = db.prepare('SELECT * FROM meeting_statement_versions WHERE id = ?').get(row.agreed_version_id) as
    VersionRow | undefined;
  return !!v && sameWords(parseSections(v.sections), sections) && v.presenter === row.presenter;
}

export function toStatement(db: Db, row: StatementRow): Statement {
  const sections = parseSections(row.sections);
  const current = agreementIsCurrent(db, row, sections);
  const versionCount = db
    .prepare('SELECT COUNT(*) FROM meeting_statement_versions WHERE statement_id = ? AND deleted_at IS NULL')
    .pluck()
    .get(row.id) as number;
  return {
    id: row.id,
    caseId: row.case_id,
    meetingId: row.meeting_id,
    templateId: row.template_id,
    presenter: row.presenter,
    sections,
    currentVersionId: row.current_version_id,
    versionCount,
    updatedAt: row.updated_at,
    agreement:
      row.agreed_version_id && row.agreed_on && row.agreed_how
        ? {
            versionId: row.agreed_version_id,
            agreedOn: row.agreed_on,
            how: row.agreed_how as AgreementMethod,
            note: row.agreement_note,
            current,
          }
        : null,
    canExport: current,
    readability: fleschReadingEase(statementPlainText(sections)),
  };
}

export const getStatement = (db: Db, id: string): Statement => toStatement(db, statementRow(db, id));

export function statementsForMeeting(db: Db, meetingId: string): Statement[] {
  const rows = db
    .prepare('SELECT * FROM meeting_statements WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(meetingId) as StatementRow[];
  return rows.map((r) => toStatement(db, r));
}

export function createStatement(ctx: CoreContext, meetingId: string, templateId: string): Statement {
  const meeting = meetingRow(ctx.db(), meetingId);
  const template = templateById(templateId);
  if (!template)
    throw new AppError('invalid_input', 'Choose one of the statement templates.', {
      fields: { templateId: 'Choose a template.' },
    });
  const id = uuidv7();
  const at = ctx.now().toISOString();
  ctx.write((w) =>
    w.upsert('meeting_statement', id, meeting.case_id, {
      case_id: meeting.case_id,
      meeting_id: meetingId,
      template_id: template.id,
      presenter: null,
      sections: sectionsFromTemplate(template),
      created_at: at,
      updated_at: at,
    }),
  );
  return getStatement(ctx.db(), id);
}

/** Saves the words; a change becomes a new version, so every saved wording can be read again. */
export function saveStatement(
  ctx: CoreContext,
  id: string,
  sections: StatementSection[],
  presenter: Presenter | null,
  savedIn: SavedIn,
): Statement {
  const db = ctx.db();
  const row = statementRow(db, id);
  const keys = new Set<string>();
  for (const s of sections) {
    if (keys.has(s.key))
      throw new AppError(
        'invalid_input',
        'Two parts of the statement have the same name. Reload the statement and try again.',
      );
    keys.add(s.key);
  }
  if (sameWords(parseSections(row.sections), sections) && row.presenter === presenter) return toStatement(db, row);
  const at = ctx.now().toISOString();
  const versionId = uuidv7();
  ctx.write((w) => {
    w.upsert('meeting_statement_version', versionId, row.case_id, {
      case_id: row.case_id,
      statement_id: id,
      sections,
      presenter,
      saved_at: at,
      saved_in: savedIn,
    });
    w.upsert('meeting_statement', id, row.case_id, {
      sections,
      presenter,
      current_version_id: versionId,
      updated_at: at,
    });
  });
  return getStatement(db, id);
}

export function agreeStatement(
  ctx: CoreContext,
  id: string,
  agreedOn: string,
  how: AgreementMethod,
  note: string | null,
): Statement {
  const db = ctx.db();
  const row = statementRow(db, id);
  const sections = parseSections(row.sections);
  if (!row.current_version_id || !hasWords(sections)) {
    throw new AppError(
      'conflict',
      'There are no saved words to agree yet. Write the statement with the young person and save it first.',
    );
  }
  if (agreedOn > todayIso(ctx.now()))
    throw new AppError('invalid_input', 'The date agreed cannot be in the future.', {
      fields: { agreedOn: 'Cannot be in the future.' },
    });
  ctx.write((w) =>
    w.upsert('meeting_statement', id, row.case_id, {
      agreed_version_id: row.current_version_id,
      agreed_on: agreedOn,
      agreed_how: how,
      agreement_note: note,
    }),
  );
  return getStatement(db, id);
}

/** Refuses unless the young person has agreed the words as they are now; returns the agreed version. */
export function requireAgreed(db: Db, id: string): { row: StatementRow; version: VersionRow } {
  const row = statementRow(db, id);
  if (!row.agreed_version_id) {
    throw new AppError(
      'forbidden',
      'This statement cannot be exported or shared yet: the young person has not agreed it. Read the final words back to them and record their agreement first.',
    );
  }
  if (!agreementIsCurrent(db, row, parseSections(row.sections))) {
    throw new AppError(
      'forbidden',
      'The words have changed since the young person agreed them. Read the new words back to them and record their agreement again before exporting.',
    );
  }
  return { row, version: versionRow(db, row.agreed_version_id) };
}

export function listVersions(db: Db, id: string) {
  const row = statementRow(db, id);
  const rows = db
    .prepare(
      'SELECT * FROM meeting_statement_versions WHERE statement_id = ? AND deleted_at IS NULL ORDER BY saved_at, id',
    )
    .all(id) as VersionRow[];
  return rows.map((v, i) => ({
    id: v.id,
    number: i + 1,
    savedAt: v.saved_at,
    savedIn: v.saved_in,
    words: statementPlainText(parseSections(v.sections).map((s) => ({ ...s, prompt: '' })))
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
    agreed: v.id === row.agreed_version_id,
  }));
}

/** Only the words: no name, case, reference or note, because the young person may be holding the laptop. */
export function childView(db: Db, id: string): ChildStatement {
  const row = statementRow(db, id);
  const meeting = db.prepare('SELECT meeting_type, meeting_date FROM meetings WHERE id = ?').get(row.meeting_id) as
    { meeting_type: keyof typeof meetingTypeChildLabels; meeting_date: string } | undefined;
  const heading = meeting
    ? `My views for my ${meetingTypeChildLabels[meeting.meeting_type]} on ${formatUkDate(meeting.meeting_date)}`
    : 'My views';
  return { id: row.id, heading, presenter: row.presenter, sections: parseSections(row.sections) };
}
