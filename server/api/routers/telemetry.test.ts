// The telemetry API: the live subscription resumes after a reconnect without losing events
// (through PostgreSQL LISTEN/NOTIFY), and fault injection is an operator's, with clear refusals.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { publishLiveEvent } from "@/server/events";
import { callerAs, deploymentInput } from "@/tests/factories";

const snapshot = (deploymentId: string, observedAtMs: number) => ({
  deploymentId,
  observedAtMs,
  rpoTargetSeconds: 5,
  links: [],
  regions: [],
  clusters: [],
  replicas: [],
  alerts: [],
  faults: [],
});

/** Reads `count` events from a subscription, with a deadline so a lost event fails the test. */
async function take<T>(iterator: AsyncIterator<T>, count: number, timeoutMs = 10_000): Promise<T[]> {
  const events: T[] = [];
  const deadline = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`only ${events.length} of ${count} events arrived`)), timeoutMs),
  );
  while (events.length < count) {
    const next = await Promise.race([iterator.next(), deadline]);
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

const unexpected = (): never => {
  throw new Error("the call should have been refused");
};

type Envelope = [id: string, data: { observedAtMs: number }];
const idsOf = (events: unknown[]) => events.map((e) => (e as Envelope)[0]);
const timesOf = (events: unknown[]) => events.map((e) => (e as Envelope)[1].observedAtMs);

describe("live subscription", () => {
  it("starts from the newest snapshot, then streams what workers publish", async () => {
    const { caller: operator } = await callerAs("OPERATOR");
    const deployment = await operator.topology.createDeployment(deploymentInput());
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, 1));
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, 2));

    const { caller: viewer } = await callerAs("VIEWER");
    const stream = (await viewer.telemetry.live({ deploymentId: deployment.id })) as AsyncIterable<unknown>;
    const iterator = stream[Symbol.asyncIterator]();
    expect(timesOf(await take(iterator, 1))).toEqual([2]);
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, 3));
    expect(timesOf(await take(iterator, 1))).toEqual([3]);
    await iterator.return?.(undefined); // the browser leaves: the server stops listening
  });

  it("resumes after the last event id it saw, losing nothing published while it was away", async () => {
    const { caller: operator } = await callerAs("OPERATOR");
    const deployment = await operator.topology.createDeployment(deploymentInput());
    const seen = await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, 1));
    // The browser is away while three more are published.
    const missed = [];
    for (const t of [2, 3, 4])
      missed.push(await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, t)));

    const { caller: viewer } = await callerAs("VIEWER");
    const stream = (await viewer.telemetry.live({
      deploymentId: deployment.id,
      lastEventId: seen,
    })) as AsyncIterable<unknown>;
    const iterator = stream[Symbol.asyncIterator]();
    const replayed = await take(iterator, 3);
    expect(idsOf(replayed)).toEqual(missed);
    expect(timesOf(replayed)).toEqual([2, 3, 4]);
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, snapshot(deployment.id, 5));
    expect(timesOf(await take(iterator, 1))).toEqual([5]);
    await iterator.return?.(undefined); // the browser leaves: the server stops listening
  });
});

describe("faults and history through the API", () => {
  it("a viewer may not inject a fault", async () => {
    const { caller: operator } = await callerAs("OPERATOR");
    const deployment = await operator.topology.createDeployment(deploymentInput());
    const { caller: viewer } = await callerAs("VIEWER");
    const error = await viewer.telemetry
      .injectFault({ deploymentId: deployment.id, kind: "REGION_OUTAGE", target: { regionId: "x" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
  });

  it("an unknown fault kind and a reversed history range are refused with the rule", async () => {
    const { caller } = await callerAs("OPERATOR");
    const deployment = await caller.topology.createDeployment(deploymentInput());
    const badKind = await caller.telemetry
      .injectFault({ deploymentId: deployment.id, kind: "METEOR" as never, target: {} })
      .then(unexpected, (e: TRPCError) => e);
    expect(badKind.code).toBe("BAD_REQUEST");
    expect(badKind.message).toMatch(/Fault must be Region outage, Link partition/);
    const reversed = await caller.telemetry
      .history({ deploymentId: deployment.id, series: "lag", keys: [], fromMs: 2_000, toMs: 1_000 })
      .then(unexpected, (e: TRPCError) => e);
    expect(reversed.code).toBe("BAD_REQUEST");
    expect(reversed.message).toMatch(/toMs must be after fromMs/);
  });

  it("faults go into the lab only as kinds it acts out, and never into servers Meridian does not own", async () => {
    const { caller } = await callerAs("OPERATOR");
    const lab = await caller.topology.createDeployment(deploymentInput());
    const elsewhere = await caller.topology.createDeployment(deploymentInput());
    await db.deployment.update({ where: { id: lab.id }, data: { driverKind: "lab" } });
    await db.deployment.update({ where: { id: elsewhere.id }, data: { driverKind: "postgres" } });
    const surge = await caller.telemetry
      .injectFault({ deploymentId: lab.id, kind: "WRITE_SURGE", target: { clusterId: "x" }, params: { multiplier: 2 } })
      .then(unexpected, (e: TRPCError) => e);
    expect(surge.code).toBe("BAD_REQUEST");
    expect(surge.message).toMatch(/the lab acts out region outage, link partition, added latency; not write surge/);
    const owned = await caller.telemetry
      .injectFault({ deploymentId: elsewhere.id, kind: "REGION_OUTAGE", target: { regionId: "x" } })
      .then(unexpected, (e: TRPCError) => e);
    expect(owned.code).toBe("PRECONDITION_FAILED");
    expect(owned.message).toMatch(/servers Meridian does not own/);
    expect(await db.fault.count({ where: { deploymentId: { in: [lab.id, elsewhere.id] } } })).toBe(0);
  });
});
