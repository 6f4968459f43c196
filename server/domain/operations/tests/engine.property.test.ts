// The engine's invariants under random interleavings of workers, observer ticks, operator controls
// and crashes at every point of a step (fast-check picks the sequences and shrinks a failure to the
// shortest one): never two writable replicas, no step's effect applied twice, and every operation
// ends SUCCEEDED or with a reason once workers keep running, with exactly one writer. It runs on the
// sim twin saved with each move and on a world that survives a rollback (tests/world-driver.ts, as
// a real server does), for every runbook, with model edits racing the steps and stale workers: one
// whose lease is not the operation's, and late calls carrying an old attempt's token.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ACTIVE_STATUSES, type TRunbook } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { engineTick, SimulatedCrash, type CrashPoint } from "@/server/domain/operations/engine/engine";
import { injectFault } from "@/server/domain/telemetry/faults";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { DriverError } from "@/server/drivers/errors";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request, savedTwin, writers as savedWriters, TICK } from "@/tests/operations-estate";
import { bindWorldDriver, callWorld, hasWorld, worldWriters } from "@/tests/world-driver";

const MOVES = [
  "tick",
  "crash:before-step",
  "crash:after-effect",
  "crash:before-commit",
  "two-workers",
  "observe",
  "observe-during-step",
  "stale-worker",
  "stale-token",
  "edit",
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
    targetId: string;
    world: boolean;
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
  // Another worker, not the holder of the operation's lease: it may act only once the lease expired
  // (then for an instant: its own lease is over at once, and the test's worker takes it back).
  if (action === "stale-worker")
    return engineTick(db, ctx.nowMs, { holder: "stale", leaseMs: 1, operationIds: [ctx.operationId] });
  // A late call of a worker that lost its move: an attempt replayed with its old token is refused
  // by the world once a newer one took effect, and changes nothing.
  if (action === "stale-token") {
    if (!ctx.world || !hasWorld(ctx.deploymentId)) return;
    const attempts = await db.stepAttempt.findMany({
      where: { operationId: ctx.operationId },
      orderBy: { token: "asc" },
    });
    if (attempts.length === 0) return;
    const newest = await callWorld(ctx.deploymentId, (twin) => twin.clusterWorld(attempts[0]!.clusterId));
    const stale = attempts.find((a) => Number(a.token) < newest.lastToken);
    if (!stale) return;
    const input = { ...(stale.input as Record<string, unknown>), token: Number(stale.token), atMs: ctx.nowMs };
    const replay = callWorld(ctx.deploymentId, (twin) =>
      (twin[stale.action as "fence"] as (i: unknown) => Promise<unknown>).call(twin, input),
    );
    await expect(replay).rejects.toBeInstanceOf(DriverError);
    return;
  }
  // An operator editing the model under the run: refused while the operation is active.
  if (action === "edit") {
    const op = await db.operation.findUniqueOrThrow({ where: { id: ctx.operationId } });
    const edit = ctx.operator.caller.topology.updateReplica({ id: ctx.targetId, name: `renamed-${ctx.nowMs}` });
    if ((ACTIVE_STATUSES as readonly string[]).includes(op.status))
      return expect(edit).rejects.toThrow(/is refused while/);
    return edit.catch(() => undefined);
  }
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

async function checkInvariants(deploymentId: string, clusterId: string, operationId: string, world: boolean) {
  expect((await writersOf(world)(deploymentId, clusterId)).length).toBeLessThanOrEqual(1);
  // The world runs ahead of the model after a lost move, until the next move reconciles it.
  if (!world) await twinMatchesModel(deploymentId, clusterId);
  expect(await db.replica.count({ where: { clusterId, role: "PRIMARY" } })).toBeLessThanOrEqual(1);
  // One audit record per step that took effect: a step applied twice would write two.
  const effective = await db.operationStep.count({
    where: { operationId, status: { in: ["SUCCEEDED", "ROLLED_BACK"] } },
  });
  expect(await db.auditRecord.count({ where: { objectId: operationId, action: "operation.step" } })).toBe(effective);
}

const writersOf = (world: boolean) => (deploymentId: string, clusterId: string) =>
  world && hasWorld(deploymentId) ? worldWriters(deploymentId, clusterId) : savedWriters(deploymentId, clusterId);

async function scenario(runbook: TRunbook, actions: Action[], world: boolean) {
  const estate = await opsEstate();
  const unbind = world ? bindWorldDriver(estate.deploymentId) : () => undefined;
  try {
    await run(estate, runbook, actions, world);
  } finally {
    unbind();
  }
}

async function run(
  estate: Awaited<ReturnType<typeof opsEstate>>,
  runbook: TRunbook,
  actions: Action[],
  world: boolean,
) {
  const writers = writersOf(world);
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
  // A failover is asked for a region that is down (on a healthy one it ends as a false alarm).
  if (runbook === "FAILOVER")
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "REGION_OUTAGE",
      target: { regionId: estate.primary.regionId },
    });
  const { operationId } = await request(estate.deploymentId, runbook, operator);
  let nowMs = Date.now();
  for (const action of actions) {
    nowMs += 500;
    await act(action, {
      deploymentId: estate.deploymentId,
      operationId,
      targetId: estate.standby.id,
      world,
      nowMs,
      operator,
    });
    await checkInvariants(estate.deploymentId, estate.clusterId, operationId, world);
  }
  // Then the workers keep running (and someone resumes a paused run): every operation must end.
  for (let i = 0; i < 300; i += 1) {
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) break;
    nowMs += 500;
    if (op.status === "PAUSED") await operator.caller.operations.resume({ operationId, reason: "" });
    if (i % 2 === 0) await observeDeployment(db, estate.deploymentId, nowMs, TICK);
    await engineTick(db, nowMs);
    await checkInvariants(estate.deploymentId, estate.clusterId, operationId, world);
  }
  const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
  if (process.env.PROPERTY_LOG) console.log("PROP", runbook, world, op.status, op.failureReason, actions.join(","));
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
    "keeps its invariants for any sequence of ticks, crashes, two workers, stale workers, model edits and operator controls, on the twin and on a world outside the database",
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<TRunbook>("SWITCHOVER", "FAILOVER", "FAILBACK", "DRILL"),
          fc.array(anAction, { minLength: 5, maxLength: 60 }),
          fc.boolean(),
          (runbook, actions, world) => scenario(runbook, actions, world),
        ),
        { numRuns: 16 },
      );
    },
  );
});
