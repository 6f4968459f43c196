// `npm run bench:freshness`: how long from an observation in the worker to the value in a
// subscriber's hands, with many subscribers. It serves the production build against a throw-away
// PostgreSQL seeded with the demo, runs the real worker at a 1-second interval, opens N
// server-sent-event subscriptions (the browser's transport) to one deployment, and measures
// receive time minus the snapshot's observation time for every event each subscriber gets.
//   npm run bench:freshness -- [subscribers=200] [seconds=30]
import { spawn, type ChildProcess } from "node:child_process";

import superjson from "superjson";

import { createDatabaseIfMissing, ensurePostgres, withDatabase } from "../lib/postgres.mjs";
import { bin, ensureBuild, root, run } from "../lib/steps.mjs";

const subscribers = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 30);
const port = 3300;
const base = `http://localhost:${port}`;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "viewer@meridian.local", password: "viewer-demo-2026" }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function deploymentId(cookie: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { idOrSlug: "commerce-aws" } }));
  const response = await fetch(`${base}/api/trpc/topology.deployment?input=${input}`, { headers: { cookie } });
  const body = (await response.json()) as { result: { data: { json: { id: string } } } };
  return body.result.data.json.id;
}

/** One subscriber: reads the SSE stream and records receive time minus observation time per event. */
async function subscribe(cookie: string, id: string, latencies: number[], signal: AbortSignal, startAfterMs: number) {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ deploymentId: id })));
  const response = await fetch(`${base}/api/trpc/telemetry.live?input=${input}`, {
    headers: { cookie, accept: "text/event-stream" },
    signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split("\n").find((line) => line.startsWith("data: "));
        if (!data || !message.split("\n").some((line) => line.startsWith("id: "))) continue;
        const received = Date.now();
        const snapshot = superjson.deserialize(JSON.parse(data.slice(6))) as { observedAtMs?: number };
        if (snapshot.observedAtMs && snapshot.observedAtMs > startAfterMs)
          latencies.push(received - snapshot.observedAtMs);
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

const children: ChildProcess[] = [];
const server = await ensurePostgres({ ephemeral: true });
try {
  const url = withDatabase(server.url, "meridian_bench");
  await createDatabaseIfMissing(url);
  const env = {
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    MERIDIAN_URL: base,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    MERIDIAN_PROBE_INTERVAL_MS: "1000",
  };
  run("npx", ["tsx", "prisma/tools/migrate.ts"], { env, quiet: true });
  run("npx", ["tsx", "prisma/seed.ts"], { env, quiet: true });
  ensureBuild();
  const spawnEnv = { ...process.env, ...env };
  children.push(spawn(bin("next"), ["start", "-p", String(port)], { cwd: root, env: spawnEnv, stdio: "ignore" }));
  children.push(spawn(bin("tsx"), ["server/worker.ts"], { cwd: root, env: spawnEnv, stdio: "ignore" }));
  await waitFor(`${base}/sign-in`, 60_000);

  const cookie = await signIn();
  const id = await deploymentId(cookie);
  const latencies: number[] = [];
  const controller = new AbortController();
  // Events observed before every subscriber is connected are left out: only steady state counts.
  const connectedAt = Date.now() + 5_000;
  const streams = Array.from({ length: subscribers }, () =>
    subscribe(cookie, id, latencies, controller.signal, connectedAt),
  );
  await new Promise((r) => setTimeout(r, 5_000 + seconds * 1000));
  controller.abort();
  await Promise.allSettled(streams);

  const sorted = [...latencies].sort((a, b) => a - b);
  const perSubscriber = latencies.length / subscribers;
  console.log(
    `freshness, observation in the worker -> value at a subscriber (${subscribers} subscribers, ${seconds} s, 1 s interval)`,
  );
  console.log(`  events received: ${latencies.length} (${perSubscriber.toFixed(1)} per subscriber)`);
  console.log(
    `  p50 ${percentile(sorted, 50)} ms   p95 ${percentile(sorted, 95)} ms   max ${sorted.at(-1)} ms   min ${sorted[0]} ms`,
  );
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1_000));
  await server.stop();
}
