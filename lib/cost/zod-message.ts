// Turns a zod failure into one sentence a person can act on, naming where the problem is.
import type { z } from "zod";

/** A scenario's changes: "change 1: Replication volume must be at least 0 GB/day". */
export function describeChangeErrors(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      typeof issue.path[0] === "number" ? `change ${issue.path[0] + 1}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
