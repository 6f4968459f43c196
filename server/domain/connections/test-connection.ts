// "Test connection": sign in to the server with the details in the form (an empty password: the one
// stored for the replica) and run `select 1`, everything bounded by one timeout, and answer with a
// sentence an operator can act on. Nothing is written; the password is in no answer.
import pg from "pg";

import type { TConnection, TConnectionTestResult } from "@/lib/connections/contracts";
import { CONNECTION_FIELDS as F } from "@/lib/connections/words";
import { formatDuration } from "@/lib/format";
import type { Db } from "@/server/db";
import type { ServerEndpoint } from "@/server/drivers/postgres";
import { clientConfig } from "@/server/drivers/postgres/pools";
import { invalid } from "@/server/errors";

import { replicaForConnection } from "./connections";
import { openPassword } from "./sealed-password";

export const TEST_TIMEOUT_MS = 5_000;

/** Why a connection failed, in words, from what node-pg and the server said. */
function why(error: unknown, input: TConnection, timeoutMs: number): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return `nothing accepts connections on port ${input.port} there`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name ${input.host} does not resolve`;
    case "28P01":
    case "28000":
      return `the server refused ${F.user.label.toLowerCase()} ${input.user} with this ${F.password.label.toLowerCase()} (${e.message})`;
    case "3D000":
      return `the server has no database ${input.database}`;
    case "57P03":
      return "the server is starting up or shutting down";
  }
  const message = e.message ?? String(error);
  if (/timeout|timed out/i.test(message))
    return `no answer within ${formatDuration(timeoutMs)} (a wrong host or port, a firewall, or a server that is down)`;
  if (/does not support SSL|SSL/i.test(message) && input.sslMode !== "disable") return `TLS failed: ${message}`;
  return message;
}

export async function testConnection(
  db: Db,
  input: TConnection,
  timeoutMs = TEST_TIMEOUT_MS,
): Promise<TConnectionTestResult> {
  const replica = await replicaForConnection(db, input.replicaId);
  let password = input.password;
  if (password === "") {
    const stored = await db.replicaConnection.findUnique({
      where: { replicaId: replica.id },
      select: { passwordEncrypted: true },
    });
    if (!stored)
      throw invalid("password", `${F.password.label} is required: none is stored for replica ${replica.name} yet`);
    password = openPassword(stored.passwordEncrypted, replica.deploymentId, replica.id);
  }
  const endpoint: ServerEndpoint = { ...input, sslmode: input.sslMode, password };
  const where = `${input.host}:${input.port}`;
  const client = new pg.Client({ ...clientConfig(endpoint, timeoutMs), application_name: "meridian-test" });
  client.on("error", () => {});
  const started = performance.now();
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: number; version: string; standby: boolean }>(
      "select 1 as ok, current_setting('server_version') as version, pg_is_in_recovery() as standby",
    );
    const row = rows[0]!;
    const ms = Math.round(performance.now() - started);
    return {
      ok: true,
      sentence: `Connected to ${where} as ${input.user} in ${formatDuration(ms)}: PostgreSQL ${row.version}, ${
        row.standby ? "a standby (in recovery)" : "a primary (accepts writes)"
      }.`,
    };
  } catch (error) {
    return { ok: false, sentence: `Could not connect to ${where}: ${why(error, input, timeoutMs)}.` };
  } finally {
    await client.end().catch(() => {});
  }
}
