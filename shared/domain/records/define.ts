import { z } from 'zod';
import { storedCouncil } from '../council-match';
import { isIsoDate } from '../dates';

/**
 * The building blocks of a record definition (see `caseload-records.ts` for how to add a field).
 * A definition lists each field once, with what it is; the zod schemas, the stored columns, the
 * row mapping, the form's starting values and the words on screen are all read from it.
 */
export type FieldKind = 'text' | 'longText' | 'date' | 'yesNo' | 'integer' | 'number' | 'code' | 'codes' | 'json';

interface FieldOptions {
  /** Never empty in the record (the store or the service fills it); a form cannot clear it. */
  readonly required?: boolean;
  /** A form may change it but not clear it (it was needed when the record was made). */
  readonly keep?: boolean;
  /** Set by Heard itself (allocation, closure, references), never by a form. */
  readonly system?: boolean;
  /** The stored column, when it is not the field's name in snake_case. */
  readonly column?: string;
  /** The referral spreadsheet's column for this field, when it can be imported. */
  readonly importColumn?: string;
  /** A short help line shown under the field's input. */
  readonly hint?: string;
  /** Text chosen from a fixed list rather than typed: which list (a council, kept by ONS code). */
  readonly list?: 'council';
}

export interface FieldSpec<S extends z.ZodType = z.ZodType, K extends FieldKind = FieldKind> extends FieldOptions {
  readonly kind: K;
  /** Checks what a form, the command line or an import may set. */
  readonly input: S;
  /** Checks the value as read back (no trimming or length limits: older data stays readable). */
  readonly output: z.ZodType;
  /** The words an advocate sees beside the field. */
  readonly label: string;
  /** For codes: the choices and their words. */
  readonly choices?: Readonly<Record<string, string>>;
  /** For yes/no fields asked as a choice: the words for each answer (else a tick box). */
  readonly answers?: { readonly yes: string; readonly no: string };
  /** What a new form starts with (and what a new record gets when a required field is not given). */
  readonly initial?: unknown;
}

type Flags<O extends FieldOptions> = {
  readonly required: O['required'] extends true ? true : false;
  readonly keep: O['keep'] extends true ? true : false;
  readonly system: O['system'] extends true ? true : false;
  readonly column: O['column'] extends string ? O['column'] : undefined;
  readonly importColumn: O['importColumn'] extends string ? O['importColumn'] : undefined;
};
type Made<S extends z.ZodType, K extends FieldKind, O extends FieldOptions> = FieldSpec<S, K> & Flags<O>;

function make<S extends z.ZodType, K extends FieldKind, O extends FieldOptions>(
  kind: K,
  input: S,
  output: z.ZodType,
  label: string,
  o: O,
  extra: Partial<FieldSpec> = {},
): Made<S, K, O> {
  return { ...o, ...extra, kind, input, output, label } as unknown as Made<S, K, O>;
}

export const isoDateSchema = z.string().refine(isIsoDate, 'Enter a real date.');

/** Field makers: `text('Pronouns', { max: 100 })`, `code(urgencies, urgencyLabels, 'Urgency', { required: true })`. */
export const field = {
  text: <const O extends FieldOptions>(label: string, o: O & { max: number }) =>
    make('text', z.string().trim().max(o.max), z.string(), label, o, { initial: '' }),
  longText: <const O extends FieldOptions>(label: string, o: O & { max: number }) =>
    make('longText', z.string().trim().max(o.max), z.string(), label, o, { initial: '' }),
  /** A council from the fixed list, kept by ONS code; words that name exactly one council are kept as its code. */
  council: <const O extends FieldOptions>(label: string, o: O = {} as O) =>
    make(
      'text',
      z.string().trim().max(200).transform(storedCouncil),
      z.string(),
      label,
      { ...o, list: 'council' as const },
      { initial: '' },
    ),
  date: <const O extends FieldOptions>(label: string, o: O = {} as O) =>
    make('date', isoDateSchema, z.string(), label, o, { initial: null }),
  yesNo: <const O extends FieldOptions>(
    label: string,
    o: O & { answers?: { yes: string; no: string }; initial?: boolean | null } = {} as O,
  ) =>
    make('yesNo', z.boolean(), z.boolean(), label, o, {
      initial: o.initial === undefined ? null : o.initial,
      ...(o.answers ? { answers: o.answers } : {}),
    }),
  integer: <const O extends FieldOptions>(label: string, o: O = {} as O) =>
    make('integer', z.number().int(), z.number().int(), label, o, { initial: null }),
  /** A measure that may have a fraction (miles). */
  number: <const O extends FieldOptions>(label: string, o: O = {} as O) =>
    make('number', z.number(), z.number(), label, o, { initial: null }),
  code: <const C extends string, const O extends FieldOptions>(
    codes: readonly [C, ...C[]],
    choices: Record<C, string>,
    label: string,
    o: O & { initial?: C } = {} as O,
  ) => make('code', z.enum(codes), z.enum(codes), label, o, { choices, initial: o.initial ?? null }),
  codes: <const C extends string, const O extends FieldOptions>(
    codes: readonly [C, ...C[]],
    choices: Record<C, string>,
    label: string,
    o: O = {} as O,
  ) => make('codes', z.array(z.enum(codes)), z.array(z.enum(codes)), label, o, { choices, initial: [] }),
  json: <S extends z.ZodType, const O extends FieldOptions>(schema: S, label: string, o: O & { initial: z.infer<S> }) =>
    make('json', schema, schema, label, o, { initial: o.initial }),
};

export type Fields = Record<
  string,
  FieldSpec & {
    readonly required: boolean;
    readonly keep: boolean;
    readonly system: boolean;
    readonly column: string | undefined;
  }
>;

export interface RecordDef<F extends Fields = Fields> {
  /** The name in the outbox and on the wire. */
  readonly entity: string;
  readonly table: string;
  readonly fields: F;
  /** Extra stored columns that sync but are not shown (e.g. `created_at`). */
  readonly extraColumns: readonly string[];
}

export function defineRecord<const F extends Fields>(
  entity: string,
  table: string,
  fields: F,
  extraColumns: readonly string[] = [],
): RecordDef<F> {
  return { entity, table, fields, extraColumns };
}

// ---- Types read from a definition -------------------------------------------------------------

type Value<S> = S extends FieldSpec<infer Z> ? z.infer<Z> : never;
type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
type ColumnName<F, K extends keyof F & string> = F[K] extends { column: infer C extends string } ? C : Snake<K>;
type Stored<S> = S extends { kind: 'yesNo' | 'integer' | 'number' } ? number : string;

/** The record as the app sees it. */
export type RecordOf<F> = { id: string } & {
  -readonly [K in keyof F]: F[K] extends { required: true } ? Value<F[K]> : Value<F[K]> | null;
};
/** The row as stored. */
export type RowOf<F> = { id: string; deleted_at: string | null } & {
  -readonly [K in keyof F & string as ColumnName<F, K>]: F[K] extends { required: true }
    ? Stored<F[K]>
    : Stored<F[K]> | null;
};
export type EditableKey<F> = { [K in keyof F]: F[K] extends { system: true } ? never : K }[keyof F] & string;
/** What a form may set: every key optional; `undefined` leaves a field as it is. */
export type FieldsOf<F> = {
  -readonly [K in EditableKey<F>]?: F[K] extends { required: true } | { keep: true } ? Value<F[K]> : Value<F[K]> | null;
};
/** A form's state: text is '' when empty, everything else null when not answered. */
export type FormOf<F> = {
  -readonly [K in EditableKey<F>]: F[K] extends { kind: 'text' | 'longText' }
    ? string
    : F[K] extends { required: true }
      ? Value<F[K]>
      : Value<F[K]> | null;
};

/** Fields the referral spreadsheet may carry, with their values as read from it. */
export type ImportKey<F> = { [K in keyof F]: F[K] extends { importColumn: string } ? K : never }[keyof F] & string;
export type ImportedOf<F> = { -readonly [K in ImportKey<F>]?: Value<F[K]> };

type InputShape<F> = {
  -readonly [K in EditableKey<F>]: F[K] extends FieldSpec<infer S>
    ? F[K] extends { required: true } | { keep: true }
      ? z.ZodOptional<S>
      : z.ZodOptional<z.ZodNullable<S>>
    : never;
};

// ---- Values read from a definition ------------------------------------------------------------

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const columnOf = (def: RecordDef, key: string): string => def.fields[key]?.column ?? snake(key);
const entries = (def: RecordDef) => Object.entries(def.fields);

/** The schema of what a form may set (all optional; text trimmed and limited). */
export function fieldsSchema<F extends Fields>(def: RecordDef<F>): z.ZodObject<InputShape<F>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, f] of entries(def)) {
    if (f.system) continue;
    shape[k] = (f.required || f.keep ? f.input : f.input.nullable()).optional();
  }
  return z.object(shape) as unknown as z.ZodObject<InputShape<F>>;
}

/** The schema of the whole record as returned to the app. */
export function recordSchema<F extends Fields>(def: RecordDef<F>): z.ZodType<RecordOf<F>> {
  const shape: Record<string, z.ZodType> = { id: z.string() };
  for (const [k, f] of entries(def)) shape[k] = f.required ? f.output : f.output.nullable();
  return z.object(shape) as unknown as z.ZodType<RecordOf<F>>;
}

/** What the write path and sync need: the table, its columns, which hold JSON and which yes/no. */
export function entitySpecOf(def: RecordDef): {
  table: string;
  fields: string[];
  jsonFields: string[];
  booleanFields: string[];
} {
  const all = entries(def);
  return {
    table: def.table,
    fields: [...all.map(([k]) => columnOf(def, k)), ...def.extraColumns],
    jsonFields: all.filter(([, f]) => f.kind === 'codes' || f.kind === 'json').map(([k]) => columnOf(def, k)),
    booleanFields: all.filter(([, f]) => f.kind === 'yesNo').map(([k]) => columnOf(def, k)),
  };
}

/** A stored row to the record the app sees: yes/no from 0/1, JSON parsed (unreadable JSON gives the empty value). */
export function recordFromRow<F extends Fields>(def: RecordDef<F>, row: object): RecordOf<F> {
  const r = row as Record<string, unknown>;
  const out: Record<string, unknown> = { id: r.id };
  for (const [k, f] of entries(def)) {
    const v = r[columnOf(def, k)] ?? null;
    if (f.kind === 'yesNo') out[k] = v === null ? null : v !== 0 && v !== false;
    else if ((f.kind === 'codes' || f.kind === 'json') && typeof v === 'string') out[k] = parseOr(v, f.initial ?? null);
    else if (f.kind === 'codes' || f.kind === 'json') out[k] = v ?? f.initial ?? null;
    else out[k] = v;
  }
  return out as RecordOf<F>;
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/**
 * Form or IPC fields to stored column names, ready for the Writer. `undefined` means "not given,
 * leave as is"; empty text means "cleared".
 */
export function toColumns(
  def: RecordDef,
  fields: object,
): Record<string, string | number | boolean | null | readonly unknown[] | { readonly [k: string]: unknown }> {
  const out: Record<string, string | number | boolean | null | readonly unknown[] | { readonly [k: string]: unknown }> =
    {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || !(k in def.fields)) continue;
    out[columnOf(def, k)] = typeof v === 'string' && v.trim() === '' ? null : (v as string);
  }
  return out;
}

/** The starting values of a form for this record. */
export function formDefaults<F extends Fields>(def: RecordDef<F>): FormOf<F> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of entries(def))
    if (!f.system)
      out[k] =
        f.initial === undefined || f.initial === null ? null : (JSON.parse(JSON.stringify(f.initial)) as unknown);
  return out as FormOf<F>;
}

/** Only the fields a form may set, taken from any object that has them (a record, a form's state). */
export function editableFields<F extends Fields>(def: RecordDef<F>, from: object): FieldsOf<F> {
  const src = from as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, f] of entries(def)) {
    if (f.system || src[k] === undefined) continue;
    // A field the record cannot be without stays as it is when a form has no answer for it.
    if ((f.required || f.keep) && src[k] === null) continue;
    out[k] = src[k];
  }
  return out as FieldsOf<F>;
}

/** Required fields' starting values, for a record made with only some fields given. */
export function requiredDefaults(def: RecordDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of entries(def))
    if (f.required && !f.system && f.initial !== undefined && f.initial !== null && f.initial !== '')
      out[columnOf(def, k)] = f.initial;
  return out;
}
