// A standby made from a hot copy of a running primary's folder, as OFFLINE.md verified (there is no
// pg_basebackup here): pg_backup_start, copy the folder without the WAL and slot contents and the
// pid files, pg_backup_stop, and its label written as `backup_label` in the copy. The standby then
// replays from the backup's start, fetching the WAL it lacks through its slot.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { giveToServerUser } from "./binaries";
import type { LabServer } from "./pg-server";
import { withClient } from "./sql";

/** Folders whose contents a copy leaves out (the folders themselves must exist). */
const EMPTY_IN_COPY = new Set(["pg_wal", "pg_replslot"]);
/** Files a copy leaves out: the running server's, and a standby's settings are written afresh. */
const LEFT_OUT = new Set(["postmaster.pid", "postmaster.opts", "lab.conf", "standby.signal"]);

/** A physical replication slot on the primary for this standby (kept if it exists). */
export async function ensurePhysicalSlot(primary: LabServer, slotName: string): Promise<void> {
  await withClient(primary.endpoint("postgres"), async (client) => {
    const found = await client.query("select 1 from pg_replication_slots where slot_name = $1", [slotName]);
    if (found.rowCount === 0) await client.query("select pg_create_physical_replication_slot($1, true)", [slotName]);
  });
}

/**
 * Copies the running `primary` into `standby.dir` (replacing what was there) and marks it a
 * standby. Its settings (`lab.conf`: primary_conninfo, slot) are written by whoever starts it.
 */
export async function hotCopy(primary: LabServer, standby: LabServer): Promise<void> {
  rmSync(standby.pgdata, { recursive: true, force: true });
  mkdirSync(standby.dir, { recursive: true });
  await withClient(
    primary.endpoint("postgres"),
    async (client) => {
      // One session: pg_backup_stop must run in the session that started the backup.
      await client.query("select pg_backup_start($1, true)", [`meridian-lab ${path.basename(standby.dir)}`]);
      let label: string;
      try {
        cpSync(primary.pgdata, standby.pgdata, {
          recursive: true,
          filter: (source) => {
            const relative = path.relative(primary.pgdata, source);
            if (relative === "") return true;
            const [top, ...rest] = relative.split(path.sep);
            if (rest.length === 0 && LEFT_OUT.has(top as string)) return false;
            return !(EMPTY_IN_COPY.has(top as string) && rest.length > 0);
          },
        });
      } finally {
        const stopped = await client.query<{ labelfile: string }>("select labelfile from pg_backup_stop(true)");
        label = stopped.rows[0]?.labelfile ?? "";
      }
      writeFileSync(path.join(standby.pgdata, "backup_label"), label);
    },
    60_000,
  );
  standby.markStandby();
  giveToServerUser(standby.dir);
}
