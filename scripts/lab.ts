// `npm run lab -- up | down | status [--json]`: the region lab alone. `up` uses the running lab
// (the console's, started by npm start) or starts one in the background (its log in
// <lab dir>/lab.log) and waits until it answers; `down` asks it to stop everything it started;
// `status --json` prints one JSON object (servers, routers, links, probe relays, workloads).
import { spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { labDir } from "@/server/env";
import { LabClient } from "@/server/lab/client";
import { readControlFile } from "@/server/lab/control-file";
import { isAlive } from "@/server/lab/processes";
import type { LabStatus } from "@/server/lab/status";

const root = path.resolve(labDir());
const [command, ...flags] = process.argv.slice(2);
const json = flags.includes("--json");

function printStatus(status: LabStatus): void {
  if (json) {
    console.log(JSON.stringify(status));
    return;
  }
  console.log(`lab (pid ${status.pid}) in ${status.dataRoot}`);
  for (const server of status.servers)
    console.log(
      `  ${server.deployment}/${server.cluster} ${server.replica.padEnd(20)} ${server.region.padEnd(15)} ${server.role.padEnd(13)} ${server.url ?? "(no port)"}`,
    );
  for (const router of status.routers)
    console.log(
      `  router ${router.deployment}/${router.policy} -> ${router.chosenRegion ?? "nowhere"}   ${router.url}`,
    );
  for (const workload of status.workloads)
    console.log(
      `  workload ${workload.deployment}: ${workload.rates.writesPerSecond} writes/s, ${workload.totals.writes} acknowledged, ${workload.totals.errors} errors`,
    );
}

async function waitForLab(child: number, timeoutMs: number): Promise<LabClient> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = LabClient.find(root);
    if (client) return client;
    if (!isAlive(child)) throw new Error(`the lab stopped before it was up: see ${path.join(root, "lab.log")}`);
    await sleep(250);
  }
  throw new Error(`the lab was not up after ${timeoutMs / 1000} s: see ${path.join(root, "lab.log")}`);
}

async function up(): Promise<void> {
  let client = LabClient.find(root);
  if (!client) {
    mkdirSync(root, { recursive: true });
    const log = openSync(path.join(root, "lab.log"), "a");
    // Node with tsx as a loader: one process, which receives `down`'s signals itself.
    const child = spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts"], {
      detached: true,
      stdio: ["ignore", log, log],
    });
    child.unref();
    if (!json) console.log(`starting the lab (pid ${child.pid}; log in ${path.join(root, "lab.log")})`);
    client = await waitForLab(child.pid as number, 180_000);
  }
  printStatus(await client.status());
}

async function down(): Promise<void> {
  const control = readControlFile(root);
  const client = LabClient.find(root);
  if (!control || !client) {
    console.log("no lab is running");
    return;
  }
  await client.down();
  const deadline = Date.now() + 60_000;
  while (isAlive(control.pid) && Date.now() < deadline) await sleep(100);
  console.log(isAlive(control.pid) ? `the lab (pid ${control.pid}) is still stopping` : "the lab has stopped");
}

async function status(): Promise<void> {
  const client = LabClient.find(root);
  if (!client) {
    console.error("no lab is running (npm start runs one; npm run lab -- up starts one alone)");
    process.exit(1);
  }
  printStatus(await client.status());
}

const commands: Record<string, () => Promise<void>> = { up, down, status };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error("usage: npm run lab -- up | down | status [--json]");
  process.exit(2);
}
await run();
