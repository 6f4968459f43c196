// The audit page's filters, as the API takes them.
import { z } from "zod";

import { recordNumber } from "@/lib/fields";

export const ZAuditFilter = z.object({
  actorEmail: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  /** The seq to continue below (keyset paging: stable while new records arrive). */
  cursor: recordNumber("cursor").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TAuditFilter = z.input<typeof ZAuditFilter>;
export type TAuditQuery = z.output<typeof ZAuditFilter>;
