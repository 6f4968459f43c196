// What a policy asks before an operation runs, in one sentence for the plan page.
import { formatSeconds } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import type { TPlannedStep, TPolicySummary } from "@/lib/operations/contracts";

export function approvalWords(policy: TPolicySummary, steps: readonly Pick<TPlannedStep, "title" | "gated">[]): string {
  if (policy.approvalsRequired === 0) return "No approval needed";
  const count = `${policy.approvalsRequired} approval${policy.approvalsRequired === 1 ? "" : "s"}`;
  const gated = steps.filter((step) => step.gated).map((step) => step.title);
  const also = gated.length > 0 ? `; also before: ${gated.join(", ")}` : "";
  return `${count} from ${roleLabel(policy.approverRole)} within ${formatSeconds(policy.expiresAfterSeconds)}${also}`;
}
