// The overview through the API: a deployment's health from its newest snapshot, its open alerts,
// the operation under way and the approval waiting, with who may decide it.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { callerAs, deploymentInput } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

describe("overview", () => {
  it("shows an observed deployment's health, its alert, its running operation and the approval waiting", async () => {
    const { deploymentId } = await opsEstate();
    const alert = await db.alert.create({
      data: { deploymentId, kind: "REGION_DOWN", targetId: "r", targetLabel: "eu-west-1", message: "down" },
    });
    const { operationId } = await request(deploymentId, "SWITCHOVER");
    const approver = await callerAs("APPROVER");
    const viewer = await callerAs("VIEWER");

    const forApprover = (await approver.caller.overview.deployments()).find((d) => d.id === deploymentId)!;
    expect(forApprover.health).toBe("HEALTHY");
    expect(forApprover.observedAtMs).not.toBeNull();
    expect(forApprover.alerts.map((a) => a.id)).toEqual([alert.id]);
    expect(forApprover.operations).toMatchObject([
      { id: operationId, runbook: "SWITCHOVER", status: "AWAITING_APPROVAL" },
    ]);
    expect(forApprover.approvals).toMatchObject([{ operationId, mayDecide: true }]);

    const forViewer = (await viewer.caller.overview.deployments()).find((d) => d.id === deploymentId)!;
    expect(forViewer.approvals).toMatchObject([{ operationId, mayDecide: false }]);
  });

  it("says a deployment the worker has not observed has no data, rather than calling it healthy", async () => {
    const { caller } = await callerAs("OPERATOR");
    const deployment = await caller.topology.createDeployment(deploymentInput());
    const row = (await caller.overview.deployments()).find((d) => d.id === deployment.id)!;
    expect(row).toMatchObject({ health: "NO_DATA", observedAtMs: null, alerts: [], operations: [], approvals: [] });
  });
});
