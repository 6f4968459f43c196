// One lab of real servers for a test file (tests/lab-operations.ts): started before its tests,
// stopped after them, every process it started checked gone by pid and its folder removed.
import { rmSync } from "node:fs";

import { afterAll, beforeAll, expect } from "vitest";

import { db } from "@/server/db";
import { closeAllPools } from "@/server/drivers/postgres";
import { queryRows } from "@/server/lab/sql";

import { eventually, expectNothingRunning, labRoot } from "./lab";
import { LabOperations, type LabOperationsOptions } from "./lab-operations";

export function labOperationsForFile(
  started: (ops: LabOperations) => void,
  options: Omit<LabOperationsOptions, "root"> = {},
): void {
  const root = labRoot();
  let ops: LabOperations | undefined;
  beforeAll(async () => {
    ops = await LabOperations.start(db, { root, ...options });
    started(ops);
  }, 120_000);
  afterAll(async () => {
    await ops?.stop();
    await closeAllPools();
    await expectNothingRunning([...(ops?.pids ?? [])], [...(ops?.ports ?? [])]);
    rmSync(root, { recursive: true, force: true });
  }, 120_000);
}

/** Waits until the lab's server `name` streams from a primary as a standby. */
export async function expectStreaming(ops: LabOperations, name: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () =>
      expect(
        await queryRows(ops.cluster.serverOf(name).server.endpoint(), "select status from pg_stat_wal_receiver"),
      ).toEqual([{ status: "streaming" }]),
    { what: `${name} streaming as a standby`, timeoutMs },
  );
}
