// A warm-standby demo estate (the article's commerce-aws) under a fresh slug, observed once so the
// twin and a live snapshot exist, and helpers to request, approve and run an operation to its end.
import { ACTIVE_STATUSES, type TRunbook } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { engineTick, type EngineOptions } from "@/server/domain/operations/engine/engine";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { SimDriver } from "@/server/drivers/sim";
import { callerAs, userWithPassword } from "@/tests/factories";
import { seedPlanningDemo } from "@/tests/planning-demo";

export const TICK = { intervalMs: 1000, lagAlertAfterSeconds: 2 };

export async function opsEstate() {
  const { deployment } = await seedPlanningDemo("commerce-aws");
  const deploymentId = deployment.id;
  const cluster = await db.databaseCluster.findFirstOrThrow({ where: { deploymentId }, include: { replicas: true } });
  const primary = cluster.replicas.find((r) => r.role === "PRIMARY")!;
  const standby = cluster.replicas.find((r) => r.role === "READ_REPLICA")!;
  const startMs = Date.now();
  await observeDeployment(db, deploymentId, startMs, TICK);
  return { deploymentId, clusterId: cluster.id, primary, standby, startMs };
}

export async function request(
  deploymentId: string,
  runbook: TRunbook,
  operator?: Awaited<ReturnType<typeof callerAs>>,
) {
  const who = operator ?? (await callerAs("OPERATOR"));
  const plan = await who.caller.operations.plan({ deploymentId, runbook });
  const { operationId } = await who.caller.operations.start({
    deploymentId,
    runbook,
    planHash: plan.planHash,
    reason: "test",
  });
  return { operationId, plan, operator: who };
}

export async function approveAll(operationId: string) {
  const approver = await userWithPassword("APPROVER");
  const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
  return approver.caller.operations.decide({
    gateId: gate.id,
    decision: "APPROVE",
    password: approver.password,
    contextHash: gate.contextHash,
  });
}

/** Ticks the engine (and the observer every other beat) until the operation ends; returns the final time. */
export async function runToEnd(
  deploymentId: string,
  operationId: string,
  fromMs: number,
  options: EngineOptions = {},
  maxTicks = 400,
) {
  let nowMs = fromMs;
  for (let i = 0; i < maxTicks; i += 1) {
    nowMs += 500;
    if (i % 2 === 0) await observeDeployment(db, deploymentId, nowMs, TICK);
    await engineTick(db, nowMs, options);
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) return { op, nowMs };
    if (op.status === "AWAITING_APPROVAL") await approveAll(operationId);
  }
  throw new Error(`operation ${operationId} did not end within ${maxTicks} ticks`);
}

/** The twin as last saved (what the next worker resumes), or null before the first tick. */
export async function savedTwin(deploymentId: string): Promise<SimDriver | null> {
  const saved = (await db.driverState.findUnique({ where: { deploymentId } }))?.state as { driver?: unknown } | null;
  return saved?.driver ? SimDriver.fromJSON(saved.driver) : null;
}

/** The replicas of the cluster that accept writes in the saved twin. */
export async function writers(deploymentId: string, clusterId: string): Promise<string[]> {
  return (await (await savedTwin(deploymentId))?.writableReplicas(clusterId)) ?? [];
}
