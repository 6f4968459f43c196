// Turns a zod failure into one sentence a person can act on, naming where the problem is.
import type { z } from "zod";

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
