// What an approval is for, in a few words: the whole run, or one step.
import type { TGateView } from "@/lib/operations/contracts";

export const gateTitle = (gate: Pick<TGateView, "beforeRun" | "stepIndex" | "context">) =>
  gate.beforeRun ? "Approval to run" : `Approval before step: ${gate.context.stepTitle ?? `#${gate.stepIndex + 1}`}`;
