// The running lab's address: `<root>/control.json` (mode 600) holds the lab process's pid, the port
// of its control API on 127.0.0.1 and the token that API asks for. Whoever can read the file may
// drive the lab; nobody else can.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { isProcessOf } from "./processes";

export interface ControlFile {
  pid: number;
  port: number;
  token: string;
  startedAt: string;
}

/** What the lab process's command line contains (its entry point), to tell it from a reused pid. */
export const LAB_PROCESS_MARKER = "server/lab/main";

export const controlPath = (root: string) => path.join(root, "control.json");

export function writeControlFile(root: string, control: ControlFile): void {
  mkdirSync(root, { recursive: true });
  writeFileSync(controlPath(root), JSON.stringify(control), { mode: 0o600 });
}

/** The control file of a live lab process, or null (none, or one whose process is gone). */
export function readControlFile(root: string): ControlFile | null {
  const file = controlPath(root);
  if (!existsSync(file)) return null;
  try {
    const control = JSON.parse(readFileSync(file, "utf8")) as ControlFile;
    return isProcessOf(control.pid, LAB_PROCESS_MARKER) ? control : null;
  } catch {
    return null;
  }
}

export function removeControlFile(root: string, pid: number): void {
  const file = controlPath(root);
  if (!existsSync(file)) return;
  try {
    if ((JSON.parse(readFileSync(file, "utf8")) as ControlFile).pid !== pid) return; // another lab's
  } catch {
    // unreadable: ours to remove
  }
  rmSync(file, { force: true });
}
