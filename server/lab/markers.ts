// Meridian's marker on each lab server's folder (`<dir>/meridian-marker.json`, beside PGDATA): the
// newest attempt token the lab applied to that server, and what it did (fenced, demoted, promoted
// at an epoch), with the final LSN of a fenced server. A stopped server cannot answer SQL, so this
// is where its fence is seen; the lab refuses a move whose token is older than any marker of the
// cluster, so a stale worker's late call cannot undo a newer one.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface ServerMarker {
  token: number;
  action: string;
  /** Stopped by a fence (fast shutdown, or found dead); lifted by unfence, rejoin or promote. */
  fenced: boolean;
  /** Marked a standby while stopped: it comes back only as a standby. */
  demoted: boolean;
  /** The epoch its newest promotion took (null: never promoted by an operation). */
  epoch: number | null;
  /** A fenced server's last checkpoint: after a clean shutdown, its final LSN. */
  checkpointLsn: string | null;
  /** The checkpoint is a clean shutdown's (false: the server was found dead, WAL may follow it). */
  cleanShutdown: boolean | null;
  at: string;
}

export class StaleMoveError extends Error {
  constructor(
    readonly token: number,
    readonly applied: number,
  ) {
    super(`attempt token ${token} refused: the lab already applied token ${applied} to this cluster`);
  }
}

const fileOf = (dir: string) => path.join(dir, "meridian-marker.json");

export function readMarker(dir: string): ServerMarker | null {
  const file = fileOf(dir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as ServerMarker;
  } catch {
    return null;
  }
}

export function writeMarker(
  dir: string,
  change: Partial<ServerMarker> & { token: number; action: string },
): ServerMarker {
  const before = readMarker(dir);
  const marker: ServerMarker = {
    fenced: false,
    demoted: false,
    epoch: null,
    checkpointLsn: null,
    cleanShutdown: null,
    ...before,
    ...change,
    at: new Date().toISOString(),
  };
  writeFileSync(fileOf(dir), `${JSON.stringify(marker)}\n`);
  return marker;
}

/** Refuses a token older than the newest any of `dirs` applied (the same token: a retry, accepted). */
export function acceptToken(dirs: string[], token: number): void {
  const applied = Math.max(0, ...dirs.map((dir) => readMarker(dir)?.token ?? 0));
  if (token < applied) throw new StaleMoveError(token, applied);
}
