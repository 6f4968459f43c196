// Lost writes, counted exactly: the ledger's acknowledged ids (of a lab cluster, optionally one run
// or a window of acknowledgement) that the current primary does not have. Compared in pages of ids, each page
// asked of the primary in one query.
import type { Tx } from "@/server/db";

import { withClient, type Endpoint } from "./sql";
import { WORKLOAD_TABLE } from "./workload-table";

const PAGE = 20_000;

export interface LostWrites {
  acknowledged: number;
  lost: number;
  /** Up to 20 of the lost ids, to look at. */
  examples: { runId: string; writeId: string }[];
}

export async function countLostWrites(
  db: Tx,
  primary: Endpoint,
  scope: { deployment: string; cluster: string; runId?: string; since?: Date; until?: Date },
  timeoutMs = 60_000,
): Promise<LostWrites> {
  const result: LostWrites = { acknowledged: 0, lost: 0, examples: [] };
  let after: { runId: string; writeId: bigint } | null = null;
  await withClient(
    primary,
    async (client) => {
      for (;;) {
        const page: { runId: string; writeId: bigint }[] = await db.labLedgerWrite.findMany({
          where: {
            deployment: scope.deployment,
            cluster: scope.cluster,
            ...(scope.runId ? { runId: scope.runId } : {}),
            ...(scope.since || scope.until
              ? {
                  acknowledgedAt: {
                    ...(scope.since ? { gte: scope.since } : {}),
                    ...(scope.until ? { lte: scope.until } : {}),
                  },
                }
              : {}),
            ...(after
              ? {
                  OR: [{ runId: { gt: after.runId } }, { runId: after.runId, writeId: { gt: after.writeId } }],
                }
              : {}),
          },
          select: { runId: true, writeId: true },
          orderBy: [{ runId: "asc" }, { writeId: "asc" }],
          take: PAGE,
        });
        if (page.length === 0) break;
        result.acknowledged += page.length;
        const missing = await client.query<{ run_id: string; id: string }>(
          `select l.run_id, l.id from unnest($1::uuid[], $2::bigint[]) as l(run_id, id)
           where not exists (select 1 from ${WORKLOAD_TABLE} w where w.run_id = l.run_id and w.id = l.id)`,
          [page.map((row) => row.runId), page.map((row) => row.writeId.toString())],
        );
        result.lost += missing.rowCount ?? 0;
        for (const row of missing.rows.slice(0, 20 - result.examples.length))
          result.examples.push({ runId: row.run_id, writeId: row.id });
        after = page.at(-1) as { runId: string; writeId: bigint };
        if (page.length < PAGE) break;
      }
    },
    timeoutMs,
  );
  return result;
}
