// The audit page's filters, as the API takes them.
import { z } from "zod";

import { recordNumber } from "@/lib/fields";

import { AUDIT_CATEGORY_LABELS, AUDIT_FIELDS } from "./words";

/** Kinds of record the page filters by, each the action prefix its records share. */
export const AUDIT_CATEGORY_PREFIX = {
  operations: "operation.",
  approvals: "approval.",
  faults: "fault.",
  scenarios: "scenario.",
  alerts: "alert.",
  signIns: "auth.",
} as const;
export const AUDIT_CATEGORIES = Object.keys(AUDIT_CATEGORY_PREFIX) as [
  keyof typeof AUDIT_CATEGORY_PREFIX,
  ...(keyof typeof AUDIT_CATEGORY_PREFIX)[],
];
export type TAuditCategory = keyof typeof AUDIT_CATEGORY_PREFIX;

export const ZAuditFilter = z
  .object({
    actorEmail: z.string().trim().max(200).optional(),
    action: z.string().trim().max(100).optional(),
    objectType: z.string().trim().max(50).optional(),
    category: z
      .enum(AUDIT_CATEGORIES, {
        error: `${AUDIT_FIELDS.category.label} must be one of ${Object.values(AUDIT_CATEGORY_LABELS).join(", ")}`,
      })
      .optional(),
    /** Leaves out sign-ins, sign-outs and refused sign-ins, which outnumber every other record. */
    hideSignIns: z.boolean().default(false),
    from: z.date({ error: `${AUDIT_FIELDS.from.label} must be a date and time` }).optional(),
    to: z.date({ error: `${AUDIT_FIELDS.to.label} must be a date and time` }).optional(),
    /** The seq to continue below (keyset paging: stable while new records arrive). */
    cursor: recordNumber("cursor").optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.to > f.from, {
    path: ["to"],
    message: `${AUDIT_FIELDS.to.label} must be after ${AUDIT_FIELDS.from.label}`,
  });
export type TAuditFilter = z.input<typeof ZAuditFilter>;
export type TAuditQuery = z.output<typeof ZAuditFilter>;
