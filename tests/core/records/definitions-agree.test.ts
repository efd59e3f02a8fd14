import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations/index';
import { entityRegistry } from '../../../electron/core/db/entity-registry';
import { fromColumn, toColumn } from '../../../electron/core/db/columns';
import {
  advocateRecord,
  issueRecord,
  personRecord,
  referralRecord,
} from '../../../shared/domain/records/caseload-records';
import {
  columnOf,
  editableFields,
  entitySpecOf,
  fieldsSchema,
  formDefaults,
  recordFromRow,
  recordSchema,
  toColumns,
  type RecordDef,
} from '../../../shared/domain/records/define';
import {
  advocateSchema,
  issueSchema,
  personFieldsSchema,
  personSchema,
  referralFieldsSchema,
  referralSchema,
} from '../../../shared/domain/caseload';
import {
  actionInputSchema,
  actionSchema,
  contactInputSchema,
  contactSchema,
  noteSchema,
  observationInputSchema,
  observationSchema,
  wishesInputSchema,
  wishesSchema,
} from '../../../shared/domain/fieldwork';
import {
  amendmentSchema,
  safeguardingInputSchema,
  safeguardingRecordSchema,
} from '../../../shared/domain/fieldwork-safeguarding';
import {
  fieldworkRecords,
  actionRecord,
  contactRecord,
  noteRecord,
  observationRecord,
  safeguardingAmendmentRecord,
  safeguardingRecord,
  wishesRecord,
} from '../../../shared/domain/records/fieldwork-records';
import {
  meetingsRecords,
  debriefRecord,
  meetingRecord,
  statementRecord,
  statementVersionRecord,
} from '../../../shared/domain/records/meetings-records';
import { lettersRecords, complaintRecord, letterRecord } from '../../../shared/domain/records/letters-records';
import {
  debriefFieldsSchema,
  debriefSchema,
  meetingFieldsSchema,
  meetingSchema,
  statementSchema,
  versionSummarySchema,
} from '../../../shared/ipc/meetings';
import { complaintFieldsSchema, complaintSchema, letterSchema } from '../../../shared/ipc/letters';
import {
  reportsRecords,
  feedbackFormRecord,
  systemicIssueRecord,
} from '../../../shared/domain/records/reports-records';
import { correctionRecord } from '../../../shared/domain/records/correction-record';
import { teamRecords } from '../../../shared/domain/records/team-records';
import { correctionSchema } from '../../../shared/domain/corrections';
import { feedbackFormInputSchema, feedbackFormSchema } from '../../../shared/ipc/reports';
import { systemicIssueInputSchema, systemicIssueSchema } from '../../../shared/ipc/systemic-issues';

const db = openEncrypted(join(mkdtempSync(join(tmpdir(), 'heard-defs-')), 'test.db'), randomBytes(32));
migrate(db, migrations);
afterAll(() => db.close());

const tableColumns = (table: string) =>
  db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
const definitions: RecordDef[] = [personRecord, referralRecord, issueRecord, advocateRecord];
const otherDefinitions: RecordDef[] = [
  ...fieldworkRecords,
  ...meetingsRecords,
  ...lettersRecords,
  ...reportsRecords,
  correctionRecord,
  ...teamRecords,
];

describe('every synced entity agrees with its table', () => {
  it.each(Object.entries(entityRegistry))(
    '%s: each field it syncs is a column, and each column of its table is synced',
    (entity, spec) => {
      const columns = tableColumns(spec.table);
      expect(columns, `table ${spec.table} for ${entity}`).toEqual(expect.arrayContaining(['id', 'deleted_at']));
      // A field the registry names but the table lacks fails at the first write; a column the registry
      // leaves out is never synced, so an edit to it would stay on one computer.
      expect([...spec.fields].sort()).toEqual(columns.filter((c) => c !== 'id' && c !== 'deleted_at').sort());
      for (const f of [...(spec.jsonFields ?? []), ...(spec.booleanFields ?? [])]) expect(spec.fields).toContain(f);
    },
  );
});

describe('the caseload definitions are the registry and the schemas', () => {
  it.each(definitions.map((d) => [d.entity, d] as const))(
    '%s: the registry entry is read from the definition',
    (entity, def) => {
      expect(entityRegistry[entity]).toEqual(entitySpecOf(def));
    },
  );

  it('the IPC schemas are the definitions, field for field', () => {
    const keys = (s: unknown) => Object.keys((s as { shape: object }).shape).sort();
    expect(keys(personSchema)).toEqual(['id', ...Object.keys(personRecord.fields)].sort());
    expect(keys(referralSchema)).toEqual(['id', ...Object.keys(referralRecord.fields)].sort());
    expect(keys(issueSchema)).toEqual(['id', ...Object.keys(issueRecord.fields)].sort());
    expect(keys(advocateSchema)).toEqual(['id', ...Object.keys(advocateRecord.fields)].sort());
    // Fields only Heard sets (allocation, closure) cannot come in from a form.
    expect(keys(referralFieldsSchema)).not.toContain('allocatedTo');
    expect(keys(referralFieldsSchema)).not.toContain('status');
    expect(keys(personFieldsSchema)).toContain('interpreterNeeded');
    expect(keys(fieldsSchema(referralRecord))).toEqual(Object.keys(formDefaults(referralRecord)).sort());
  });

  it('a record written from a form reads back the same, through the store and the schema', () => {
    const person = {
      kind: 'parent',
      firstName: 'Amal',
      lastName: 'Haddad',
      preferredName: '',
      dateOfBirth: '1990-02-03',
      gender: 'other',
      genderDescription: 'in their words',
      pronouns: 'they/them',
      firstLanguage: 'Arabic',
      interpreterNeeded: true,
      interpreterLanguage: 'Arabic',
      communicationNeeds: 'Short sentences',
      disability: null,
      ethnicity: 'MWAS',
      disabilityStatus: 'not_known',
      statusTags: ['CP', 'SEND'],
      localAuthority: 'Kent',
      placementType: null,
      placementInArea: false,
      placementAddress: null,
      keyContacts: [{ role: 'social_worker', name: 'Sam Reid', phone: '01234 567890' }],
    } as const;
    const parsed = personFieldsSchema.parse(person);
    const spec = entitySpecOf(personRecord);
    const stored = Object.fromEntries(
      Object.entries(toColumns(personRecord, parsed)).map(([c, v]) => [c, toColumn(spec, c, v)]),
    );
    const cols = Object.keys(stored);
    db.prepare(`INSERT INTO people (id, ${cols.join(', ')}) VALUES ('p1', ${cols.map(() => '?').join(', ')})`).run(
      ...Object.values(stored),
    );
    const back = recordFromRow(personRecord, db.prepare("SELECT * FROM people WHERE id = 'p1'").get() as object);
    // Empty text is stored as "not recorded"; a council named in words is kept as its ONS code; everything else comes back as it went in.
    expect(back).toEqual({
      id: 'p1',
      personReference: null,
      ...person,
      preferredName: null,
      localAuthority: 'E10000016',
    });
    expect(personSchema.parse(back)).toEqual(back);
    expect(fromColumn(spec, columnOf(personRecord, 'interpreterNeeded'), stored.interpreter_needed)).toBe(true);
  });

  it('an edit form saves every field a form may set: one added to the definition cannot be dropped on save', () => {
    const referral = referralSchema.parse({
      ...Object.fromEntries(Object.keys(referralRecord.fields).map((k) => [k, null])),
      id: 'r1',
      reference: 'R26-AAAAA',
      urgency: 'high',
      advocacyType: 'instructed',
      status: 'open',
      request: 'Help with my PEP',
      confidentialityExplained: true,
    });
    const sent = editableFields(referralRecord, referral);
    // Empty fields go too (as "cleared"), except those a form cannot clear, which stay as they are.
    expect(Object.keys(sent).sort()).toEqual(
      Object.keys(fieldsSchema(referralRecord).shape)
        .filter((k) => k !== 'referralDate' && k !== 'serviceUserType')
        .sort(),
    );
    expect(sent).toMatchObject({ urgency: 'high', request: 'Help with my PEP', confidentialityExplained: true });
    expect(sent).not.toHaveProperty('status');
    // The new-referral form keeps the person's and the referral's fields side by side: no name may be both.
    const personKeys = Object.keys(formDefaults(personRecord));
    expect(Object.keys(formDefaults(referralRecord)).filter((k) => personKeys.includes(k))).toEqual([]);
  });

  it('a form that leaves a field out sends nothing for it, so saving never clears what it did not show', () => {
    expect(toColumns(referralRecord, { request: 'More contact', urgency: undefined })).toEqual({
      request: 'More contact',
    });
  });

  it('read-back schemas accept what older versions stored (longer text than a form now allows)', () => {
    const long = 'x'.repeat(6000);
    expect(() =>
      issueSchema.parse({
        id: 'i',
        caseId: 'c',
        code: 'OTHER',
        description: long,
        wantedOutcome: null,
        status: 'open',
        outcome: null,
        outcomeNote: null,
        closedOn: null,
      }),
    ).not.toThrow();
    expect(() =>
      recordSchema(issueRecord).parse({
        id: 'i',
        caseId: 'c',
        code: 'NOPE',
        description: null,
        wantedOutcome: null,
        status: 'open',
        outcome: null,
        outcomeNote: null,
        closedOn: null,
      }),
    ).toThrow();
  });
});

const keysOf = (schema: unknown): string[] => Object.keys((schema as { shape: object }).shape).sort();

/**
 * Field work's, meetings', letters' and the report's records, and the corrections history: each definition is the registry entry, and the
 * schema the app reads each record with has exactly the definition's fields, apart from figures
 * worked out when it is read (`computed`) and columns the screens show another way (`hidden`).
 */
const recordSchemas: Array<[RecordDef, unknown, { computed?: string[]; hidden?: string[] }]> = [
  [contactRecord, contactSchema, { computed: ['noteCount'] }],
  [noteRecord, noteSchema, { computed: ['versionCount'] }],
  [wishesRecord, wishesSchema, {}],
  [observationRecord, observationSchema, {}],
  [actionRecord, actionSchema, {}],
  [safeguardingRecord, safeguardingRecordSchema, { computed: ['amendmentCount'] }],
  [safeguardingAmendmentRecord, amendmentSchema, { hidden: ['recordId', 'caseId'] }],
  [meetingRecord, meetingSchema, { computed: ['caseLabel', 'statementCount', 'debriefed'] }],
  // The agreement is returned as one object, and whether it still matches the words.
  [
    statementRecord,
    statementSchema,
    {
      computed: ['versionCount', 'agreement', 'canExport', 'readability'],
      hidden: ['agreedVersionId', 'agreedOn', 'agreedHow', 'agreementNote', 'createdAt'],
    },
  ],
  // Versions are listed as summaries; their words are opened one version at a time.
  [
    statementVersionRecord,
    versionSummarySchema,
    { computed: ['number', 'words', 'agreed'], hidden: ['caseId', 'statementId', 'sections', 'presenter'] },
  ],
  // A meeting has one debrief, found by the meeting's id.
  [debriefRecord, debriefSchema, { computed: ['outcome'], hidden: ['id'] }],
  [complaintRecord, complaintSchema, { computed: ['letters', 'deadlines', 'overdue', 'nextDue', 'nextStep'] }],
  [letterRecord, letterSchema, { computed: ['correctedBy'] }],
  [feedbackFormRecord, feedbackFormSchema, {}],
  [systemicIssueRecord, systemicIssueSchema, {}],
  [correctionRecord, correctionSchema, {}],
];

/** What a form may send for each record: every key is one of the definition's fields. */
const inputSchemas: Array<[RecordDef, unknown]> = [
  [contactRecord, contactInputSchema],
  [wishesRecord, wishesInputSchema],
  [observationRecord, observationInputSchema],
  [actionRecord, actionInputSchema],
  [safeguardingRecord, safeguardingInputSchema],
  [meetingRecord, meetingFieldsSchema],
  [debriefRecord, debriefFieldsSchema],
  [complaintRecord, complaintFieldsSchema],
  [feedbackFormRecord, feedbackFormInputSchema],
  [systemicIssueRecord, systemicIssueInputSchema],
];

describe("the other features' definitions are the registry and agree with the schemas", () => {
  it.each(otherDefinitions.map((d) => [d.entity, d] as const))(
    '%s: the registry entry is read from the definition',
    (entity, def) => {
      expect(entityRegistry[entity]).toEqual(entitySpecOf(def));
    },
  );

  it('every synced record has one definition, and every definition is in the registry', () => {
    const defined = [...definitions, ...otherDefinitions].map((d) => d.entity);
    expect(new Set(defined).size).toBe(defined.length);
    // A record listed in the registry by hand, without a definition, would be kept in step by hand again.
    expect(Object.keys(entityRegistry).sort()).toEqual([...defined].sort());
  });

  it.each(recordSchemas.map(([def, schema, extra]) => [def.entity, def, schema, extra] as const))(
    '%s: the record the app reads has the definition’s fields',
    (_entity, def, schema, { computed = [], hidden = [] }) => {
      const expected = ['id', ...Object.keys(def.fields), ...computed].filter((k) => !hidden.includes(k)).sort();
      expect(keysOf(schema)).toEqual(expected);
    },
  );

  it.each(inputSchemas.map(([def, schema]) => [def.entity, def, schema] as const))(
    '%s: a form sends only fields of the definition',
    (_entity, def, schema) => {
      const known = ['id', ...Object.keys(def.fields)];
      expect(keysOf(schema).filter((k) => !known.includes(k))).toEqual([]);
    },
  );
});
