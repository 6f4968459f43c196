// The write outage as the workload's clients saw it, from the ledger: the longest time between two
// consecutive acknowledged writes within a window (the last before the failures to the first
// after). One home for the measure the benchmarks, the lab tests and the operation report use.
import type { Tx } from "@/server/db";

export type LedgerScope = { runId: string } | { deployment: string; cluster: string };

/** The longest gap between consecutive acknowledged writes in [fromMs, toMs], in ms; null when the ledger has fewer than two there. */
export async function ledgerWriteOutageMs(db: Tx, scope: LedgerScope, fromMs: number, toMs: number) {
  const acks = await db.labLedgerWrite.findMany({
    where: { ...scope, acknowledgedAt: { gte: new Date(fromMs), lte: new Date(toMs) } },
    select: { acknowledgedAt: true },
    orderBy: { acknowledgedAt: "asc" },
  });
  if (acks.length < 2) return null;
  let longest = 0;
  for (let i = 1; i < acks.length; i++)
    longest = Math.max(longest, acks[i]!.acknowledgedAt.getTime() - acks[i - 1]!.acknowledgedAt.getTime());
  return longest;
}
