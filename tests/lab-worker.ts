// The real worker (server/worker.ts) in a child process of a test, acting on the test's lab: that
// lab runs inside the test process, which serves it through the lab's own control API
// (control-server.ts); its port and token come as arguments, as `npm run lab` gives them in its
// control file. Everything else is the worker's own code.
import { registerDirectoryResolver } from "@/server/domain/driver-sessions/server-directory";
import { LabClient } from "@/server/lab/client";
import { directoryFromStatus } from "@/server/lab/driver-directory";

const [port, token] = process.argv.slice(2);
if (!port || !token) throw new Error("usage: tests/lab-worker.ts <control port> <control token>");
const status = new LabClient(Number(port), token, 3_000);
const mover = new LabClient(Number(port), token, 60_000);
registerDirectoryResolver("lab", async (_db, _id, topology) =>
  directoryFromStatus(await status.status(), topology, mover),
);
await import("@/server/worker");
