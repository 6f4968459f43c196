// The audit page's query through the API: each kind of record, sign-ins hidden, a time range, and
// each record's link to its object.
import { setTimeout as sleep } from "node:timers/promises";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { callerAs, deploymentInput } from "@/tests/factories";

type Caller = Awaited<ReturnType<typeof callerAs>>["caller"];

describe("audit filters", () => {
  let viewer: Caller;
  let actorEmail: string;
  let deployment: { id: string; slug: string; name: string };
  const at: Record<string, Date> = {};
  const ACTIONS = [
    "operation.request",
    "approval.approve",
    "fault.inject",
    "scenario.create",
    "auth.sign_in",
    "user.create",
  ];

  beforeAll(async () => {
    const operator = await callerAs("OPERATOR");
    viewer = (await callerAs("VIEWER")).caller;
    actorEmail = operator.actor.email;
    deployment = await operator.caller.topology.createDeployment(deploymentInput());
    for (const action of ACTIONS) {
      await db.$transaction((tx) =>
        recordAudit(tx, operator.actor, {
          action,
          objectType: action === "fault.inject" ? "deployment" : action.startsWith("operation") ? "Operation" : "user",
          objectId:
            action === "fault.inject" ? deployment.id : action.startsWith("operation") ? "op-1" : operator.actor.userId,
          summary: `test ${action}`,
        }),
      );
      const row = await db.auditRecord.findFirstOrThrow({ where: { actorEmail, action }, orderBy: { seq: "desc" } });
      at[action] = row.at;
      await sleep(5);
    }
  });

  const actions = async (filter: Record<string, unknown>) =>
    (await viewer.audit.list({ actorEmail, ...filter })).records.map((r) => r.action);

  it("picks operations, approvals, faults, scenarios and sign-ins by kind", async () => {
    expect(await actions({ category: "operations" })).toEqual(["operation.request"]);
    expect(await actions({ category: "approvals" })).toEqual(["approval.approve"]);
    expect(await actions({ category: "faults" })).toEqual(["fault.inject"]);
    expect(await actions({ category: "scenarios" })).toEqual(["scenario.create"]);
    expect(await actions({ category: "signIns" })).toEqual(["auth.sign_in"]);
  });

  it("hides sign-ins when asked, and keeps everything else", async () => {
    const all = await actions({});
    expect(all).toContain("auth.sign_in");
    const hidden = await actions({ hideSignIns: true });
    expect(hidden).not.toContain("auth.sign_in");
    expect(hidden).toHaveLength(all.length - 1);
  });

  it("keeps to a time range, and refuses one that ends before it starts", async () => {
    const from = at["approval.approve"]!;
    const to = new Date(at["scenario.create"]!.getTime() + 1);
    expect(await actions({ from, to })).toEqual(["scenario.create", "fault.inject", "approval.approve"]);
    await expect(viewer.audit.list({ from: to, to: from })).rejects.toThrow(/To must be after From/);
  });

  it("links each record to its object", async () => {
    const records = (await viewer.audit.list({ actorEmail })).records;
    const linkOf = (action: string) => records.find((r) => r.action === action)?.link;
    expect(linkOf("operation.request")).toEqual({ href: "/operations/op-1", label: "the operation" });
    expect(linkOf("fault.inject")).toEqual({ href: `/telemetry/${deployment.slug}`, label: deployment.name });
    expect(linkOf("user.create")).toEqual({ href: "/admin", label: "the users" });
    const created = (await viewer.audit.list({ objectType: "deployment", action: "deployment.create" })).records.find(
      (r) => r.objectId === deployment.id,
    );
    expect(created?.link).toEqual({ href: `/topology/${deployment.slug}`, label: deployment.name });
  });
});
