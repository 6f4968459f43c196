// Plans of the four runbooks on the article's warm-standby estate (commerce-aws: us-east-1 primary,
// eu-west-1 standby, Route 53), against real PostgreSQL.
import { describe, expect, it } from "vitest";

import type { TCheck, TOperationPlan, TRunbook } from "@/lib/operations/contracts";
import type { LiveLink, LiveRegion } from "@/lib/telemetry/contracts";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { createLink } from "@/server/domain/topology/links";
import { createReplica } from "@/server/domain/topology/replicas";
import { AppError } from "@/server/errors";
import { publishLiveEvent } from "@/server/events";
import { makeUser } from "@/tests/factories";
import { seedPlanningDemo } from "@/tests/planning-demo";

import { planOperation } from "../plan/plan";

async function commerce() {
  const seeded = await seedPlanningDemo("commerce-aws");
  const primary = seeded.replicaIds.get("aurora-use1")!;
  const standby = seeded.replicaIds.get("aurora-euw1")!;
  const link = await db.replicationLink.findFirstOrThrow({
    where: { sourceReplicaId: primary, targetReplicaId: standby },
  });
  return { ...seeded, deploymentId: seeded.deployment.id, primary, standby, link };
}

/** A second standby in eu-west-1 fed from the primary, so there is a choice of target. */
async function addStandby(clusterId: string, regionId: string, primary: string) {
  const replica = await createReplica(db, SYSTEM_ACTOR, {
    clusterId,
    regionId,
    name: "aurora-euw1-b",
    role: "READ_REPLICA",
    endpoint: null,
  });
  const link = await createLink(db, SYSTEM_ACTOR, {
    sourceReplicaId: primary,
    targetReplicaId: replica.id,
    mode: "ASYNC",
    expectedVolumeGbPerDay: 1000,
  });
  return { replica, link };
}

function snapshot(deploymentId: string, links: Partial<LiveLink>[], regions: Partial<LiveRegion>[] = []) {
  return publishLiveEvent(db, deploymentId, SNAPSHOT_EVENT, {
    deploymentId,
    observedAtMs: Date.now(),
    rpoTargetSeconds: 5,
    clusters: [],
    replicas: [],
    alerts: [],
    faults: [],
    links: links.map((l) => ({ linkId: "", lagMs: 0, lagBytes: 0, overRpo: false, ...l })),
    regions: regions.map((r) => ({
      regionId: "",
      status: "HEALTHY",
      healthyProbes: 4,
      totalProbes: 4,
      requestsPerSecond: 0,
      errorRate: 0,
      latencyP50Ms: null,
      ...r,
    })),
  });
}

const checkOf = (plan: TOperationPlan, id: string): TCheck => {
  const found = plan.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${plan.checks.map((c) => c.id).join(", ")}`);
  return found;
};

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const MOVE = ["FENCE", "WAIT_CATCH_UP", "DEMOTE", "PROMOTE", "SHIFT_ROUTING", "VERIFY_WRITES", "REPOINT"];
const FAILOVER = [
  "CONFIRM_OUTAGE",
  "CHOOSE_TARGET",
  "FENCE",
  "DEMOTE",
  "PROMOTE",
  "REPOINT",
  "SHIFT_ROUTING",
  "SCALE_UP",
  "VERIFY_WRITES",
];
const KINDS: Record<TRunbook, string[]> = {
  SWITCHOVER: ["PRECHECK", "SCALE_UP", ...MOVE],
  FAILBACK: ["PRECHECK", "REPOINT", "WAIT_STABLE", ...MOVE, "RESTORE_SIZE"],
  FAILOVER,
  DRILL: ["INJECT_FAULT", ...FAILOVER, "CLEAR_FAULT", "REPOINT", "WAIT_STABLE", ...MOVE, "RESTORE_SIZE"],
  DRAIN_REGION: ["PRECHECK", "SHIFT_ROUTING", "FENCE_CLIENTS", "WAIT_APPLIED"],
  RETURN_REGION: ["PRECHECK", "WAIT_APPLIED", "LIFT_FENCE", "SHIFT_ROUTING"],
};

describe("planning a runbook", () => {
  it("switchover: promotes the read replica, with Route 53's timings, no data loss and its cost", async () => {
    const { deploymentId, cluster, primary, standby } = await commerce();
    const plan = await planOperation(db, { deploymentId, runbook: "SWITCHOVER" });
    expect(plan).toMatchObject({
      clusterId: cluster.id,
      clusterName: "aurora-global",
      targets: { rtoSeconds: 600, rpoSeconds: 5 },
    });
    expect(plan.source).toMatchObject({ id: primary, name: "aurora-use1", regionCode: "us-east-1" });
    expect(plan.target).toMatchObject({ id: standby, name: "aurora-euw1", regionCode: "eu-west-1" });
    expect(plan.candidates.map((c) => c.id)).toEqual([standby]);
    const estimate = (kind: string) => plan.steps.find((s) => s.kind === kind)!.estimateSeconds;
    // Route 53: the DNS TTL of 60 s once the change is made; no live lag yet, so the expected 1 s of async lag.
    expect([estimate("SHIFT_ROUTING"), estimate("PROMOTE"), estimate("WAIT_CATCH_UP")]).toEqual([60, 30, 1]);
    // Fence to verify: 2 + 1 + 5 + 30 + 60 + 5; the pre-check runs before the writes stop, the
    // repointing of the other replicas after writes are back.
    expect(plan.estimate).toMatchObject({ rtoSeconds: 103, lagSeconds: null, dataLossSeconds: 0, dataLossBytes: 0 });
    // The phases are the RTO's parts; the pre-check and the scale-up run before the fence, apart.
    expect(plan.estimate.byPhase).toMatchObject({ fence: 2, routing: 60, promote: 35 });
    expect(plan.estimate.outsideRto).toMatchObject({ detect: 2 });
    expect(plan.eventCost.totalUsd).toBeGreaterThan(0);
    expect(plan.eventCost.lines.some((l) => l.label === "scale-up in eu-west-1: 7 × large compute for 1 h")).toBe(true);
    expect(plan.checks.filter((c) => c.blocking && !c.ok)).toEqual([]);
    expect(plan.policy).toMatchObject({ approvalsRequired: 1, approverRole: "APPROVER", gatedSteps: [] });
  });

  it("lists each runbook's steps in order, with failover and drill timings from the health checks", async () => {
    const { deploymentId } = await commerce();
    for (const runbook of ["SWITCHOVER", "FAILBACK", "FAILOVER", "DRILL"] as const) {
      const plan = await planOperation(db, { deploymentId, runbook });
      expect(
        plan.steps.map((s) => s.kind),
        runbook,
      ).toEqual(KINDS[runbook]);
      expect(plan.steps.map((s) => s.index)).toEqual(KINDS[runbook].map((_, i) => i));
      if (runbook === "FAILOVER") {
        // Detection 30 s × 3; everything counts as outage: 90 + 1 + 2 + 5 + 30 + 5 + 60 + 120 + 5.
        expect(plan.steps[0]).toMatchObject({ kind: "CONFIRM_OUTAGE", estimateSeconds: 90 });
        expect(plan.estimate.rtoSeconds).toBe(318);
      }
      if (runbook === "DRILL") {
        expect(plan.estimate.rtoSeconds).toBe(2 + 318); // the injected fault, then the failover half
        expect(plan.eventCost.lines.some((l) => l.label.startsWith("failover: "))).toBe(true);
        expect(plan.eventCost.lines.some((l) => l.label.startsWith("failback: "))).toBe(true);
      }
    }
  });

  it("takes the lag from the live data, picks the most caught-up replica, and keeps the hash while the lag moves", async () => {
    const { deploymentId, cluster, primary, standby, link, regionIds } = await commerce();
    const second = await addStandby(cluster.id, regionIds.awsEuWest1, primary);
    await snapshot(deploymentId, [
      { linkId: link.id, lagMs: 3200, lagBytes: 4_000_000 },
      { linkId: second.link.id, lagMs: 250, lagBytes: 9_000 },
    ]);
    const first = await planOperation(db, { deploymentId, runbook: "FAILOVER" });
    expect(first.target.id).toBe(second.replica.id);
    expect(first.estimate).toMatchObject({ lagSeconds: 0.25, dataLossSeconds: 0.25, dataLossBytes: 9_000 });

    await snapshot(deploymentId, [
      { linkId: link.id, lagMs: 100 },
      { linkId: second.link.id, lagMs: 2500, lagBytes: 70_000 },
    ]);
    const moved = await planOperation(db, { deploymentId, runbook: "FAILOVER", targetReplicaId: second.replica.id });
    expect(moved.estimate).toMatchObject({ lagSeconds: 2.5, dataLossBytes: 70_000 });
    expect(moved.steps.find((s) => s.kind === "WAIT_CATCH_UP")).toBeUndefined();
    expect(moved.planHash).toBe(first.planHash);
    expect(moved.planHash).toMatch(/^[0-9a-f]{32}$/);

    const other = await planOperation(db, { deploymentId, runbook: "FAILOVER", targetReplicaId: standby });
    expect(other.planHash).not.toBe(first.planHash);
    expect((await planOperation(db, { deploymentId, runbook: "FAILOVER" })).target.id).toBe(standby);

    // The hash also binds the topology: editing the model changes it.
    await db.trafficPolicy.updateMany({ where: { deploymentId }, data: { healthCheckIntervalSeconds: 10 } });
    expect(
      (await planOperation(db, { deploymentId, runbook: "FAILOVER", targetReplicaId: standby })).planHash,
    ).not.toBe(other.planHash);
  });

  it("switchover with live lag: waits for it, flags it over the RPO, still loses nothing", async () => {
    const { deploymentId, link } = await commerce();
    await snapshot(deploymentId, [{ linkId: link.id, lagMs: 7400, lagBytes: 123 }]);
    const plan = await planOperation(db, { deploymentId, runbook: "SWITCHOVER" });
    expect(plan.steps.find((s) => s.kind === "WAIT_CATCH_UP")!.estimateSeconds).toBe(8);
    expect(plan.estimate).toMatchObject({ lagSeconds: 7.4, dataLossSeconds: 0, dataLossBytes: 0 });
    expect(checkOf(plan, "lag-under-threshold")).toMatchObject({
      ok: false,
      blocking: false,
      detail: expect.stringContaining("7.4 s, over the RPO target of 5 s"),
    });
  });

  it("refuses a multi-primary cluster, naming clusterId", async () => {
    const { deployment, cluster } = await seedPlanningDemo("global-platform");
    const byDefault = await refusal(planOperation(db, { deploymentId: deployment.id, runbook: "SWITCHOVER" }));
    expect(byDefault).toMatchObject({
      code: "BAD_REQUEST",
      field: "clusterId",
      message: expect.stringContaining("has no single-primary cluster"),
    });
    const named = await refusal(
      planOperation(db, { deploymentId: deployment.id, runbook: "SWITCHOVER", clusterId: cluster.id }),
    );
    expect(named).toMatchObject({
      field: "clusterId",
      message:
        "cluster orders-global is multi-primary (active-active): every replica already takes writes, so there is no primary to move",
    });
  });

  it("drains a region of a multi-primary cluster: names sourceReplicaId, changes only routing, needs real servers", async () => {
    const { deployment, cluster } = await seedPlanningDemo("global-platform");
    const missing = await refusal(planOperation(db, { deploymentId: deployment.id, runbook: "DRAIN_REGION" }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", field: "sourceReplicaId" });
    const replicas = await db.replica.findMany({ where: { clusterId: cluster.id }, orderBy: { name: "asc" } });
    const region = replicas[0]!;
    for (const runbook of ["DRAIN_REGION", "RETURN_REGION"] as const) {
      const plan = await planOperation(db, { deploymentId: deployment.id, runbook, sourceReplicaId: region.id });
      expect(
        plan.steps.map((s) => s.kind),
        runbook,
      ).toEqual(KINDS[runbook]);
      expect(plan.source.id).toBe(region.id);
      expect(plan.target.id).not.toBe(region.id);
      // No step is an outage: the other regions take writes throughout.
      expect(plan.estimate.rtoSeconds).toBe(0);
      expect(plan.after.replicas.map((r) => r.role)).toEqual(plan.before.replicas.map((r) => r.role));
      const drained = plan.after.routing.filter((rule) => rule.region === plan.source.regionCode);
      expect(drained.length).toBeGreaterThan(0);
      expect(drained.every((rule) => rule.drained === (runbook === "DRAIN_REGION"))).toBe(true);
      // The twin models no client role or replication slot: the plan cannot start there.
      expect(plan.checks.find((c) => c.id === "real-servers")).toMatchObject({ ok: false, blocking: true });
    }
  });

  it("refuses to drain a region of a single-primary cluster, naming clusterId", async () => {
    const { deploymentId, primary } = await commerce();
    const refused = await refusal(
      planOperation(db, { deploymentId, runbook: "DRAIN_REGION", sourceReplicaId: primary }),
    );
    expect(refused).toMatchObject({
      field: "clusterId",
      message: expect.stringContaining("has no active-active cluster"),
    });
  });

  it("refuses a target that is not a read replica of the cluster, naming targetReplicaId", async () => {
    const { deploymentId, primary } = await commerce();
    const unknown = await refusal(
      planOperation(db, { deploymentId, runbook: "SWITCHOVER", targetReplicaId: "no-such-replica" }),
    );
    expect(unknown).toMatchObject({
      code: "BAD_REQUEST",
      field: "targetReplicaId",
      message: "replica no-such-replica is not a read replica of cluster aurora-global",
    });
    const itself = await refusal(planOperation(db, { deploymentId, runbook: "SWITCHOVER", targetReplicaId: primary }));
    expect(itself).toMatchObject({
      field: "targetReplicaId",
      message: "aurora-use1 is not a read replica of cluster aurora-global",
    });
    expect(
      await refusal(planOperation(db, { deploymentId: "no-such-deployment", runbook: "SWITCHOVER" })),
    ).toMatchObject({ field: "deploymentId" });
  });

  it("fails the blocking no-active-operation check while another operation runs on the cluster", async () => {
    const { deploymentId, cluster, primary, standby } = await commerce();
    expect(checkOf(await planOperation(db, { deploymentId, runbook: "SWITCHOVER" }), "no-active-operation").ok).toBe(
      true,
    );
    const user = await makeUser("OPERATOR");
    const running = await db.operation.create({
      data: {
        deploymentId,
        clusterId: cluster.id,
        runbook: "DRILL",
        status: "RUNNING",
        requestedById: user.userId!,
        sourceReplicaId: primary,
        targetReplicaId: standby,
        plan: {},
        planHash: "x",
      },
    });
    const plan = await planOperation(db, { deploymentId, runbook: "SWITCHOVER" });
    expect(checkOf(plan, "no-active-operation")).toMatchObject({
      ok: false,
      blocking: true,
      detail: expect.stringContaining(`Drill ${running.id} is running`),
    });
    await db.operation.update({ where: { id: running.id }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
    expect(checkOf(await planOperation(db, { deploymentId, runbook: "SWITCHOVER" }), "no-active-operation").ok).toBe(
      true,
    );
  });

  it("after a switchover or failover the target is the primary, links come from it and routing prefers its region", async () => {
    const { deploymentId, primary, standby, link } = await commerce();
    const plan = await planOperation(db, { deploymentId, runbook: "SWITCHOVER" });
    const role = (topology: TOperationPlan["before"], id: string) => topology.replicas.find((r) => r.id === id);
    expect(role(plan.before, primary)).toMatchObject({ role: "PRIMARY", writable: true });
    expect(role(plan.after, primary)).toMatchObject({ role: "READ_REPLICA", writable: false });
    expect(role(plan.after, standby)).toMatchObject({ role: "PRIMARY", writable: true });
    expect(plan.before.links).toEqual([{ id: link.id, source: primary, target: standby }]);
    expect(plan.after.links).toEqual([{ id: link.id, source: standby, target: primary }]);
    const rule = (p: TOperationPlan, topology: "before" | "after", region: string) =>
      p[topology].routing.find((r) => r.region === region);
    expect(rule(plan, "before", "eu-west-1")).toMatchObject({
      policy: "route53-latency",
      weight: 100,
      priority: 2,
      drained: false,
    });
    expect(rule(plan, "after", "eu-west-1")).toMatchObject({ priority: 1, drained: false });
    expect(rule(plan, "after", "us-east-1")).toMatchObject({ priority: 2, drained: false });

    const failover = await planOperation(db, { deploymentId, runbook: "FAILOVER" });
    expect(rule(failover, "after", "us-east-1")).toMatchObject({ priority: 2, drained: true });
    const drill = await planOperation(db, { deploymentId, runbook: "DRILL" });
    expect(drill.after).toEqual(drill.before);
  });

  it("checks region health from the live data: a down target blocks a switchover, a healthy source warns a failover", async () => {
    const { deploymentId, link, regionIds } = await commerce();
    const noData = await planOperation(db, { deploymentId, runbook: "SWITCHOVER" });
    expect(checkOf(noData, "target-region-healthy")).toMatchObject({
      ok: true,
      detail: expect.stringContaining("no live data yet"),
    });
    await snapshot(
      deploymentId,
      [{ linkId: link.id }],
      [{ regionId: regionIds.awsUsEast1 }, { regionId: regionIds.awsEuWest1, status: "DOWN", healthyProbes: 0 }],
    );
    expect(
      checkOf(await planOperation(db, { deploymentId, runbook: "SWITCHOVER" }), "target-region-healthy"),
    ).toMatchObject({ ok: false, blocking: true });
    const failover = await planOperation(db, { deploymentId, runbook: "FAILOVER" });
    expect(checkOf(failover, "target-region-healthy")).toMatchObject({ ok: false, blocking: false });
    expect(checkOf(failover, "source-region-down")).toMatchObject({
      ok: false,
      blocking: false,
      detail: expect.stringContaining("stops on a false alarm"),
    });
  });

  it("a drill needs a driver that acts the outage out (the twin, the lab): on another its blocking check fails", async () => {
    const { deploymentId } = await commerce();
    expect(checkOf(await planOperation(db, { deploymentId, runbook: "DRILL" }), "drill-driver")).toMatchObject({
      ok: true,
      blocking: true,
    });
    await db.deployment.update({ where: { id: deploymentId }, data: { driverKind: "lab" } });
    expect(checkOf(await planOperation(db, { deploymentId, runbook: "DRILL" }), "drill-driver")).toMatchObject({
      ok: true,
      detail: expect.stringContaining("kill -9"),
    });
    await db.deployment.update({ where: { id: deploymentId }, data: { driverKind: "aws" } });
    expect(checkOf(await planOperation(db, { deploymentId, runbook: "DRILL" }), "drill-driver")).toMatchObject({
      ok: false,
      blocking: true,
      detail: expect.stringContaining("aws driver"),
    });
  });

  it("failback targets the replica the last completed move took the primary from", async () => {
    const { deploymentId, cluster, primary, standby, regionIds } = await commerce();
    const second = await addStandby(cluster.id, regionIds.awsEuWest1, primary);
    // As a failover leaves it: eu-west-1 is the primary; both others read.
    await db.replica.update({ where: { id: primary }, data: { role: "READ_REPLICA" } });
    await db.replica.update({ where: { id: standby }, data: { role: "PRIMARY" } });
    const guessed = await planOperation(db, { deploymentId, runbook: "FAILBACK" });
    expect(guessed.target.id).toBe(second.replica.id); // aurora-euw1-b sorts first
    expect(checkOf(guessed, "original-primary")).toMatchObject({
      ok: false,
      blocking: false,
      detail: expect.stringContaining("no earlier failover or switchover"),
    });

    const user = await makeUser("OPERATOR");
    const failover = await db.operation.create({
      data: {
        deploymentId,
        clusterId: cluster.id,
        runbook: "FAILOVER",
        status: "SUCCEEDED",
        finishedAt: new Date(),
        requestedById: user.userId!,
        sourceReplicaId: primary,
        targetReplicaId: standby,
        plan: {},
        planHash: "x",
      },
    });
    const plan = await planOperation(db, { deploymentId, runbook: "FAILBACK" });
    expect(plan.source.id).toBe(standby);
    expect(plan.target.id).toBe(primary);
    expect(checkOf(plan, "original-primary")).toMatchObject({ ok: true, detail: expect.stringContaining(failover.id) });
  });
});
