// What a step handler is given and what it answers. Handlers act only through the driver (and, for
// the stack size and drill faults, the model in the same transaction), so the engine can record an
// effect and its step together.
import type { TPlannedStep } from "@/lib/operations/contracts";
import type { Tx } from "@/server/db";
import type { DeploymentTopology, Driver, TopologyReplica } from "@/server/drivers/types";
import { Prisma } from "@/server/generated/prisma/client";

import type { Part } from "../runbooks";

export type OperationFacts = {
  id: string;
  deploymentId: string;
  clusterId: string;
  runbook: string;
  sourceReplicaId: string;
  targetReplicaId: string;
  baseEpoch: number | null;
  newEpoch: number | null;
  rpoTargetSeconds: number;
};

export type StepContext = {
  tx: Tx;
  driver: Driver;
  /** The world as the driver answers it when the step began (what "already done" checks read). */
  topology: DeploymentTopology;
  /** The model as stored when the step began: behind the world after a move lost past its action. */
  model: DeploymentTopology;
  nowMs: number;
  operation: OperationFacts;
  params: TPlannedStep["params"];
  /** What this step answered on its previous attempt (polling steps keep their progress here). */
  previous: Record<string, unknown> | null;
};

export type Output = Record<string, string | number | boolean | null>;
export type OperationUpdate = Partial<Pick<OperationFacts, "targetReplicaId" | "baseEpoch" | "newEpoch">>;

export type StepOutcome =
  | { kind: "done"; output: Output; update?: OperationUpdate }
  /** Not yet: try again after retryInMs; `waitingFor` becomes the failure if the step times out. */
  | { kind: "wait"; output: Output; retryInMs: number; waitingFor: string };

/** A refusal no retry can fix (a failed pre-check, a false alarm, an impossible action). */
export class StepRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepRefused";
  }
}

export function replicaOf(ctx: StepContext, part: Part | string): TopologyReplica {
  const id =
    part === "source" ? ctx.operation.sourceReplicaId : part === "target" ? ctx.operation.targetReplicaId : part;
  const replica = ctx.topology.replicas.find((r) => r.id === id);
  if (!replica) throw new StepRefused(`replica ${id} is no longer part of the deployment's model`);
  return replica;
}

/** The epoch every action carries: the one the run began in, or the one its last promotion took. */
export function operationEpoch(ctx: StepContext): number {
  const epoch = ctx.operation.newEpoch ?? ctx.operation.baseEpoch;
  if (epoch === null) throw new StepRefused("the operation has no epoch yet: its first step records it");
  return epoch;
}

export function clusterEpoch(topology: DeploymentTopology, clusterId: string): number {
  return Math.max(0, ...topology.replicas.filter((r) => r.clusterId === clusterId).map((r) => r.epoch));
}

export function regionCode(ctx: StepContext, regionId: string): string {
  return ctx.topology.regions.find((r) => r.id === regionId)?.code ?? regionId;
}

export const done = (output: Output, update?: OperationUpdate): StepOutcome => ({ kind: "done", output, update });
export const wait = (output: Output, retryInMs: number, waitingFor: string): StepOutcome => ({
  kind: "wait",
  output,
  retryInMs,
  waitingFor,
});

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The database failing under a move (deadlock, lost connection, timeout): not the step's fault. */
export function isDatabaseError(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientInitializationError ||
    error instanceof Prisma.PrismaClientRustPanicError
  );
}

type OperationRow = Omit<OperationFacts, "rpoTargetSeconds"> & { deployment: { rpoTargetSeconds: number } };

export function facts(op: OperationRow): OperationFacts {
  return {
    id: op.id,
    deploymentId: op.deploymentId,
    clusterId: op.clusterId,
    runbook: op.runbook,
    sourceReplicaId: op.sourceReplicaId,
    targetReplicaId: op.targetReplicaId,
    baseEpoch: op.baseEpoch,
    newEpoch: op.newEpoch,
    rpoTargetSeconds: op.deployment.rpoTargetSeconds,
  };
}
