// Every step kind: what running it does, and what abort does to it once it has run (the rollback
// that runbooks.ts declares in words).
import type { TStepKind } from "@/lib/operations/contracts";

import type { OperationUpdate, StepContext, StepOutcome } from "./context";
import { chooseTarget, clearOutage, confirmOutage, injectOutage, precheck, waitStable } from "./detect";
import { fenceClients, liftClientFence, liftFence, refenceClients, waitApplied } from "./regions";
import { demote, fence, promote, repromote, unfence, waitCatchUp } from "./replicas";
import { repoint, restoreRouting, restoreScale, restoreSize, scaleUp, shiftRouting, verifyWrites } from "./routing";

type Handler = {
  run: (ctx: StepContext) => Promise<StepOutcome>;
  /** Undo after the step succeeded; absent when there is nothing to undo or it cannot be undone. */
  compensate?: (ctx: StepContext, output: Record<string, unknown>) => Promise<OperationUpdate | void>;
};

export const STEP_HANDLERS: Record<TStepKind, Handler> = {
  PRECHECK: { run: precheck },
  INJECT_FAULT: { run: injectOutage, compensate: async (ctx) => void (await clearOutage(ctx)) },
  CONFIRM_OUTAGE: { run: confirmOutage },
  CHOOSE_TARGET: { run: chooseTarget },
  FENCE: { run: fence, compensate: (ctx) => unfence(ctx) },
  WAIT_CATCH_UP: { run: waitCatchUp },
  // Only a demotion this run made is undone: one it found already done was not its to undo.
  DEMOTE: {
    run: demote,
    compensate: async (ctx, output) => (output.alreadyDemoted ? undefined : { newEpoch: await repromote(ctx) }),
  },
  PROMOTE: { run: promote },
  REPOINT: { run: repoint },
  SHIFT_ROUTING: { run: shiftRouting, compensate: restoreRouting },
  SCALE_UP: { run: scaleUp, compensate: restoreScale },
  VERIFY_WRITES: { run: verifyWrites },
  CLEAR_FAULT: { run: clearOutage },
  WAIT_STABLE: { run: waitStable },
  // Undone by putting back the sizes it replaced, as a scale-up's undo does.
  RESTORE_SIZE: { run: restoreSize, compensate: restoreScale },
  FENCE_CLIENTS: { run: fenceClients, compensate: (ctx) => liftClientFence(ctx) },
  WAIT_APPLIED: { run: waitApplied },
  LIFT_FENCE: { run: liftFence, compensate: (ctx) => refenceClients(ctx) },
};
