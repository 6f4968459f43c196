// Validates what the cost model is handed, so a bad estate or catalog fails with a sentence, not a NaN.
import type { z } from "zod";

import { CostError } from "./errors";
import { describeZodError } from "./zod-message";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CostError("INVALID_INPUT", `${what} is invalid: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
