// The engine's invariants under random interleavings of workers, observer ticks, operator controls
// and crashes at every point of a step (fast-check picks the sequences and shrinks a failure to the
// shortest one): never two writable replicas, no step's effect applied twice, and every operation
// ends SUCCEEDED or with a reason once workers keep running.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ACTIVE_STATUSES, type TRunbook } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { engineTick, SimulatedCrash, type CrashPoint } from "@/server/domain/operations/engine/engine";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request, savedTwin, TICK, writers } from "@/tests/operations-estate";

const MOVES = [
  "tick",
  "crash:before-step",
  "crash:after-effect",
  "crash:before-commit",
  "two-workers",
  "observe",
  "observe-during-step",
] as const;
type Action = (typeof MOVES)[number] | "pause" | "resume" | "abort";
// Operators act rarely next to the workers' beat; an abort in every run would hide the later steps.
const anAction = fc.oneof(
  { arbitrary: fc.constantFrom<Action>(...MOVES), weight: 24 },
  { arbitrary: fc.constantFrom<Action>("pause", "resume"), weight: 2 },
  { arbitrary: fc.constant<Action>("abort"), weight: 1 },
);

async function act(
  action: Action,
  ctx: {
    deploymentId: string;
    operationId: string;
    nowMs: number;
    operator: Awaited<ReturnType<typeof userWithPassword>>;
  },
) {
  const control = { operationId: ctx.operationId, reason: "property test" };
  const ignoreRefusal = (p: Promise<unknown>) =>
    p.catch((error: Error) =>
      expect(error.message).toMatch(/only a|nothing to abort|cannot be undone|not promoted yet/),
    );
  if (action === "tick") return engineTick(db, ctx.nowMs);
  if (action.startsWith("crash:")) {
    const point = action.slice("crash:".length) as CrashPoint;
    return engineTick(db, ctx.nowMs, { crashAt: (p) => p === point }).catch((error) =>
      expect(error).toBeInstanceOf(SimulatedCrash),
    );
  }
  if (action === "two-workers") return Promise.all([engineTick(db, ctx.nowMs), engineTick(db, ctx.nowMs)]);
  if (action === "observe") return observeDeployment(db, ctx.deploymentId, ctx.nowMs, TICK);
  // The observer's tick and a step racing for the same twin: the observer must not save its older copy over the step's.
  if (action === "observe-during-step")
    return Promise.all([observeDeployment(db, ctx.deploymentId, ctx.nowMs, TICK), engineTick(db, ctx.nowMs)]);
  if (action === "pause") return ignoreRefusal(ctx.operator.caller.operations.pause(control));
  if (action === "resume") return ignoreRefusal(ctx.operator.caller.operations.resume(control));
  return ignoreRefusal(ctx.operator.caller.operations.abort(control));
}

/** The twin as saved and the model must tell the same story: a stale copy saved over a step would not. */
async function twinMatchesModel(deploymentId: string, clusterId: string) {
  const saved = await savedTwin(deploymentId);
  if (!saved) return;
  const twin = await saved.currentTopology();
  const model = await db.replica.findMany({
    where: { clusterId },
    select: { id: true, role: true, epoch: true },
    orderBy: { id: "asc" },
  });
  const inTwin = twin.replicas
    .filter((r) => r.clusterId === clusterId)
    .map(({ id, role, epoch }) => ({ id, role, epoch }))
    .sort((a, b) => a.id.localeCompare(b.id));
  expect(inTwin).toEqual(model);
}

async function checkInvariants(deploymentId: string, clusterId: string, operationId: string) {
  expect((await writers(deploymentId, clusterId)).length).toBeLessThanOrEqual(1);
  await twinMatchesModel(deploymentId, clusterId);
  expect(await db.replica.count({ where: { clusterId, role: "PRIMARY" } })).toBeLessThanOrEqual(1);
  // One audit record per step that took effect: a step applied twice would write two.
  const effective = await db.operationStep.count({
    where: { operationId, status: { in: ["SUCCEEDED", "ROLLED_BACK"] } },
  });
  expect(await db.auditRecord.count({ where: { objectId: operationId, action: "operation.step" } })).toBe(effective);
}

async function scenario(runbook: TRunbook, actions: Action[]) {
  const estate = await opsEstate();
  const admin = await userWithPassword("ADMIN");
  await admin.caller.operations.setPolicy({
    deploymentId: estate.deploymentId,
    runbook,
    approvalsRequired: 0,
    approverRole: "APPROVER",
    expiresAfterSeconds: 600,
    gatedSteps: [],
    lagToleranceSeconds: 5,
  });
  const operator = await userWithPassword("OPERATOR");
  const { operationId } = await request(estate.deploymentId, runbook, operator);
  let nowMs = Date.now();
  for (const action of actions) {
    nowMs += 500;
    await act(action, { deploymentId: estate.deploymentId, operationId, nowMs, operator });
    await checkInvariants(estate.deploymentId, estate.clusterId, operationId);
  }
  // Then the workers keep running (and someone resumes a paused run): every operation must end.
  for (let i = 0; i < 300; i += 1) {
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) break;
    nowMs += 500;
    if (op.status === "PAUSED") await operator.caller.operations.resume({ operationId, reason: "" });
    if (i % 2 === 0) await observeDeployment(db, estate.deploymentId, nowMs, TICK);
    await engineTick(db, nowMs);
    await checkInvariants(estate.deploymentId, estate.clusterId, operationId);
  }
  const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
  if (process.env.PROPERTY_LOG) console.log("PROP", runbook, op.status, op.failureReason, actions.join(","));
  expect(ACTIVE_STATUSES).not.toContain(op.status);
  if (op.status !== "SUCCEEDED") expect(op.failureReason).toBeTruthy();
  // Exactly one writer at the end, and the epoch moved once per promotion that took effect.
  expect(await writers(estate.deploymentId, estate.clusterId)).toHaveLength(1);
  const promotions =
    op.steps.filter((s) => s.kind === "PROMOTE" && s.status === "SUCCEEDED").length +
    op.steps.filter((s) => s.kind === "DEMOTE" && s.status === "ROLLED_BACK").length;
  const epoch = Math.max(
    ...(await db.replica.findMany({ where: { clusterId: estate.clusterId } })).map((r) => r.epoch),
  );
  expect(epoch).toBe(estate.primary.epoch + promotions);
  // A planned move never loses a committed write.
  if (runbook === "SWITCHOVER")
    for (const s of op.steps.filter((s) => s.kind === "PROMOTE" && s.status === "SUCCEEDED"))
      expect((s.output as { lostBytes: number }).lostBytes).toBe(0);
}

describe("runbook engine under interleavings and crashes", () => {
  it(
    "keeps its invariants for any sequence of ticks, crashes, two workers and operator controls",
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<TRunbook>("SWITCHOVER", "FAILBACK", "DRILL"),
          fc.array(anAction, { minLength: 5, maxLength: 60 }),
          (runbook, actions) => scenario(runbook, actions),
        ),
        { numRuns: 16 },
      );
    },
  );
});
