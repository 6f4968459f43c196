// The report of an operation: how long writes were out (measured RTO) broken down by phase, how
// much was lost (measured data loss), both against the deployment's targets. Built from the step
// and gate records, so it can be rebuilt at any time and says only what was measured.
import {
  isRegionRunbook,
  parseOperationPlan,
  parseStepOutput,
  type TPhase,
  type TReplicaRef,
  type TReport,
  type TRunbook,
} from "@/lib/operations/contracts";
import { LOST_WRITES_NOT_COUNTED } from "@/lib/operations/words";
import type { Tx } from "@/server/db";
import { ledgerWriteOutageMs } from "@/server/lab/ledger-outage";

import { measureLostWrites } from "./report-lost-writes";

type StepRow = {
  index: number;
  kind: string;
  phase: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  output: unknown;
  title: string;
};
type GateRow = { stepIndex: number; beforeRun: boolean; createdAt: Date; decidedAt: Date | null; status: string };

const BYTES_PER_GB = 1e9;
const seconds = (fromMs: number, toMs: number) => Math.max(0, Math.round(toMs - fromMs) / 1000);
const out = (step: StepRow | undefined, key: string) => (step ? parseStepOutput(step.output)?.[key] : undefined);

/** A region runbook has no RTO: no step stops the cluster's writes. */
export const REGION_RUN_NOTE =
  "Every other region took writes throughout, so no RTO applies: the clients' view is the ledger's longest gap between acknowledged writes (a client whose connection was moved between regions reconnected).";

/** Where the write outage begins and ends, by runbook. */
function rtoWindow(
  runbook: TRunbook,
  steps: StepRow[],
  createdAt: Date,
  gatedFence: boolean,
): { fromMs: number; toMs: number | null } {
  const firstVerify = steps.find((s) => s.kind === "VERIFY_WRITES");
  const toMs = firstVerify?.status === "SUCCEEDED" && firstVerify.finishedAt ? firstVerify.finishedAt.getTime() : null;
  if (runbook === "DRILL")
    return { fromMs: steps.find((s) => s.kind === "INJECT_FAULT")?.finishedAt?.getTime() ?? createdAt.getTime(), toMs };
  // An unplanned failover: the outage is on from the moment someone asked, approvals included.
  if (runbook === "FAILOVER") return { fromMs: createdAt.getTime(), toMs };
  // Planned: writes stop when the primary is fenced; the clock starts when the step before it ended,
  // or, when the fence waited for its own approval, when it ran (writes flowed while people decided).
  const fence = steps.find((s) => s.kind === "FENCE");
  const beforeFence = fence && !gatedFence ? steps.find((s) => s.index === fence.index - 1) : undefined;
  return { fromMs: beforeFence?.finishedAt?.getTime() ?? fence?.startedAt?.getTime() ?? createdAt.getTime(), toMs };
}

/** Contiguous phases: a step owns the time from the previous step's end (or its gate's decision) to its own end. */
function phasesWithin(
  steps: StepRow[],
  gates: GateRow[],
  fromMs: number,
  toMs: number,
  fenceIndex?: number,
): Map<TPhase, number> {
  const phases = new Map<TPhase, number>();
  const add = (phase: TPhase, value: number) =>
    phases.set(phase, Math.round(((phases.get(phase) ?? 0) + value) * 1000) / 1000);
  let cursor = fromMs;
  for (const step of steps) {
    const endMs = step.finishedAt?.getTime();
    if (endMs === undefined || endMs <= fromMs || endMs > toMs) continue;
    // A gated step waited from its first gate opening until it could start: the approvers' time,
    // lapsed rounds included, as the run lived it (both ends on the engine's clock).
    // (The fence's own gate is before the outage, outside the window.)
    const stepGates = gates.filter((g) => !g.beforeRun && g.stepIndex === step.index && step.index !== fenceIndex);
    if (stepGates.length > 0 && step.startedAt) {
      const gateStart = cursor;
      const gateEnd = Math.min(step.startedAt.getTime(), endMs);
      if (gateEnd > gateStart) add("approval", seconds(gateStart, gateEnd));
      cursor = Math.max(cursor, gateEnd);
    }
    add(step.phase as TPhase, seconds(cursor, endMs));
    cursor = endMs;
  }
  return phases;
}

export async function buildReport(tx: Tx, operationId: string): Promise<TReport> {
  const op = await tx.operation.findUniqueOrThrow({
    where: { id: operationId },
    include: {
      steps: { orderBy: { index: "asc" } },
      gates: true,
      deployment: { select: { rtoTargetSeconds: true, rpoTargetSeconds: true, slug: true } },
    },
  });
  const runbook = op.runbook as TRunbook;
  const plan = parseOperationPlan(op.plan);
  // In a planned move the outage starts at the fence, so a gate before the fence is outside it.
  const fenceIndex =
    runbook === "SWITCHOVER" || runbook === "FAILBACK" ? op.steps.find((s) => s.kind === "FENCE")?.index : undefined;
  const window = rtoWindow(
    runbook,
    op.steps,
    op.createdAt,
    fenceIndex !== undefined && op.gates.some((g) => !g.beforeRun && g.stepIndex === fenceIndex),
  );
  const notes: string[] = [];
  // A failover's outage clock runs while people approve, until the run starts: that wait is a phase of its own.
  const approvedRunMs = runbook === "FAILOVER" && op.startedAt ? op.startedAt.getTime() : null;
  const phases =
    window.toMs === null
      ? new Map<TPhase, number>()
      : phasesWithin(op.steps, op.gates, approvedRunMs ?? window.fromMs, window.toMs, fenceIndex);
  if (window.toMs !== null && approvedRunMs !== null)
    phases.set("approval", (phases.get("approval") ?? 0) + seconds(window.fromMs, approvedRunMs));
  if (runbook === "DRILL") {
    const failback = op.steps.filter((s) => s.phase === "failback" && s.finishedAt && s.startedAt);
    if (failback.length > 0) {
      phases.set(
        "failback",
        seconds(
          Math.min(...failback.map((s) => s.startedAt!.getTime())),
          Math.max(...failback.map((s) => s.finishedAt!.getTime())),
        ),
      );
      notes.push("The failback phase is measured but is not part of the RTO.");
    }
  }
  const promote = op.steps.find((s) => s.kind === "PROMOTE" && s.status === "SUCCEEDED");
  const lostBytes = Number(out(promote, "lostBytes") ?? 0);
  const links = await tx.replicationLink.findMany({
    where: { clusterId: op.clusterId },
    select: { expectedVolumeGbPerDay: true },
  });
  const writeBytesPerSecond = (Math.max(0, ...links.map((l) => l.expectedVolumeGbPerDay)) * BYTES_PER_GB) / 86_400;
  const lossSeconds = writeBytesPerSecond > 0 ? Math.round((lostBytes / writeBytesPerSecond) * 1000) / 1000 : 0;
  const measuredRtoSeconds = window.toMs === null ? null : seconds(window.fromMs, window.toMs);

  const chosen = op.steps.find((s) => s.kind === "CHOOSE_TARGET" && s.status === "SUCCEEDED");
  if (out(chosen, "changedFromPlan") === true)
    notes.push(
      `The run chose ${String(out(chosen, "chosen"))} instead of the planned target: it held more of the old primary's log.`,
    );
  const rewound = op.steps.reduce((sum, s) => sum + Number(out(s, "rewoundBytes") ?? 0), 0);
  if (rewound > 0)
    notes.push(
      `${rewound} bytes the old primary wrote after the last replicated point were discarded when it rejoined (as pg_rewind does).`,
    );
  const rolledBack = op.steps.filter((s) => s.status === "ROLLED_BACK").map((s) => `${s.index + 1} "${s.title}"`);
  if (rolledBack.length > 0) notes.push(`Undone on the way out: step ${rolledBack.join(", ")}.`);
  if (op.failureReason) notes.push(op.failureReason);
  if (isRegionRunbook(runbook)) notes.push(REGION_RUN_NOTE);
  else if (measuredRtoSeconds === null)
    notes.push("Writes were never verified in the new region, so no RTO was measured.");

  const ledger = await measureLedger(tx, op, notes);

  const primary = await tx.replica.findFirst({
    where: { clusterId: op.clusterId, role: "PRIMARY" },
    include: { placement: { include: { region: true } } },
  });
  const newPrimary: TReplicaRef | null = primary
    ? { id: primary.id, name: primary.name, regionId: primary.regionId, regionCode: primary.placement.region.code }
    : null;
  return {
    operationId: op.id,
    runbook,
    outcome: op.status,
    startedAt: op.startedAt?.toISOString() ?? null,
    finishedAt: op.finishedAt?.toISOString() ?? null,
    measuredRtoSeconds,
    phases: [...phases].map(([phase, value]) => ({ phase, seconds: value })),
    measuredDataLossBytes: lostBytes,
    measuredDataLossSeconds: lossSeconds,
    estimatedDataLossSeconds: plan.estimate.dataLossSeconds,
    targets: { rtoSeconds: op.deployment.rtoTargetSeconds, rpoSeconds: op.deployment.rpoTargetSeconds },
    rtoMet: measuredRtoSeconds === null ? null : measuredRtoSeconds <= op.deployment.rtoTargetSeconds,
    rpoMet: lossSeconds <= op.deployment.rpoTargetSeconds,
    newPrimary,
    epoch: op.newEpoch,
    notes,
    ledger,
  };
}

/**
 * Measured from the workload's ledger, once, as the run ends (the report is stored then and never
 * recomputed on view, so no page view asks the lab): the write outage as clients saw it over the
 * run, and the acknowledged writes the cluster's primary now lacks. Null when no ledger exists for
 * this cluster (the sim keeps none).
 */
async function measureLedger(
  tx: Tx,
  op: {
    id: string;
    clusterId: string;
    deploymentId: string;
    startedAt: Date | null;
    finishedAt: Date | null;
    deployment: { slug: string };
  },
  notes: string[],
): Promise<TReport["ledger"]> {
  const cluster = await tx.databaseCluster.findFirstOrThrow({ where: { id: op.clusterId }, select: { name: true } });
  const scope = { deployment: op.deployment.slug, cluster: cluster.name };
  if (!(await tx.labLedgerWrite.findFirst({ where: scope, select: { runId: true } }))) return null;
  if (!op.startedAt || !op.finishedAt) return { writeOutageSeconds: null, lostWrites: null };
  const outageMs = await ledgerWriteOutageMs(tx, scope, op.startedAt.getTime(), op.finishedAt.getTime());
  const lost = await measureLostWrites(tx, op, scope, op.finishedAt);
  if (typeof lost === "string") notes.push(`${LOST_WRITES_NOT_COUNTED}: ${lost}.`);
  return {
    writeOutageSeconds: outageMs === null ? null : outageMs / 1000,
    lostWrites: typeof lost === "string" ? null : lost,
  };
}
