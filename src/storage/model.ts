/**
 * What the caseload stores, its schema version, and the migration from older shapes.
 * A case = the answers (Facts) + a summary of the result they gave (with the rules version and the
 * date checked) + free notes. The full result is re-computed from the facts whenever it is shown.
 */
import { z } from 'zod';
import { evaluate } from '../engine/evaluate';
import { screeningOutcome, VISIT_CHECK_FIELDS } from '../engine/screening-outcome';
import type { Result } from '../engine/types';
import { factsSchema, TRI, unknownFacts, type Facts } from '../facts/schema';
import { parseFactsObject } from '../facts/parse';
import type { Answers } from '../machine/answers';
import { ROLES } from '../machine/roles';

export const SCHEMA_VERSION = 1;

const isoDate = z.iso.date();
const status = z.enum(['paid', 'notEligible', 'excluded', 'otherWins', 'depends']);
const subsidySummary = z.strictObject({ status, paid: z.number().int().min(0) });

/**
 * The screening reading of a result (engine/screening-outcome): "likely eligible, to verify at the
 * visit" with what is paid if every check comes out "no", and the checklist. Optional: absent for
 * checks saved before it was kept.
 */
export const screeningSummarySchema = z.strictObject({
  status: z.enum(['likely', 'paid', 'depends', 'notPaid', 'notCovered']),
  living: z.number().int().min(0),
  care: z.number().int().min(0),
  total: z.number().int().min(0),
  checklist: z.array(z.enum(VISIT_CHECK_FIELDS)).max(VISIT_CHECK_FIELDS.length),
});
export type ScreeningSummary = z.infer<typeof screeningSummarySchema>;

export const checkSummarySchema = z.strictObject({
  checkedOn: isoDate,
  rulesVersion: z.string().max(100),
  covered: z.boolean(),
  living: subsidySummary.nullable(),
  care: subsidySummary.nullable(),
  total: z.number().int().min(0),
  notice: z
    .strictObject({
      triggers: z
        .array(
          z.strictObject({
            trigger: z.enum(['dibao', 'dibaoEdge', 'certified']),
            date: isoDate,
            lastOnTimeDay: isoDate,
            holidayAdjusted: z.boolean(),
            status: z.enum(['notYetDue', 'overdue', 'givenOnTime', 'givenLate']),
            required: z.enum(['yes', 'no', 'unknown']),
          }),
        )
        .max(10),
      noticeGivenOn: isoDate.nullable(),
      noticeForm: z.string().max(40).nullable(),
      waiver: z.enum(['notApplicable', 'treatedAsWaived', 'applied']),
    })
    .nullable(),
  screening: screeningSummarySchema.optional(),
});
export type CheckSummary = z.infer<typeof checkSummarySchema>;

/** Where a case came from when it was not typed in through the wizard: a row of a screened roster file. */
export const caseSourceSchema = z.strictObject({
  kind: z.literal('roster'),
  /** the file's name as the device gave it ("roster" for pasted text) */
  file: z.string().max(500),
  /** the row number a spreadsheet shows (header = 1) */
  row: z.number().int().positive(),
  /** the date the screening applied the rules for */
  asOf: isoDate,
});
export type CaseSource = z.infer<typeof caseSourceSchema>;

/**
 * What the wizard was told that facts do not hold: who answered, "not yet" / "not sure" for the notice
 * and the application (facts keep only their dates), and which questions were answered. Kept so that a
 * case opened in the wizard again shows every answer as it was given. Optional: absent for cases from a
 * roster and for cases saved before it was kept (schema version 1 either way). Step names are plain
 * strings so that a renamed step never makes a stored caseload unreadable; the wizard drops unknown ones.
 */
export const wizardAnswersSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  noticeGiven: z.enum(TRI).optional(),
  applied: z.enum(TRI).optional(),
  done: z.array(z.string().max(40)).max(100),
});
export type WizardAnswers = z.infer<typeof wizardAnswersSchema>;

/** The part of the wizard's answers a case keeps besides its facts. */
export function keptAnswers(a: Answers): WizardAnswers {
  return {
    ...(a.role ? { role: a.role } : {}),
    ...(a.noticeGiven ? { noticeGiven: a.noticeGiven } : {}),
    ...(a.applied ? { applied: a.applied } : {}),
    done: [...a.done],
  };
}

export const MAX_CASES = 100_000;

export const contactSchema = z.strictObject({ phone: z.string().max(200).optional(), address: z.string().max(1000).optional() });
export type Contact = z.infer<typeof contactSchema>;

export const caseSchema = z.strictObject({
  id: z.string().min(1).max(100),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  facts: factsSchema,
  check: checkSummarySchema,
  /** the check before the latest re-check, when it differed */
  previous: checkSummarySchema.optional(),
  notes: z.string().max(20_000),
  /** absent for cases saved from the wizard */
  source: caseSourceSchema.optional(),
  /** the wizard's answers that are not facts (see wizardAnswersSchema); absent when not known */
  wizard: wizardAnswersSchema.optional(),
  /** how to reach the person, as a roster row gave it (no clause reads it) */
  contact: contactSchema.optional(),
});
export type CaseRecord = z.infer<typeof caseSchema>;

export const caseloadSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  cases: z.array(caseSchema).max(MAX_CASES),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const emptyCaseload = (): Caseload => ({ schemaVersion: SCHEMA_VERSION, cases: [] });

export function summarize(result: Result, facts?: Facts): CheckSummary {
  const screening = facts ? screeningSummary(facts, result) : undefined;
  if (!result.covered)
    return { checkedOn: result.asOf, rulesVersion: result.rulesVersion, covered: false, living: null, care: null, total: 0, notice: null };
  return {
    checkedOn: result.asOf,
    rulesVersion: result.rulesVersion,
    covered: true,
    living: { status: result.living.status, paid: result.living.paid },
    care: { status: result.care.status, paid: result.care.paid },
    total: result.total,
    notice: {
      triggers: result.notice.triggers.map((t) => ({
        trigger: t.trigger,
        date: t.date,
        lastOnTimeDay: t.lastOnTimeDay,
        holidayAdjusted: t.holidayAdjusted,
        status: t.status,
        required: t.required,
      })),
      noticeGivenOn: result.notice.noticeGivenOn,
      noticeForm: result.notice.noticeForm,
      waiver: result.notice.waiver,
    },
    ...(screening ? { screening } : {}),
  };
}

/** The screening reading of `result` (the result for `facts`), as a case keeps it. */
export function screeningSummary(facts: Facts, result: Result): ScreeningSummary {
  const o = screeningOutcome(facts, result, (f) => evaluate(f, { asOf: result.asOf }));
  return { status: o.status, living: o.living, care: o.care, total: o.total, checklist: o.checklist };
}

/** The parts a worker cares about when a re-check changes: each subsidy's status and amount, and the notice. */
export function comparable(s: CheckSummary) {
  return {
    living: s.living,
    care: s.care,
    notice: s.notice && { triggers: s.notice.triggers.map((t) => [t.trigger, t.date, t.lastOnTimeDay, t.status, t.required]), waiver: s.notice.waiver },
  };
}
export const summariesDiffer = (a: CheckSummary, b: CheckSummary): boolean => JSON.stringify(comparable(a)) !== JSON.stringify(comparable(b));

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function makeCase(facts: Facts, result: Result, notes = '', now = new Date()): CaseRecord {
  return caseFromCheck(facts, summarize(result), notes, now);
}

/** A new case from answers and the summary of the result they gave (summarize()), e.g. computed in a worker. */
export function caseFromCheck(facts: Facts, check: CheckSummary, notes = '', now = new Date(), source?: CaseSource, contact?: Contact): CaseRecord {
  const at = now.toISOString();
  return { id: newId(), createdAt: at, updatedAt: at, facts, check, notes, ...(source ? { source } : {}), ...(contact && (contact.phone || contact.address) ? { contact } : {}) };
}

/** New answers and/or a new check for an existing case; the old check is kept when the result changed. */
export function recheck(c: CaseRecord, facts: Facts, result: Result, now = new Date()): CaseRecord {
  const check = summarize(result, c.source ? facts : undefined);
  const previous = summariesDiffer(c.check, check) ? c.check : c.previous;
  return { ...c, facts, check, ...(previous ? { previous } : {}), updatedAt: now.toISOString() };
}

// ------------------------------------------------------------------ migration

/**
 * Version 0 (the field prototype, no schemaVersion): `{ cases: [{ id, savedAt: epoch ms,
 * answers: partial facts, outcome: { living, care, total, rulesVersion? }, note? }] }`.
 */
const v0Schema = z.object({
  cases: z.array(
    z.object({
      id: z.string().min(1).max(100),
      savedAt: z.number().int().positive(),
      answers: z.record(z.string(), z.unknown()),
      outcome: z.object({ living: status, care: status, total: z.number().int().min(0), rulesVersion: z.string().optional() }).optional(),
      note: z.string().optional(),
    }),
  ),
});

export type MigrationError = { code: 'newerVersion'; found: number } | { code: 'invalid'; detail: string };
export type Migrated = { ok: true; caseload: Caseload; from: number } | { ok: false; error: MigrationError };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function fromV0(raw: z.infer<typeof v0Schema>): Caseload | MigrationError {
  const cases: CaseRecord[] = [];
  for (const [i, c] of raw.cases.entries()) {
    const parsed = parseFactsObject(c.answers);
    if (!parsed.ok) return { code: 'invalid', detail: `cases[${i}].answers: ${parsed.issues.map((x) => x.field).join(', ')}` };
    const facts: Facts = { ...unknownFacts(), ...parsed.facts };
    const checkedOn = isoDay(c.savedAt);
    // The prototype kept only statuses: re-compute the summary on the day it was saved.
    const check = summarize(evaluate(facts, { asOf: checkedOn < '2023-08-01' ? '2023-08-01' : checkedOn }));
    if (c.outcome?.rulesVersion) check.rulesVersion = c.outcome.rulesVersion;
    const at = new Date(c.savedAt).toISOString();
    cases.push({ id: c.id, createdAt: at, updatedAt: at, facts, check, notes: c.note ?? '' });
  }
  return { schemaVersion: SCHEMA_VERSION, cases };
}

/** Upgrades any known stored shape to the current one and validates it. Never throws. */
export function migrate(raw: unknown): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'invalid', detail: 'not an object' } };
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) {
    const v0 = v0Schema.safeParse(raw);
    if (!v0.success) return { ok: false, error: { code: 'invalid', detail: v0.error.issues[0]?.path.join('.') ?? '' } };
    const up = fromV0(v0.data);
    if ('code' in up) return { ok: false, error: up };
    return { ok: true, caseload: up, from: 0 };
  }
  if (typeof version === 'number' && version > SCHEMA_VERSION) return { ok: false, error: { code: 'newerVersion', found: version } };
  const parsed = caseloadSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid', detail: i ? `${i.path.join('.')}: ${i.message}` : '' } };
  }
  const ids = new Set<string>();
  for (const c of parsed.data.cases) {
    if (ids.has(c.id)) return { ok: false, error: { code: 'invalid', detail: `duplicate case id ${c.id}` } };
    ids.add(c.id);
  }
  return { ok: true, caseload: parsed.data, from: SCHEMA_VERSION };
}
