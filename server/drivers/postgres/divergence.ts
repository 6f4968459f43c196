// Active-active divergence: every table the cluster replicates, counted and checksummed on each
// region's server, compared. The checksum is the sum of a 64-bit hash of every row's text, so it
// ignores row order and costs one scan. A difference seen once may be writes still in flight;
// differingChecks says how many checks in a row found it.
import type { TableDivergence } from "../types";
import type { ServerEndpoint } from "./directory";
import type { PostgresMemory } from "./memory";
import { queryMany } from "./pools";

/** How often a cluster is compared: a scan of every replicated table is not an every-second job. */
export const DIVERGENCE_EVERY_MS = 15_000;

async function tablesOf(server: ServerEndpoint): Promise<string[]> {
  const [published, user] = await queryMany<[{ t: string }, { t: string }]>(
    server,
    `select distinct format('%I.%I', schemaname, tablename) as t from pg_publication_tables order by 1;
     select format('%I.%I', schemaname, relname) as t from pg_stat_user_tables order by 1;`,
  );
  return (published.length > 0 ? published : user).map((r) => r.t);
}

async function summarise(server: ServerEndpoint, tables: string[]) {
  if (tables.length === 0) return new Map<string, { rows: number; checksum: string }>();
  const sql = tables
    .map(
      (t) =>
        `select count(*)::float8 as rows, coalesce(sum(hashtextextended(x::text, 0)), 0)::text as sum from ${t} x;`,
    )
    .join("\n");
  const results = await queryMany<Record<string, unknown>[]>(server, sql);
  return new Map(
    tables.map((t, i) => [t, { rows: Number(results[i]?.[0]?.rows), checksum: String(results[i]?.[0]?.sum) }]),
  );
}

/** Compares the tables of one cluster across the servers given (those that answered). */
export async function compareCluster(
  servers: { replicaId: string; endpoint: ServerEndpoint }[],
  previous: PostgresMemory["divergence"][string] | undefined,
): Promise<TableDivergence[]> {
  if (servers.length < 2) return [];
  const tables = await tablesOf(servers[0]!.endpoint);
  // Identifiers come from the server's own catalog, quoted by format('%I'); still, refuse anything odd.
  const safe = tables.filter((t) => /^("[^"]*"|[a-z_][a-z0-9_$]*)\.("[^"]*"|[a-z_][a-z0-9_$]*)$/i.test(t));
  const summaries = await Promise.all(
    servers.map(async (s) => [s.replicaId, await summarise(s.endpoint, safe)] as const),
  );
  const before = new Map((previous?.tables ?? []).map((t) => [t.table, t]));
  return safe.map((table) => {
    const rows: Record<string, number> = {};
    const checksums: Record<string, string> = {};
    for (const [replicaId, summary] of summaries) {
      const s = summary.get(table);
      if (!s) continue;
      rows[replicaId] = s.rows;
      checksums[replicaId] = s.checksum;
    }
    const differs = new Set(Object.values(checksums)).size > 1 || new Set(Object.values(rows)).size > 1;
    const differingChecks = differs ? (before.get(table)?.differingChecks ?? 0) + 1 : 0;
    return { table, rows, checksums, differs, differingChecks };
  });
}
