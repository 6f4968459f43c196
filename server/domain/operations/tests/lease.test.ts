// The worker's lease (engine/lease.ts): an operation is acted on by the worker holding its lease,
// on the database's clock; another worker takes it over only once the lease has expired; every
// driver call is cut off before the lease runs out; a worker that cannot renew stops acting.
import { afterEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { approveAll, opsEstate, request, runToEnd } from "@/tests/operations-estate";
import { bindWorldDriver, worldWriters, type WorldOptions } from "@/tests/world-driver";

const unbind: (() => void)[] = [];
afterEach(() => unbind.splice(0).forEach((fn) => fn()));

async function worldEstate(options: WorldOptions = {}) {
  const estate = await opsEstate();
  unbind.push(bindWorldDriver(estate.deploymentId, options));
  return estate;
}

const LEASE = { leaseMs: 1500 };
/** A worker named `holder`, moving only the test's own operation. */
const as = (holder: string, operationId: string) => ({ holder, ...LEASE, operationIds: [operationId] });

async function leaseOf(operationId: string) {
  const [row] = await db.$queryRaw<{ holder: string; live: boolean }[]>`
    select holder, "expiresAt" > clock_timestamp() as live from "OperationLease" where "operationId" = ${operationId}`;
  return row ?? null;
}

/** Waits (really: the lease is on the database's clock) until the operation's lease has expired. */
async function untilExpired(operationId: string) {
  for (let i = 0; i < 100; i += 1) {
    if (!(await leaseOf(operationId))?.live) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the lease never expired");
}

describe("the worker's lease on an operation", { timeout: 120_000 }, () => {
  it("is held by the worker that acts; another takes the operation over only once it has expired", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = Date.now();
    expect(await engineTick(db, nowMs, { ...as("worker-a", operationId), maxMoves: 1 })).toBe(1);
    expect(await leaseOf(operationId)).toEqual({ holder: "worker-a", live: true });
    const steps = () => db.operationStep.count({ where: { operationId, status: "SUCCEEDED" } });
    const before = await steps();

    // Worker A is gone without a word: while its lease lasts, B leaves the operation alone.
    expect(await engineTick(db, nowMs + 500, as("worker-b", operationId))).toBe(0);
    expect(await steps()).toBe(before);

    await untilExpired(operationId);
    expect(await engineTick(db, nowMs + 1000, { ...as("worker-b", operationId), maxMoves: 1 })).toBe(1);
    expect(await leaseOf(operationId)).toEqual({ holder: "worker-b", live: true });
    expect(await steps()).toBe(before + 1);
  });

  it("cuts a driver call off before the lease runs out; the next worker settles it against the world", async () => {
    let hang = true;
    const estate = await worldEstate({
      around: {
        // A server that does not answer until the engine gives up on it (then it cancels).
        fence: (input, call) =>
          hang
            ? new Promise((_, reject) =>
                (input.signal as AbortSignal).addEventListener("abort", () => reject(new Error("query cancelled"))),
              )
            : call(),
      },
    });
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    let nowMs = Date.now();
    const errors: unknown[] = [];
    for (let i = 0; i < 20 && errors.length === 0; i += 1) {
      nowMs += 500;
      await engineTick(db, nowMs, { ...as("worker-a", operationId), onError: (_, error) => errors.push(error) });
    }
    expect(String(errors[0])).toMatch(/did not answer before its deadline .* the move is abandoned/);
    // The call ended before the lease did: nobody else could have started meanwhile.
    expect(await leaseOf(operationId)).toEqual({ holder: "worker-a", live: true });
    const fence = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "FENCE" } });
    expect(fence.status).toBe("PENDING");
    expect(await db.stepAttempt.findMany({ where: { stepId: fence.id } })).toMatchObject([
      { action: "fence", status: "ATTEMPTING", holder: "worker-a" },
    ]);
    expect(await engineTick(db, nowMs + 500, as("worker-b", operationId))).toBe(0);

    hang = false;
    await untilExpired(operationId);
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs, as("worker-b", operationId));
    expect(op.status).toBe("SUCCEEDED");
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
    const attempts = await db.stepAttempt.findMany({ where: { stepId: fence.id }, orderBy: { token: "asc" } });
    expect(attempts.map((a) => [a.holder, a.status])).toEqual([
      ["worker-a", "NOT_APPLIED"],
      ["worker-b", "APPLIED"],
    ]);
  });

  it("a worker that cannot renew its lease stops acting: its move is not committed", async () => {
    let operationId = "";
    const estate = await worldEstate({
      around: {
        // While A is inside the fence, its lease is lost (it expired and B took it).
        fence: async (_input, call) => {
          const result = await call();
          await db.$executeRaw`
            update "OperationLease" set holder = 'worker-b', "expiresAt" = clock_timestamp() + interval '10 seconds'
            where "operationId" = ${operationId}`;
          return result;
        },
      },
    });
    ({ operationId } = await request(estate.deploymentId, "SWITCHOVER"));
    await approveAll(operationId);
    let nowMs = Date.now();
    const errors: unknown[] = [];
    for (let i = 0; i < 20 && errors.length === 0; i += 1) {
      nowMs += 500;
      await engineTick(db, nowMs, { ...as("worker-a", operationId), onError: (_, error) => errors.push(error) });
    }
    expect(String(errors[0])).toMatch(/lost its lease .* it stops acting on it/);
    const fence = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "FENCE" } });
    expect(fence.status).toBe("PENDING");
    // The fence took effect in the world; its record is in doubt, for the lease's holder to settle.
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([]);
    expect(await engineTick(db, nowMs + 500, as("worker-a", operationId))).toBe(0);
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs, {
      holder: "worker-b",
      operationIds: [operationId],
    });
    expect(op.status).toBe("SUCCEEDED");
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
    expect(
      await db.stepAttempt.findFirstOrThrow({ where: { stepId: fence.id }, orderBy: { token: "asc" } }),
    ).toMatchObject({ holder: "worker-a", status: "APPLIED" });
  });
});
