// The price catalog, always; and the demo (users for each role with published passwords, the
// article's three estates) only when asked: `npm start` asks for it on its embedded database, and
// MERIDIAN_DEMO=1 asks for it elsewhere. Idempotent: what exists already (by email, region code,
// deployment slug or provider and item) is left as it is, edits included.
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { hashPassword, insertUser } from "@/server/domain/identity/users";

import { DEMO_DEPLOYMENTS } from "./demo-deployments";
import { DEMO_REGIONS } from "./demo-regions";
import { DEMO_USERS } from "./demo-users";
import { LAB_DEPLOYMENTS, LAB_REGIONS } from "./lab-deployments";
import { seedCatalog } from "./seed-catalog";
import { seedDeployment, seedRegions } from "./seed-estate";

export async function seedDemo(db: Db, log: (line: string) => void = () => {}, { demo = true } = {}) {
  const prices = await seedCatalog(db);
  if (prices > 0) log(`added ${prices} prices to the catalog`);
  if (!demo) return;
  for (const demoUser of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demoUser.email } })) continue;
    const passwordHash = await hashPassword(demoUser.password);
    await db.$transaction(async (tx) => {
      const user = await insertUser(tx, { ...demoUser, passwordHash });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "user.create",
        objectType: "user",
        objectId: user.id,
        summary: `seeded demo user ${user.email} as ${user.role}`,
        after: user,
      });
    });
    log(`created demo user ${demoUser.email}`);
  }
  const regionIds = await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  for (const spec of DEMO_DEPLOYMENTS) {
    if (await db.deployment.findUnique({ where: { slug: spec.deployment.slug } })) continue;
    await seedDeployment(db, SYSTEM_ACTOR, spec, regionIds);
    log(`created demo deployment ${spec.deployment.name}`);
  }
  // The region lab beside the simulated demo: its deployments drive real servers (driver kind lab).
  const labRegionIds = await seedRegions(db, SYSTEM_ACTOR, LAB_REGIONS);
  for (const spec of LAB_DEPLOYMENTS) {
    if (await db.deployment.findUnique({ where: { slug: spec.deployment.slug } })) continue;
    const { deployment } = await seedDeployment(db, SYSTEM_ACTOR, spec, labRegionIds);
    await db.deployment.update({ where: { id: deployment.id }, data: { driverKind: spec.driverKind } });
    log(`created lab deployment ${spec.deployment.name}`);
  }
  const policies = await seedApprovalPolicies(db);
  if (policies > 0) log(`added ${policies} approval ${policies === 1 ? "policy" : "policies"}`);
}

/**
 * The Azure estate shows the strict policy: two approvers, and a second approval before the
 * promotion itself. Every other runbook uses the default (one approver, before the run).
 */
async function seedApprovalPolicies(db: Db): Promise<number> {
  const azure = await db.deployment.findUnique({ where: { slug: "saas-azure" } });
  if (!azure) return 0;
  const created = await db.approvalPolicy.createMany({
    data: [
      {
        deploymentId: azure.id,
        runbook: "SWITCHOVER",
        approvalsRequired: 2,
        approverRole: "APPROVER",
        expiresAfterSeconds: 1800,
        gatedSteps: ["PROMOTE"],
        lagToleranceSeconds: 5,
      },
    ],
    skipDuplicates: true,
  });
  return created.count;
}
