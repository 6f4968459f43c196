// The charts' annotations against the real database: the faults, alerts and operations of one
// deployment whose time overlaps the range, named, with their start and end; nothing from before the
// range, after it, or from another deployment. Events lie in 2035, where no other test file puts any.
import { beforeAll, describe, expect, it } from "vitest";

import { ZAnnotationsQuery } from "@/lib/telemetry/contracts";
import { db } from "@/server/db";
import { makeUser } from "@/tests/factories";
import { makeTelemetryEstate, type TelemetryEstate } from "@/tests/telemetry-estate";

import { listAnnotations } from "./annotations";

const MINUTE = 60_000;
const T0 = Date.UTC(2035, 2, 1, 12, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);

let estate: TelemetryEstate;
let other: TelemetryEstate;
const ids: Record<string, string> = {};

beforeAll(async () => {
  estate = await makeTelemetryEstate(db, { regions: 2, links: 1 });
  other = await makeTelemetryEstate(db, { regions: 2, links: 1 });
  const fault = (deploymentId: string, startedAt: Date, clearedAt: Date | null, spec: object = {}) =>
    db.fault.create({
      data: { deploymentId, kind: "LINK_PARTITION", spec, summary: "partition a → b", startedAt, clearedAt },
    });
  ids.before = (await fault(estate.deploymentId, at(-30), at(-20))).id; // over before the range
  ids.cleared = (await fault(estate.deploymentId, at(5), at(8))).id;
  ids.running = (await fault(estate.deploymentId, at(50), null)).id; // still active
  ids.expired = (await fault(estate.deploymentId, at(-40), null, { endsAtMs: T0 - 35 * MINUTE })).id; // duration ran out before
  ids.timed = (await fault(estate.deploymentId, at(10), null, { endsAtMs: T0 + 11 * MINUTE })).id;
  ids.foreign = (await fault(other.deploymentId, at(5), null)).id;
  ids.after = (await fault(estate.deploymentId, at(70), null)).id; // starts after the range
  ids.alert = (
    await db.alert.create({
      data: {
        deploymentId: estate.deploymentId,
        kind: "LAG_OVER_RPO",
        targetId: estate.linkIds[0]!,
        targetLabel: "db-r0 → db-r1",
        message: "replication lag is over the RPO target",
        openedAt: at(-5), // opened before the range, resolved inside it
        resolvedAt: at(15),
      },
    })
  ).id;
  const requester = await makeUser("OPERATOR");
  const replicas = await db.replica.findMany({ where: { clusterId: estate.clusterId }, select: { id: true } });
  ids.operation = (
    await db.operation.create({
      data: {
        deploymentId: estate.deploymentId,
        clusterId: estate.clusterId,
        runbook: "SWITCHOVER",
        status: "SUCCEEDED",
        requestedById: requester.userId,
        reason: "planned maintenance",
        sourceReplicaId: replicas[0]!.id,
        targetReplicaId: replicas[1]!.id,
        plan: {},
        planHash: "test",
        startedAt: at(20),
        finishedAt: at(24),
      },
    })
  ).id;
}, 60_000);

describe("listAnnotations", () => {
  it("lists the faults, alerts and operations overlapping the range, oldest first, named", async () => {
    const annotations = await listAnnotations(
      db,
      ZAnnotationsQuery.parse({ deploymentId: estate.deploymentId, fromMs: T0, toMs: T0 + 60 * MINUTE }),
    );
    expect(annotations.map((a) => a.id)).toEqual([ids.alert, ids.cleared, ids.timed, ids.operation, ids.running]);
    expect(annotations).toEqual([
      {
        id: ids.alert,
        kind: "alert",
        title: "Lag over RPO: db-r0 → db-r1",
        detail: "replication lag is over the RPO target",
        startMs: T0 - 5 * MINUTE,
        endMs: T0 + 15 * MINUTE,
      },
      expect.objectContaining({
        kind: "fault",
        title: "Link partition",
        detail: "partition a → b",
        endMs: T0 + 8 * MINUTE,
      }),
      expect.objectContaining({ kind: "fault", startMs: T0 + 10 * MINUTE, endMs: T0 + 11 * MINUTE }),
      {
        id: ids.operation,
        kind: "operation",
        title: "Planned switchover: Succeeded",
        detail: "planned maintenance",
        startMs: T0 + 20 * MINUTE,
        endMs: T0 + 24 * MINUTE,
      },
      expect.objectContaining({ kind: "fault", startMs: T0 + 50 * MINUTE, endMs: null }),
    ]);
  });

  it("lists nothing for a range with no events", async () => {
    const quiet = { deploymentId: estate.deploymentId, fromMs: T0 + 25 * MINUTE, toMs: T0 + 40 * MINUTE };
    expect(await listAnnotations(db, ZAnnotationsQuery.parse(quiet))).toEqual([]);
  });
});
