// Limits every input of every procedure must keep, whatever its contract says, checked before the
// contract parses it: no NUL character (PostgreSQL refuses it in text), no string, array or nesting
// beyond what any form sends, no key that could reach an object's prototype, no number that is not
// finite, no date PostgreSQL cannot store. The first problem is refused with the path of the field,
// so one place protects every procedure, including the ones added later.
import { AppError } from "@/server/errors";

export const INPUT_LIMITS = {
  /** Characters in any one string; contracts bound their fields more tightly. */
  stringLength: 10_000,
  /** Items in any one array. */
  arrayLength: 1_000,
  /** Objects and arrays inside one another. */
  depth: 12,
  /** Keys in any one object. */
  objectKeys: 200,
} as const;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// PostgreSQL's timestamp(3) holds 4713 BC to 294276 AD; no form needs years outside 1 to 9999.
const FIRST_YEAR_MS = new Date("0001-01-01T00:00:00Z").getTime();
const LAST_YEAR_MS = new Date("9999-12-31T23:59:59.999Z").getTime();

/** The first problem in `input`, as `{ field, message }`, or null. */
export function inputProblem(input: unknown): { field: string; message: string } | null {
  return walk(input, [], 0);
}

function walk(value: unknown, path: (string | number)[], depth: number): { field: string; message: string } | null {
  const field = path.length ? path.join(".") : "input";
  if (typeof value === "string") {
    if (value.includes("\u0000")) return { field, message: `${field} must not contain the NUL character (U+0000)` };
    if (value.length > INPUT_LIMITS.stringLength)
      return {
        field,
        message: `${field} must be at most ${INPUT_LIMITS.stringLength.toLocaleString("en")} characters`,
      };
    return null;
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? null : { field, message: `${field} must be a finite number` };
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { field, message: `${field} must be a valid date` };
    if (ms < FIRST_YEAR_MS || ms > LAST_YEAR_MS)
      return { field, message: `${field} must be a date between the years 1 and 9999` };
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  if (depth >= INPUT_LIMITS.depth) return { field, message: `${field} is nested too deeply` };
  if (Array.isArray(value)) {
    if (value.length > INPUT_LIMITS.arrayLength)
      return { field, message: `${field} may hold at most ${INPUT_LIMITS.arrayLength.toLocaleString("en")} items` };
    for (let i = 0; i < value.length; i++) {
      const problem = walk(value[i], [...path, i], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > INPUT_LIMITS.objectKeys)
    return { field, message: `${field} may hold at most ${INPUT_LIMITS.objectKeys} fields` };
  for (const key of keys) {
    // Named by its parent: a field named "constructor" could not travel back in the error itself.
    if (FORBIDDEN_KEYS.has(key))
      return { field, message: `${field} has a field named "${key}", which Meridian does not accept` };
    if (key.includes("\u0000")) return { field, message: `${field} has a field name with the NUL character (U+0000)` };
    const problem = walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Throws the first problem as a BAD_REQUEST naming its field. */
export function refuseUnsafeInput(input: unknown) {
  const problem = inputProblem(input);
  if (problem) throw new AppError("BAD_REQUEST", problem.message, { field: problem.field });
}
