// The audit page in words: its filters and the kinds of record they pick.
import type { TFieldWords } from "@/lib/fields";

import type { TAuditCategory } from "./contracts";

export const AUDIT_CATEGORY_LABELS: Record<TAuditCategory, string> = {
  operations: "Operations",
  approvals: "Approvals",
  faults: "Faults",
  scenarios: "Scenarios",
  alerts: "Alerts",
  signIns: "Sign-ins",
};

export const AUDIT_FIELDS = {
  actor: { label: "Who (email contains)" },
  action: { label: "Action (starts with)" },
  category: { label: "Kind" },
  objectType: { label: "Object type" },
  from: { label: "From" },
  to: { label: "To" },
  hideSignIns: { label: "Hide sign-ins" },
} as const satisfies Record<string, TFieldWords>;
