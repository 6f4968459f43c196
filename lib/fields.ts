// Zod field builders for every contract (forms, the API, the cost model, fault specs): each message
// names the field by the label the form shows (lib/<context>/words.ts) and states the rule in the
// field's units, so a form or an API caller can print it as it is: "RTO target must be between
// 0 s and 7 days", never "rtoTargetSeconds must be between 0 and 604800".
import { z } from "zod";

import { formatLimit, type TLimitUnit } from "@/lib/format";
import { LABELS } from "@/lib/topology/words";

/** A field as a form names it: its label, and the unit its number is in (for bounds and the form's label). */
export type TFieldWords = { label: string; unit?: TLimitUnit };
/** A field's words, or a plain name for fields no form shows (ids, cursors). */
export type TField = string | TFieldWords;

const labelOf = (field: TField) => (typeof field === "string" ? field : field.label);
const unitOf = (field: TField) => (typeof field === "string" ? undefined : field.unit);
const limit = (field: TField, value: number) => formatLimit(value, unitOf(field));

const FORM_UNIT: Partial<Record<TLimitUnit, string>> = { seconds: "seconds", percent: "%", gbPerDay: "GB/day" };

/** The label a form shows above the control: "RTO target (seconds)", "Availability target (%)". */
export function formLabel(field: TFieldWords): string {
  const unit = field.unit && FORM_UNIT[field.unit];
  return unit ? `${field.label} (${unit})` : field.label;
}

const between = (field: TField, min: number, max: number) =>
  `${labelOf(field)} must be between ${limit(field, min)} and ${limit(field, max)}`;

export const intIn = (field: TField, min: number, max: number) =>
  z
    .number({ error: `${labelOf(field)} must be a whole number` })
    .int(`${labelOf(field)} must be a whole number`)
    .min(min, between(field, min, max))
    .max(max, between(field, min, max));

export const numberIn = (field: TField, min: number, max: number) =>
  z
    .number({ error: `${labelOf(field)} must be a number` })
    .min(min, between(field, min, max))
    .max(max, between(field, min, max));

/** A number the caller must give: "is required" when it is missing, "must be a number" when it is not one. */
export const number = (field: TField) =>
  z.number({
    error: (issue) =>
      issue.input === undefined ? `${labelOf(field)} is required` : `${labelOf(field)} must be a number`,
  });

/** A finite number from 0 to `max` (a billion unless the field says less). */
export const atLeastZero = (field: TField, max = 1e9) =>
  z
    .number({ error: `${labelOf(field)} must be a number` })
    .min(0, { error: `${labelOf(field)} must be at least ${limit(field, 0)}` })
    .max(max, { error: `${labelOf(field)} must be at most ${limit(field, max)}` });

export const wholeAtLeastZero = (field: TField) =>
  atLeastZero(field).int({ error: `${labelOf(field)} must be a whole number` });

export const text = (field: TField, max = 120) =>
  z
    .string({ error: `${labelOf(field)} is required` })
    .trim()
    .min(1, `${labelOf(field)} is required`)
    .max(max, `${labelOf(field)} must be at most ${max} characters`);

/** Free text that may be empty (a reason, a comment, a description). */
export const note = (field: TField, max = 500) =>
  z
    .string()
    .trim()
    .max(max, `${labelOf(field)} must be at most ${max} characters`)
    .default("");

/** Lower-case letters, digits and dashes: region codes (`us-east-1`) and slugs. */
export const code = (field: TField) =>
  text(field, 63).regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    `${labelOf(field)} may hold lower-case letters, digits and single dashes (like us-east-1)`,
  );

export const id = (field: TField) =>
  z.string({ error: `${labelOf(field)} is required` }).min(1, `${labelOf(field)} is required`);

/** "A, B or C": a list of choices as a sentence says it. */
export const orList = (words: readonly string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : (words[0] ?? "");

/**
 * One of `values`, refused in the words the form's select shows for them (`labels`: the model's
 * LABELS unless the context has its own), never the enum's names.
 */
export const oneOf = <const T extends readonly [string, ...string[]]>(
  field: TField,
  values: T,
  labels: Readonly<Record<string, string>> = LABELS,
) =>
  z.enum(values, {
    error: `${labelOf(field)} must be ${orList(values.map((value) => labels[value] ?? value))}`,
  });

/** `{ id }`: the reference every read, delete and update of one row takes. */
export const ZById = z.object({ id: id("id") });

const INT8_MAX = 9_223_372_036_854_775_807n;

/** A record number kept in a PostgreSQL bigint, sent as a string of digits (keyset cursors, event ids). */
export const recordNumber = (field: TField) =>
  z
    .string({ error: `${labelOf(field)} must be a record number` })
    .regex(/^\d{1,19}$/, `${labelOf(field)} must be a record number`)
    .refine((value) => BigInt(value) <= INT8_MAX, `${labelOf(field)} is beyond the last record number there can be`);

/** The latest instant any date field may name: the end of year 9999. */
export const LAST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant in milliseconds since 1970, within what a date can hold. */
export const epochMs = (field: TField) =>
  z
    .number({ error: `${labelOf(field)} must be a time in ms` })
    .int(`${labelOf(field)} must be a time in ms`)
    .min(0, `${labelOf(field)} must be a time after 1970`)
    .max(LAST_INSTANT_MS, `${labelOf(field)} must be a time before the year 10000`);
