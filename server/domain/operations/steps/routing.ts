// Steps around the database: repoint replication, shift routing, scale up the stack, verify writes.
import { label, tieredSizeLabel } from "@/lib/topology/words";
import type { RoutingRuleChange } from "@/server/drivers/types";

import {
  done,
  operationEpoch,
  regionCode,
  replicaOf,
  StepRefused,
  wait,
  type Output,
  type StepContext,
  type StepOutcome,
} from "./context";

/** Every link of the cluster ends up flowing from the new primary; `rejoin` names a returning replica. */
export async function repoint(ctx: StepContext): Promise<StepOutcome> {
  const primary = replicaOf(ctx, String(ctx.params.primary));
  const rejoin = ctx.params.rejoin ? replicaOf(ctx, String(ctx.params.rejoin)) : null;
  const links = ctx.topology.links.filter(
    (l) => ctx.topology.replicas.find((r) => r.id === l.sourceReplicaId)?.clusterId === primary.clusterId,
  );
  if (
    rejoin &&
    !links.some(
      (l) =>
        [l.sourceReplicaId, l.targetReplicaId].includes(rejoin.id) &&
        [l.sourceReplicaId, l.targetReplicaId].includes(primary.id),
    )
  ) {
    throw new StepRefused(
      `no replication link joins ${rejoin.id} and ${primary.id}: add one in the model before failing back`,
    );
  }
  let rewoundBytes = 0;
  let repointed = 0;
  for (const link of links) {
    if (link.sourceReplicaId === primary.id) continue;
    // The link into the new primary turns round: its old source now receives from it.
    const newTarget = link.targetReplicaId === primary.id ? link.sourceReplicaId : link.targetReplicaId;
    const result = await ctx.driver.repoint({
      linkId: link.id,
      newSourceReplicaId: primary.id,
      newTargetReplicaId: newTarget,
      epoch: operationEpoch(ctx),
      atMs: ctx.nowMs,
    });
    rewoundBytes += result.rewoundBytes;
    repointed += 1;
  }
  return done({ primary: primary.id, repointed, rewoundBytes });
}

/**
 * The two regions' rules swap weight and priority; a failed region is drained. What is recorded to
 * restore is the model's rules: after a lost move the world may already show the shift.
 */
export async function shiftRouting(ctx: StepContext): Promise<StepOutcome> {
  const to = replicaOf(ctx, String(ctx.params.to));
  const other = replicaOf(ctx, String(ctx.params.to) === "target" ? "source" : "target");
  const drain = ctx.params.drain ? replicaOf(ctx, String(ctx.params.drain)).regionId : null;
  const previous: Output = {};
  let changed = 0;
  for (const policy of ctx.topology.routingPolicies) {
    const toRule = policy.rules.find((r) => r.regionId === to.regionId);
    const otherRule = policy.rules.find((r) => r.regionId === other.regionId);
    if (!toRule || !otherRule) continue;
    const preferred = {
      weight: Math.max(toRule.weight, otherRule.weight),
      priority: Math.min(toRule.priority, otherRule.priority),
    };
    const second = {
      weight: Math.min(toRule.weight, otherRule.weight),
      priority: Math.max(toRule.priority, otherRule.priority),
    };
    const rules: RoutingRuleChange[] = [
      { ruleId: toRule.id, ...preferred, enabled: true, drained: false },
      { ruleId: otherRule.id, ...second, drained: otherRule.regionId === drain },
    ];
    const stored = ctx.model.routingPolicies.find((p) => p.id === policy.id)?.rules ?? policy.rules;
    const before = [toRule, otherRule].map((rule) => stored.find((r) => r.id === rule.id) ?? rule);
    previous[policy.id] = JSON.stringify(
      before.map(({ id, weight, priority, enabled, drained }) => ({
        ruleId: id,
        weight,
        priority,
        enabled,
        drained,
      })),
    );
    await ctx.driver.setRouting({
      policyId: policy.id,
      epoch: operationEpoch(ctx),
      clusterId: ctx.operation.clusterId,
      rules,
      atMs: ctx.nowMs,
    });
    changed += 1;
  }
  return done({
    to: regionCode(ctx, to.regionId),
    drained: drain ? regionCode(ctx, drain) : null,
    policies: changed,
    previous: JSON.stringify(previous),
  });
}

export async function restoreRouting(ctx: StepContext, output: Record<string, unknown>): Promise<void> {
  const previous = JSON.parse(String(output.previous ?? "{}")) as Record<string, string>;
  for (const [policyId, rules] of Object.entries(previous)) {
    await ctx.driver.setRouting({
      policyId,
      epoch: operationEpoch(ctx),
      clusterId: ctx.operation.clusterId,
      rules: JSON.parse(rules) as RoutingRuleChange[],
      atMs: ctx.nowMs,
    });
  }
}

/** A warm standby runs scaled down; as the new primary region it needs the old primary's size. */
export async function scaleUp(ctx: StepContext): Promise<StepOutcome> {
  const into = replicaOf(ctx, String(ctx.params.region));
  const from = replicaOf(ctx, into.id === ctx.operation.sourceReplicaId ? "target" : "source");
  const stacks = await ctx.tx.stackComponent.findMany({
    where: { deploymentId: ctx.operation.deploymentId, regionId: { in: [into.regionId, from.regionId] } },
    orderBy: { kind: "asc" },
  });
  const previous: StackSize[] = [];
  const scaled: StackSize[] = [];
  const sizes: string[] = [];
  for (const component of stacks.filter((s) => s.regionId === into.regionId)) {
    const reference = stacks.find((s) => s.regionId === from.regionId && s.kind === component.kind);
    const instanceCount = Math.max(component.instanceCount, reference?.instanceCount ?? 0);
    if (component.tier === "FULL" && instanceCount === component.instanceCount) continue;
    previous.push({ id: component.id, tier: component.tier, instanceCount: component.instanceCount });
    scaled.push({ id: component.id, tier: "FULL", instanceCount });
    sizes.push(resizeWords(component, { tier: "FULL", instanceCount }));
    await ctx.tx.stackComponent.update({ where: { id: component.id }, data: { tier: "FULL", instanceCount } });
  }
  return done({
    region: regionCode(ctx, into.regionId),
    regionId: into.regionId,
    resized: previous.length,
    sizes: sizes.join("; "),
    previous: JSON.stringify(previous),
    scaled: JSON.stringify(scaled),
  });
}

type StackSize = { id: string; tier: "FULL" | "SCALED_DOWN" | "OFF"; instanceCount: number };

/** "compute 3 × large, scaled down → 10 × large": a resize in the words every page uses for a size. */
function resizeWords(
  component: { kind: string; tier: string; instanceCount: number; instanceSize: string },
  to: Pick<StackSize, "tier" | "instanceCount">,
): string {
  return `${label(component.kind).toLowerCase()} ${tieredSizeLabel(component)} → ${tieredSizeLabel({ ...component, ...to })}`;
}

/**
 * On failing back: the region's stack returns to the sizes it had before the newest scale-up of
 * this cluster's moves (a switchover's or a failover's, this drill's own included). A component
 * changed by someone since that scale-up is left as it is, and the output says so.
 */
export async function restoreSize(ctx: StepContext): Promise<StepOutcome> {
  const region = replicaOf(ctx, String(ctx.params.region));
  const code = regionCode(ctx, region.regionId);
  const scaleUps = await ctx.tx.operationStep.findMany({
    where: {
      kind: "SCALE_UP",
      status: "SUCCEEDED",
      rolledBackAt: null,
      operation: { clusterId: ctx.operation.clusterId },
    },
    orderBy: { finishedAt: "desc" },
    take: 20,
  });
  const scaleUp = scaleUps.find((s) => {
    const output = s.output as Record<string, unknown> | null;
    return output?.regionId === region.regionId || output?.region === code;
  });
  if (!scaleUp)
    return done({ region: code, restored: 0, kept: 0, previous: "[]", note: `no earlier move scaled up ${code}` });
  const output = scaleUp.output as Record<string, unknown>;
  const before = JSON.parse(String(output.previous ?? "[]")) as StackSize[];
  const after = output.scaled ? (JSON.parse(String(output.scaled)) as StackSize[]) : null;
  const current = await ctx.tx.stackComponent.findMany({ where: { id: { in: before.map((b) => b.id) } } });
  const previous: StackSize[] = [];
  const sizes: string[] = [];
  let kept = 0;
  for (const size of before) {
    const component = current.find((c) => c.id === size.id);
    if (!component || (component.tier === size.tier && component.instanceCount === size.instanceCount)) continue;
    // Still as the scale-up left it (older records did not say: then still at full size)?
    const set = after?.find((a) => a.id === size.id);
    const untouched = set
      ? component.tier === set.tier && component.instanceCount === set.instanceCount
      : component.tier === "FULL";
    if (!untouched) {
      kept += 1;
      continue;
    }
    previous.push({ id: component.id, tier: component.tier, instanceCount: component.instanceCount });
    sizes.push(resizeWords(component, size));
    await ctx.tx.stackComponent.update({
      where: { id: component.id },
      data: { tier: size.tier, instanceCount: size.instanceCount },
    });
  }
  return done({
    region: code,
    restored: previous.length,
    kept,
    sizes: sizes.join("; "),
    previous: JSON.stringify(previous),
    note:
      kept > 0
        ? `${kept} component(s) of ${code} changed since the scale-up keep their size`
        : `${code} is back at its size before the scale-up`,
  });
}

export async function restoreScale(ctx: StepContext, output: Record<string, unknown>): Promise<void> {
  const previous = JSON.parse(String(output.previous ?? "[]")) as StackSize[];
  for (const item of previous)
    await ctx.tx.stackComponent.update({
      where: { id: item.id },
      data: { tier: item.tier, instanceCount: item.instanceCount },
    });
}

/** Writes land when the promoted replica is the only writer and its log grows between two looks. */
export async function verifyWrites(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  const writers = await ctx.driver.writableReplicas(replica.clusterId);
  if (writers.length !== 1 || writers[0] !== replica.id)
    throw new StepRefused(
      `writes should land only on ${replica.id}, but the writable replicas are [${writers.join(", ")}]`,
    );
  if (ctx.driver.probeWrite) {
    // A real server: one probe write on it proves it takes writes now, without waiting for traffic.
    const probe = await ctx.driver.probeWrite({ replicaId: replica.id, atMs: ctx.nowMs });
    return done({
      replica: replica.id,
      region: regionCode(ctx, replica.regionId),
      probe: true,
      position: probe.position,
    });
  }
  const position = await ctx.driver.committedPosition({ replicaId: replica.id, atMs: ctx.nowMs });
  const start = typeof ctx.previous?.startPosition === "number" ? ctx.previous.startPosition : null;
  if (start === null || position <= start) {
    return wait(
      { startPosition: start ?? position, position },
      10,
      `no new writes have landed on ${replica.id} in ${regionCode(ctx, replica.regionId)}`,
    );
  }
  return done({
    replica: replica.id,
    region: regionCode(ctx, replica.regionId),
    startPosition: start,
    position,
    writtenBytes: position - start,
  });
}
