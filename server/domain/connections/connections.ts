// Connection details of a `postgres` deployment's servers, per replica, as operators and admins
// enter them in the Model tab. The password is sealed before it is written and never leaves the
// server: views say only that one is set, and audit records say which fields changed, never a
// password (not even sealed).
import type { TConnection, TConnectionView, TTlsMode } from "@/lib/connections/contracts";
import { CONNECTION_FIELDS as F } from "@/lib/connections/words";
import { DRIVER_KIND_LABELS } from "@/lib/topology/words";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, invalid, notFound } from "@/server/errors";

import { sealPassword } from "./sealed-password";

/** The details a person sees and the audit compares: everything but the password. */
const SHOWN = ["host", "port", "database", "user", "sslMode"] as const;

type Row = {
  replicaId: string;
  host: string;
  port: number;
  database: string;
  user: string;
  sslMode: string;
  updatedAt: Date;
};

const viewOf = (row: Row): TConnectionView => ({
  replicaId: row.replicaId,
  host: row.host,
  port: row.port,
  database: row.database,
  user: row.user,
  sslMode: row.sslMode as TTlsMode,
  passwordSet: true,
  updatedAt: row.updatedAt.toISOString(),
});

// Never select the sealed password for a view: what is not read cannot leak into an answer.
const VIEW_SELECT = {
  replicaId: true,
  host: true,
  port: true,
  database: true,
  user: true,
  sslMode: true,
  updatedAt: true,
} as const;

/** Every replica's details of a deployment (replicas without any are absent). */
export async function listConnections(db: Db, deploymentId: string): Promise<TConnectionView[]> {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } });
  if (!deployment) throw notFound("the deployment");
  const rows = await db.replicaConnection.findMany({ where: { deploymentId }, select: VIEW_SELECT });
  return rows.map(viewOf);
}

/** The replica and its deployment, refused unless the deployment runs on servers a user runs. */
export async function replicaForConnection(db: Db | Tx, replicaId: string) {
  const replica = await db.replica.findUnique({
    where: { id: replicaId },
    select: {
      id: true,
      name: true,
      deploymentId: true,
      cluster: { select: { deployment: { select: { name: true, driverKind: true } } } },
    },
  });
  if (!replica) throw notFound("the replica");
  const deployment = replica.cluster.deployment;
  if (deployment.driverKind !== "postgres")
    throw new AppError(
      "PRECONDITION_FAILED",
      `${deployment.name} runs on the ${(DRIVER_KIND_LABELS[deployment.driverKind] ?? deployment.driverKind).toLowerCase()}: connection details are for deployments that run on ${DRIVER_KIND_LABELS.postgres!.toLowerCase()}`,
    );
  return replica;
}

export async function saveConnection(db: Db, actor: Actor, input: TConnection): Promise<TConnectionView> {
  return db.$transaction(async (tx) => {
    const replica = await replicaForConnection(tx, input.replicaId);
    const existing = await tx.replicaConnection.findUnique({ where: { replicaId: replica.id } });
    if (!existing && input.password === "")
      throw invalid("password", `${F.password.label} is required: Meridian signs in to the server with it`);
    const shown = {
      host: input.host,
      port: input.port,
      database: input.database,
      user: input.user,
      sslMode: input.sslMode,
    };
    const sealed =
      input.password === ""
        ? {}
        : { passwordEncrypted: sealPassword(input.password, replica.deploymentId, replica.id) };
    const row = await tx.replicaConnection.upsert({
      where: { replicaId: replica.id },
      create: { replicaId: replica.id, deploymentId: replica.deploymentId, passwordEncrypted: "", ...shown, ...sealed },
      update: { ...shown, ...sealed },
      select: VIEW_SELECT,
    });
    const changed: string[] = SHOWN.filter((key) => !existing || existing[key] !== shown[key]).map(
      (key) => F[key].label,
    );
    if (input.password !== "") changed.push(F.password.label);
    await recordAudit(tx, actor, {
      action: existing ? "connection.update" : "connection.create",
      objectType: "ReplicaConnection",
      objectId: replica.id,
      summary: `${existing ? "changed" : "set"} the connection details of replica ${replica.name}: ${
        changed.length ? changed.join(", ").toLowerCase() : "no change"
      }`,
      before: existing ? Object.fromEntries(SHOWN.map((key) => [key, existing[key]])) : undefined,
      after: { ...shown, passwordChanged: input.password !== "" },
    });
    return viewOf(row);
  });
}

export async function removeConnection(db: Db, actor: Actor, replicaId: string): Promise<{ replicaId: string }> {
  return db.$transaction(async (tx) => {
    const replica = await replicaForConnection(tx, replicaId);
    const existing = await tx.replicaConnection.findUnique({ where: { replicaId }, select: VIEW_SELECT });
    if (!existing) throw notFound(`the connection details of replica ${replica.name}`);
    await tx.replicaConnection.delete({ where: { replicaId } });
    await recordAudit(tx, actor, {
      action: "connection.remove",
      objectType: "ReplicaConnection",
      objectId: replicaId,
      summary: `removed the connection details of replica ${replica.name} (${existing.host}:${existing.port})`,
      before: Object.fromEntries(SHOWN.map((key) => [key, existing[key]])),
    });
    return { replicaId };
  });
}
