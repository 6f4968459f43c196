// Field rules whose messages name the field and the rule, so a form or API caller can show them as is.
import { z } from "zod";

export const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

export const text = (field: string, max = 200) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(1, { error: `${field} must not be empty` })
    .max(max, { error: `${field} must be at most ${max} characters` });

/** A finite number from 0 to `max` (a billion unless the field says less). */
export const atLeastZero = (field: string, max = 1e9) =>
  z
    .number({ error: `${field} must be a number` })
    .min(0, { error: `${field} must be at least 0` })
    .max(max, { error: `${field} must be at most ${max.toLocaleString("en")}` });

export const wholeAtLeastZero = (field: string) => atLeastZero(field).int({ error: `${field} must be a whole number` });
