// Where each audit record's object lives in the console: a deployment's page, an operation's, the
// user list... Objects that belong to a deployment are looked up in one query per table for the
// whole page of records; an object deleted since has no page, so its record has no link.
import type { Db } from "@/server/db";

export type TAuditLink = { href: string; label: string };

type RecordRef = { objectType: string; objectId: string | null; action: string };

/** Tables whose rows belong to a deployment: the record links to that deployment's page. */
const OWNED_BY_DEPLOYMENT = {
  stack: {
    read: (db: Db, ids: string[]) =>
      db.stackComponent.findMany({ where: { id: { in: ids } }, select: { id: true, deploymentId: true } }),
    tab: "?tab=model",
  },
  cluster: {
    read: (db: Db, ids: string[]) =>
      db.databaseCluster.findMany({ where: { id: { in: ids } }, select: { id: true, deploymentId: true } }),
    tab: "?tab=model",
  },
  replica: {
    read: (db: Db, ids: string[]) =>
      db.replica.findMany({ where: { id: { in: ids } }, select: { id: true, deploymentId: true } }),
    tab: "?tab=model",
  },
  policy: {
    read: (db: Db, ids: string[]) =>
      db.trafficPolicy.findMany({ where: { id: { in: ids } }, select: { id: true, deploymentId: true } }),
    tab: "?tab=model",
  },
  rule: {
    read: (db: Db, ids: string[]) =>
      db.routingRule.findMany({ where: { id: { in: ids } }, select: { id: true, deploymentId: true } }),
    tab: "?tab=model",
  },
  link: {
    read: async (db: Db, ids: string[]) =>
      (
        await db.replicationLink.findMany({
          where: { id: { in: ids } },
          select: { id: true, cluster: { select: { deploymentId: true } } },
        })
      ).map((l) => ({ id: l.id, deploymentId: l.cluster.deploymentId })),
    tab: "?tab=model",
  },
} as const;

export async function auditLinks(db: Db, records: readonly RecordRef[]): Promise<(TAuditLink | null)[]> {
  const idsOf = (type: string) => [
    ...new Set(records.filter((r) => r.objectType === type && r.objectId).map((r) => r.objectId!)),
  ];
  const [gates, policies, scenarios, rules, alerts, owned] = await Promise.all([
    db.approvalGate.findMany({ where: { id: { in: idsOf("ApprovalGate") } }, select: { id: true, operationId: true } }),
    db.approvalPolicy.findMany({
      where: { id: { in: idsOf("ApprovalPolicy") } },
      select: { id: true, deploymentId: true },
    }),
    db.scenario.findMany({ where: { id: { in: idsOf("scenario") } }, select: { id: true, deploymentId: true } }),
    db.residencyRule.findMany({
      where: { id: { in: idsOf("residencyRule") } },
      select: { id: true, deploymentId: true },
    }),
    db.alert.findMany({ where: { id: { in: idsOf("alert") } }, select: { id: true, deploymentId: true } }),
    Promise.all(
      Object.entries(OWNED_BY_DEPLOYMENT).map(async ([type, { read }]) => [type, await read(db, idsOf(type))] as const),
    ),
  ]);
  const deploymentOf = new Map<string, string>();
  for (const row of [...policies, ...scenarios, ...rules, ...alerts, ...owned.flatMap(([, rows]) => rows)])
    deploymentOf.set(row.id, row.deploymentId);
  const operationOf = new Map(gates.map((g) => [g.id, g.operationId]));
  const deploymentIds = [...new Set([...idsOf("deployment"), ...deploymentOf.values()])];
  const deployments = new Map(
    (
      await db.deployment.findMany({
        where: { id: { in: deploymentIds } },
        select: { id: true, slug: true, name: true },
      })
    ).map((d) => [d.id, d]),
  );
  const page = (deploymentId: string | undefined, base: string, suffix = ""): TAuditLink | null => {
    const deployment = deploymentId ? deployments.get(deploymentId) : undefined;
    return deployment ? { href: `${base}/${deployment.slug}${suffix}`, label: deployment.name } : null;
  };

  return records.map(({ objectType, objectId, action }): TAuditLink | null => {
    if (!objectId) return null;
    switch (objectType) {
      case "deployment":
        return page(objectId, action.startsWith("fault.") ? "/telemetry" : "/topology");
      case "Operation":
        return { href: `/operations/${objectId}`, label: "the operation" };
      case "ApprovalGate": {
        const operationId = operationOf.get(objectId);
        return operationId ? { href: `/operations/${operationId}`, label: "the operation" } : null;
      }
      case "ApprovalPolicy":
        return page(deploymentOf.get(objectId), "/operations/policies");
      case "scenario":
      case "residencyRule":
        return page(deploymentOf.get(objectId), "/planning");
      case "alert":
        return page(deploymentOf.get(objectId), "/telemetry");
      case "region":
        return { href: "/topology/regions", label: "the region catalog" };
      case "priceItem":
        return { href: "/planning/catalog", label: "the price catalog" };
      case "user":
        return { href: "/admin", label: "the users" };
      default:
        return objectType in OWNED_BY_DEPLOYMENT
          ? page(
              deploymentOf.get(objectId),
              "/topology",
              OWNED_BY_DEPLOYMENT[objectType as keyof typeof OWNED_BY_DEPLOYMENT].tab,
            )
          : null;
    }
  });
}
