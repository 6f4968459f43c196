// Shared by `npm start` and `npm test`: say each step, run commands, install what is missing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** A dependency's executable, run directly: through npx, a SIGTERM would stop npx but not always its child. */
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function say(message) {
  console.log(`\x1b[36m▸\x1b[0m ${message}`);
}

/** Runs a command to completion with inherited output; throws with the command line if it fails. */
export function run(command, args, { env = {}, quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
  return result;
}

/** Starts a long-running command; resolves never, rejects if it exits badly. */
export function serve(command, args, { env = {} } = {}) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return child;
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (files or folders, relative to the repo). */
export function isStale(output, inputs) {
  const outputTime = existsSync(path.join(root, output)) ? statSync(path.join(root, output)).mtimeMs : 0;
  return inputs.some((input) => newestMtime(path.join(root, input)) > outputTime);
}

export function ensureDependencies() {
  if (isStale("node_modules/.package-lock.json", ["package-lock.json", "package.json"])) {
    say("installing dependencies (npm ci)");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
  if (isStale("server/generated/prisma/client.ts", ["prisma/schema.prisma"])) {
    say("generating the Prisma client");
    run("node", ["scripts/prisma-generate.mjs"], { quiet: true });
  }
}

export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "prisma/schema.prisma",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

export function ensureBuild() {
  if (isStale(".next/BUILD_ID", BUILD_INPUTS)) {
    say("building the console (next build)");
    run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  } else {
    say("the build is up to date");
  }
}
