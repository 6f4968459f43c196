// Approval policies against real PostgreSQL: defaults until one is set, upserts audited once each,
// and invalid input refused before anything is written (by the router's contract, the one place
// input is parsed).
import { describe, expect, it } from "vitest";

import { RUNBOOKS, ZApprovalPolicyInput, type TApprovalPolicyInput } from "@/lib/operations/contracts";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { createDeployment } from "@/server/domain/topology/deployments";
import { AppError } from "@/server/errors";
import { auditCountBy, deploymentInput, makeUser } from "@/tests/factories";

import { DEFAULT_POLICY, listPolicies, policyFor, setPolicy } from "../approvals/policies";

async function setup() {
  const deployment = await createDeployment(db, SYSTEM_ACTOR, deploymentInput());
  const admin = await makeUser("ADMIN");
  return { deployment, admin };
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What the router hands the domain: the input parsed with its contract (defaults filled in). */
const setParsed = (admin: Awaited<ReturnType<typeof makeUser>>, input: TApprovalPolicyInput) =>
  setPolicy(db, admin, ZApprovalPolicyInput.parse(input));

const twoApprovers = {
  runbook: "SWITCHOVER" as const,
  approvalsRequired: 2,
  approverRole: "APPROVER" as const,
  expiresAfterSeconds: 1800,
  gatedSteps: ["PROMOTE" as const],
};

describe("approval policies", () => {
  it("lists the default for every runbook until one is set", async () => {
    const { deployment } = await setup();
    const rows = await listPolicies(db, deployment.id);
    expect(rows.map((row) => row.runbook)).toEqual([...RUNBOOKS]);
    for (const row of rows) {
      expect(row).toEqual({ ...DEFAULT_POLICY, runbook: row.runbook, isDefault: true });
    }
    expect(DEFAULT_POLICY).toEqual({
      approvalsRequired: 1,
      approverRole: "APPROVER",
      expiresAfterSeconds: 1800,
      gatedSteps: [],
      lagToleranceSeconds: 5,
    });
    expect(await policyFor(db, deployment.id, "FAILOVER")).toEqual(DEFAULT_POLICY);
    expect(await refusal(listPolicies(db, "no-such-deployment"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("upserts one policy per deployment and runbook, each change audited once in its own words", async () => {
    const { deployment, admin } = await setup();
    const set = await setParsed(admin, { deploymentId: deployment.id, ...twoApprovers });
    expect(set).toEqual({
      runbook: "SWITCHOVER",
      isDefault: false,
      approvalsRequired: 2,
      approverRole: "APPROVER",
      expiresAfterSeconds: 1800,
      gatedSteps: ["PROMOTE"],
      lagToleranceSeconds: 5,
    });
    expect(await auditCountBy(admin)).toBe(1);
    const record = await db.auditRecord.findFirstOrThrow({ where: { actorId: admin.userId } });
    expect(record).toMatchObject({
      action: "approval-policy.update",
      objectType: "ApprovalPolicy",
      summary: `${deployment.slug}: switchover needs 2 approvals from Approver within 30 min, also before Promote`,
      before: { isDefault: true, approvalsRequired: 1 },
      after: { isDefault: false, approvalsRequired: 2, gatedSteps: ["PROMOTE"] },
    });

    const rows = await listPolicies(db, deployment.id);
    expect(rows.map((row) => [row.runbook, row.isDefault])).toEqual([
      ["SWITCHOVER", false],
      ["FAILBACK", true],
      ["FAILOVER", true],
      ["DRILL", true],
      ["DRAIN_REGION", true],
      ["RETURN_REGION", true],
    ]);
    expect(await policyFor(db, deployment.id, "SWITCHOVER")).toEqual({
      approvalsRequired: 2,
      approverRole: "APPROVER",
      expiresAfterSeconds: 1800,
      gatedSteps: ["PROMOTE"],
      lagToleranceSeconds: 5,
    });

    // A second change updates the same row; its audit record carries what it replaced.
    await setParsed(admin, {
      deploymentId: deployment.id,
      ...twoApprovers,
      approvalsRequired: 0,
      gatedSteps: [],
      expiresAfterSeconds: 7200,
      lagToleranceSeconds: 30,
    });
    expect(await db.approvalPolicy.count({ where: { deploymentId: deployment.id } })).toBe(1);
    expect(await auditCountBy(admin)).toBe(2);
    const latest = await db.auditRecord.findFirstOrThrow({
      where: { actorId: admin.userId },
      orderBy: { seq: "desc" },
    });
    expect(latest).toMatchObject({
      summary: `${deployment.slug}: switchover runs without approval before it starts`,
      before: { approvalsRequired: 2 },
      after: { approvalsRequired: 0, lagToleranceSeconds: 30 },
    });
    expect(await policyFor(db, deployment.id, "SWITCHOVER")).toMatchObject({
      approvalsRequired: 0,
      expiresAfterSeconds: 7200,
      gatedSteps: [],
    });
  });

  it("refuses invalid input naming the field, and writes nothing", async () => {
    const { deployment, admin } = await setup();
    const tooMany = await createCaller(createInnerContext(admin))
      .operations.setPolicy({ deploymentId: deployment.id, ...twoApprovers, approvalsRequired: 11 })
      .then(
        () => null,
        (e: { code?: string; cause?: { issues?: { path: PropertyKey[]; message: string }[] } }) => e,
      );
    expect(tooMany?.code).toBe("BAD_REQUEST");
    expect(tooMany?.cause?.issues?.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["approvalsRequired", "Approvals required must be between 0 and 10"],
    ]);
    const noDeployment = await refusal(setParsed(admin, { deploymentId: "no-such-deployment", ...twoApprovers }));
    expect(noDeployment).toMatchObject({ code: "BAD_REQUEST", field: "deploymentId" });
    expect(await db.approvalPolicy.count({ where: { deploymentId: deployment.id } })).toBe(0);
    expect(await auditCountBy(admin)).toBe(0);
  });
});
