// Requesting an operation: the plan is computed again on the server and must be the one the
// operator looked at; its blocking checks must pass; then the operation, its steps and the gate
// before the run are stored in one transaction. The database's partial unique index is what makes
// "one operation per cluster" hold when two requests race past the check.
import { randomUUID } from "node:crypto";

import { ACTIVE_STATUSES, type TStartRequest } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, statusWords } from "@/lib/operations/words";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { databaseNow } from "@/server/domain/clock";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";

import { openGate } from "../approvals/gates";
import { planWithContext } from "./plan";

async function activeOnCluster(db: Db, clusterId: string) {
  return db.operation.findFirst({
    where: { clusterId, status: { in: [...ACTIVE_STATUSES] } },
    include: { requestedBy: { select: { name: true } } },
  });
}

function busy(
  other: { runbook: string; status: string; id: string; requestedBy: { name: string } },
  clusterName: string,
) {
  return conflict(
    `cluster ${clusterName} already has an operation in progress: ${RUNBOOK_LABELS[other.runbook as keyof typeof RUNBOOK_LABELS].toLowerCase()} ${other.id.slice(0, 8)} requested by ${other.requestedBy.name}, ${statusWords(other.status)}; one operation per cluster at a time`,
    "clusterId",
  );
}

export async function startOperation(db: Db, actor: Actor, input: TStartRequest): Promise<{ operationId: string }> {
  if (!actor.userId) throw new AppError("FORBIDDEN", "operations are requested by a person");
  const { plan, context } = await planWithContext(db, input);
  if (plan.planHash !== input.planHash) {
    throw conflict(
      "the plan has changed since you looked at it (the topology, the target or the steps moved); review the new plan and request again",
      "planHash",
    );
  }
  const other = await activeOnCluster(db, plan.clusterId);
  if (other) throw busy(other, plan.clusterName);
  const blocking = plan.checks.filter((c) => c.blocking && !c.ok);
  if (blocking.length > 0)
    throw new AppError(
      "PRECONDITION_FAILED",
      `the plan cannot run: ${blocking.map((c) => `${c.label} (${c.detail})`).join("; ")}`,
      { field: "runbook" },
    );
  const { policy } = context;

  // The twin's row exists before the first move, so every move can lock it first.
  await db.driverState.createMany({
    data: [{ deploymentId: plan.deploymentId, kind: context.estate.driverKind }],
    skipDuplicates: true,
  });
  try {
    return await db.$transaction(async (tx) => {
      // The cluster's row lock orders this start with model edits (topology/active-operation.ts):
      // an edit waiting on it sees this operation once it commits, and refuses itself.
      await tx.$queryRaw`select id from "DatabaseCluster" where id = ${plan.clusterId} for update`;
      // The id is chosen here so each step's idempotency key (operation:index:kind) is written with it.
      const id = randomUUID();
      // The request's moment is the RTO's start in a failover: the database's clock, as every step's.
      const nowMs = await databaseNow(tx);
      const op = await tx.operation.create({
        data: {
          id,
          createdAt: new Date(nowMs),
          deploymentId: plan.deploymentId,
          clusterId: plan.clusterId,
          runbook: plan.runbook,
          status: policy.approvalsRequired > 0 ? "AWAITING_APPROVAL" : "RUNNING",
          requestedById: actor.userId!,
          reason: input.reason,
          sourceReplicaId: plan.source.id,
          targetReplicaId: plan.target.id,
          plan: plan as never,
          planHash: plan.planHash,
          steps: {
            create: plan.steps.map((s) => ({
              index: s.index,
              kind: s.kind,
              phase: s.phase,
              title: s.title,
              params: s.params,
              maxAttempts: s.maxAttempts,
              timeoutSeconds: s.timeoutSeconds,
              rollback: s.rollback,
              idempotencyKey: `${id}:${s.index}:${s.kind}`,
            })),
          },
        },
      });
      if (policy.approvalsRequired > 0)
        await openGate(
          tx,
          op,
          { stepIndex: 0, beforeRun: true, stepTitle: null, nowMs },
          { topologyFingerprint: plan.topologyFingerprint, snapshot: context.live.snapshot, policy },
        );
      const words =
        policy.approvalsRequired > 0
          ? `waits for ${policy.approvalsRequired} approval(s) from ${policy.approverRole.toLowerCase()}s`
          : "runs without approval (policy)";
      await recordAudit(tx, actor, {
        action: "operation.request",
        objectType: "Operation",
        objectId: op.id,
        summary: `requested ${RUNBOOK_LABELS[plan.runbook].toLowerCase()} of ${plan.clusterName}: ${plan.source.name} (${plan.source.regionCode}) → ${plan.target.name} (${plan.target.regionCode}); ${words}`,
        after: { runbook: plan.runbook, planHash: plan.planHash, reason: input.reason, steps: plan.steps.length },
      });
      return { operationId: op.id };
    });
  } catch (error) {
    // Two requests raced past the check: the partial unique index refused the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await activeOnCluster(db, plan.clusterId);
      if (winner) throw busy(winner, plan.clusterName);
      throw conflict(
        `another operation on cluster ${plan.clusterName} was requested at the same moment; reload the plan and try again`,
        "clusterId",
      );
    }
    throw error;
  }
}
