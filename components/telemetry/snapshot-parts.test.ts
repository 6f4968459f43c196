import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import type { LiveSnapshot } from "@/lib/telemetry/contracts";

import { faultsOf, openAlertsOf, serversOf } from "./snapshot-parts";

const alert = { id: "a1", kind: "LAG_OVER_RPO", targetId: "l1", targetLabel: "db1 → db2", message: "over" };
const fault = { id: "f1", kind: "REGION_OUTAGE", summary: "eu down", startedAt: new Date(0) };
const tick = (observedAtMs: number, lagOf: Record<string, number>, more: Partial<LiveSnapshot> = {}) =>
  ({
    deploymentId: "d1",
    observedAtMs,
    rpoTargetSeconds: 5,
    links: Object.entries(lagOf).map(([linkId, lagMs]) => ({ linkId, lagMs, lagBytes: 0, overRpo: lagMs > 5000 })),
    regions: [],
    clusters: [],
    replicas: [],
    alerts: [alert],
    faults: [fault],
    ...more,
  }) as unknown as LiveSnapshot;

/**
 * A panel's part, read as React Query hands it to useSnapshotPart: setQueryData as the
 * subscription does, an observer with the part as `select`; how often the panel would render.
 */
function watch<T>(select: (snapshot: LiveSnapshot) => T) {
  const client = new QueryClient();
  const key = ["snapshot"];
  client.setQueryData(key, tick(1, { l1: 6000, l2: 100 }));
  // useQuery tracks what a component reads: useSnapshotPart reads `data` and `isPending`.
  const observer = new QueryObserver(client, {
    queryKey: key,
    staleTime: Infinity,
    enabled: false,
    select,
    notifyOnChangeProps: ["data", "isPending"],
  });
  let renders = 0;
  const unsubscribe = observer.subscribe(() => renders++);
  return {
    next: (snapshot: LiveSnapshot) => client.setQueryData(key, snapshot),
    renders: () => renders,
    part: () => observer.getCurrentResult().data,
    unsubscribe,
  };
}

describe("the snapshot parts the panels read", () => {
  it("the fault panel's part keeps its identity over ticks that change only times and lags", () => {
    const faults = watch(faultsOf);
    const before = faults.part();
    faults.next(tick(2, { l1: 6100, l2: 150 }));
    faults.next(tick(3, { l1: 6200, l2: 90 }));
    expect(faults.renders()).toBe(0);
    expect(faults.part()).toBe(before);
    faults.next(tick(4, { l1: 6200, l2: 90 }, { faults: [] }));
    expect(faults.renders()).toBe(1);
    expect(faults.part()).toEqual([]);
    faults.unsubscribe();
  });

  it("the alert list's part changes with its alert's own value only", () => {
    const alerts = watch(openAlertsOf);
    expect(alerts.part()).toEqual([{ ...alert, now: 6000 }]);
    alerts.next(tick(2, { l1: 6000, l2: 900 }));
    expect(alerts.renders()).toBe(0);
    alerts.next(tick(3, { l1: 7000, l2: 900 }));
    expect(alerts.renders()).toBe(1);
    expect(alerts.part()).toEqual([{ ...alert, now: 7000 }]);
    alerts.unsubscribe();
  });

  it("the server panel's part stays while the servers' answers do", () => {
    const servers = watch(serversOf);
    servers.next(tick(2, { l1: 1, l2: 2 }));
    expect(servers.renders()).toBe(0);
    servers.next(tick(3, { l1: 1, l2: 2 }, { lagUnknown: [{ linkId: "l1", reason: "unreachable" }] } as never));
    expect(servers.renders()).toBe(1);
    servers.unsubscribe();
  });
});
