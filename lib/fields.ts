// Zod field builders for every contract (forms, the API, the cost model, fault specs): each message
// names the field and the rule, so a form or an API caller can print it as it is.
import { z } from "zod";

export const intIn = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be between ${min} and ${max}`)
    .max(max, `${field} must be between ${min} and ${max}`);

export const numberIn = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .min(min, `${field} must be between ${min} and ${max}`)
    .max(max, `${field} must be between ${min} and ${max}`);

/** A number the caller must give: "is required" when it is missing, "must be a number" when it is not one. */
export const number = (field: string) =>
  z.number({
    error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a number`),
  });

/** A finite number from 0 to `max` (a billion unless the field says less). */
export const atLeastZero = (field: string, max = 1e9) =>
  z
    .number({ error: `${field} must be a number` })
    .min(0, { error: `${field} must be at least 0` })
    .max(max, { error: `${field} must be at most ${max.toLocaleString("en")}` });

export const wholeAtLeastZero = (field: string) => atLeastZero(field).int({ error: `${field} must be a whole number` });

export const text = (field: string, max = 120) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);

/** Free text that may be empty (a reason, a comment, a description). */
export const note = (field: string, max = 500) =>
  z.string().trim().max(max, `${field} must be at most ${max} characters`).default("");

/** Lower-case letters, digits and dashes: region codes (`us-east-1`) and slugs. */
export const code = (field: string) =>
  text(field, 63).regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    `${field} may hold lower-case letters, digits and single dashes (like us-east-1)`,
  );

export const id = (field: string) => z.string({ error: `${field} is required` }).min(1, `${field} is required`);

export const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

/** `{ id }`: the reference every read, delete and update of one row takes. */
export const ZById = z.object({ id: id("id") });

const INT8_MAX = 9_223_372_036_854_775_807n;

/** A record number kept in a PostgreSQL bigint, sent as a string of digits (keyset cursors, event ids). */
export const recordNumber = (field: string) =>
  z
    .string({ error: `${field} must be a record number` })
    .regex(/^\d{1,19}$/, `${field} must be a record number`)
    .refine((value) => BigInt(value) <= INT8_MAX, `${field} is beyond the last record number there can be`);

/** The latest instant any date field may name: the end of year 9999. */
export const LAST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant in milliseconds since 1970, within what a date can hold. */
export const epochMs = (field: string) =>
  z
    .number({ error: `${field} must be a time in ms` })
    .int(`${field} must be a time in ms`)
    .min(0, `${field} must be a time after 1970`)
    .max(LAST_INSTANT_MS, `${field} must be a time before the year 10000`);
