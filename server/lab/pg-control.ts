// What a stopped server's control file says (`global/pg_control`, the file pg_controldata prints):
// its state, the location of its last checkpoint and its timeline. The bundled binaries have no
// pg_controldata, so the few fields a switchover needs are read directly: after a fast shutdown the
// last checkpoint is the shutdown checkpoint, the old primary's final LSN.
import { readFileSync } from "node:fs";
import path from "node:path";

// ControlFileData (src/include/catalog/pg_control.h, unchanged in layout since PostgreSQL 9.x):
// system_identifier u64 @0, pg_control_version u32 @8, catalog_version_no u32 @12, state (enum) @16,
// time i64 @24, checkPoint (XLogRecPtr) @32, checkPointCopy.redo @40, checkPointCopy.ThisTimeLineID @48.
const STATE_AT = 16;
const CHECKPOINT_AT = 32;
const TIMELINE_AT = 48;

const STATES = [
  "starting up",
  "shut down",
  "shut down in recovery",
  "shutting down",
  "in crash recovery",
  "in archive recovery",
  "in production",
] as const;
export type ControlState = (typeof STATES)[number] | "unknown";

export interface ControlFile {
  state: ControlState;
  /** Start of the last checkpoint record, as PostgreSQL prints an LSN ("0/3000060"). */
  checkpointLsn: string;
  timeline: number;
}

export function readControlFile(pgdata: string): ControlFile {
  const bytes = readFileSync(path.join(pgdata, "global", "pg_control"));
  const lsn = bytes.readBigUInt64LE(CHECKPOINT_AT);
  const high = Number(lsn >> 32n)
    .toString(16)
    .toUpperCase();
  const low = Number(lsn & 0xffffffffn)
    .toString(16)
    .toUpperCase();
  return {
    state: STATES[bytes.readUInt32LE(STATE_AT)] ?? "unknown",
    checkpointLsn: `${high}/${low}`,
    timeline: bytes.readUInt32LE(TIMELINE_AT),
  };
}
