// The stored faults (Fault rows, written by operators and drills) are the truth; a driver that can
// inject faults is brought in line with them each time a session opens: it is the driver's single
// writer, whoever asked for the fault.
import type { Db, Tx } from "@/server/db";
import { endElapsedFaults } from "@/server/domain/telemetry/faults";
import { parseFaultSpec } from "@/server/drivers/fault-spec";
import type { Driver } from "@/server/drivers/types";

/** How long after a fault is cleared a stateless driver still undoes it (starts what it stopped). */
const RECENTLY_ENDED_MS = 2 * 60_000;

/**
 * Makes the driver's faults match the stored ones: injects new ones, clears the cleared, and closes
 * the rows of those whose duration ran out (the driver ends them at their end by itself).
 */
export async function syncDriverFaults(db: Db | Tx, driver: Driver, deploymentId: string, atMs: number) {
  if (!driver.faults) return;
  if (driver.faults.reconcile) {
    const [active, ended] = await Promise.all([
      db.fault.findMany({ where: { deploymentId, clearedAt: null } }),
      db.fault.findMany({ where: { deploymentId, clearedAt: { gte: new Date(atMs - RECENTLY_ENDED_MS) } } }),
    ]);
    const spec = (f: { spec: unknown }) => parseFaultSpec(f.spec);
    await driver.faults.reconcile(active.map(spec), atMs, ended.map(spec));
    await endElapsedFaults(db, active, atMs);
    return;
  }
  const inDriver = new Set((await driver.faults.list()).map((f) => f.id));
  // The active faults, and those the driver still runs though they were cleared.
  const stored = await db.fault.findMany({
    where: { deploymentId, OR: [{ clearedAt: null }, { id: { in: [...inDriver] } }] },
  });
  for (const fault of stored) {
    if (!fault.clearedAt && !inDriver.has(fault.id)) await driver.faults.inject(parseFaultSpec(fault.spec));
    if (fault.clearedAt && inDriver.has(fault.id)) await driver.faults.clear({ faultId: fault.id, atMs });
  }
  await endElapsedFaults(db, stored, atMs);
}
