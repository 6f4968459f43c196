// `npm run bench:freshness`: how long from an observation in the worker to the value in a
// subscriber's hands, with many subscribers. It serves the production build against a throw-away
// PostgreSQL seeded with the demo, runs the real worker at a 1-second interval, opens N
// server-sent-event subscriptions (the browser's transport) to one deployment, and measures
// receive time minus the snapshot's observation time for every event each subscriber gets.
// With besideNodes, it measures twice in one run: alone, then with a deployment of that many
// nodes built beside it through the API (large-estate.ts), which the worker observes too.
//   npm run bench:freshness -- [subscribers=200] [seconds=30] [besideNodes=0]
import { spawn, type ChildProcess } from "node:child_process";

import superjson from "superjson";

import demoUsers from "../../prisma/seed/demo-users.json" with { type: "json" };
import { createDatabaseIfMissing, ensurePostgres, withDatabase } from "../lib/postgres.mjs";
import { bin, ensureBuild, root, run } from "../lib/steps.mjs";
import { buildEstate, type Mutate } from "./large-estate";

const subscribers = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 30);
const besideNodes = Number(process.argv[4] ?? 0);
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

async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** tRPC mutations as the demo's operator, for building the deployment beside. */
async function operatorMutate(): Promise<Mutate> {
  const operator = demoUsers.find((user) => user.role === "OPERATOR")!;
  const cookie = await signIn(operator.email, operator.password);
  return async (path, input) => {
    const response = await fetch(`${base}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result: { data: { json: { id: string } } } };
    if (!response.ok) throw new Error(`${path} refused: ${JSON.stringify(body)}`);
    return body.result.data.json;
  };
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
    // The demo's users sign the subscribers in (the seed adds them only when asked).
    MERIDIAN_DEMO: "1",
  };
  run("npx", ["tsx", "prisma/tools/migrate.ts"], { env, quiet: true });
  run("npx", ["tsx", "prisma/seed.ts"], { env, quiet: true });
  ensureBuild();
  const spawnEnv = { ...process.env, ...env };
  children.push(spawn(bin("next"), ["start", "-p", String(port)], { cwd: root, env: spawnEnv, stdio: "ignore" }));
  children.push(spawn(bin("tsx"), ["server/worker.ts"], { cwd: root, env: spawnEnv, stdio: "ignore" }));
  await waitFor(`${base}/sign-in`, 60_000);

  const viewer = demoUsers.find((user) => user.role === "VIEWER")!;
  const cookie = await signIn(viewer.email, viewer.password);
  const id = await deploymentId(cookie);

  /** N subscribers for `seconds` of steady state: the delay of every event each one received. */
  async function measure(what: string) {
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
      `freshness of commerce-aws, ${what}: observation in the worker -> value at a subscriber (${subscribers} subscribers, ${seconds} s, 1 s interval)`,
    );
    console.log(`  events received: ${latencies.length} (${perSubscriber.toFixed(1)} per subscriber)`);
    console.log(
      `  p50 ${percentile(sorted, 50)} ms   p95 ${percentile(sorted, 95)} ms   max ${sorted.at(-1)} ms   min ${sorted[0]} ms`,
    );
  }

  await measure(besideNodes ? "alone (the demo's deployments)" : "the demo's deployments");
  if (besideNodes) {
    const built = Date.now();
    const estate = await buildEstate(await operatorMutate(), { nodes: besideNodes, tag: `f${Date.now() % 10_000}` });
    console.log(
      `built ${estate.slug} beside it: ${estate.nodes} nodes in ${((Date.now() - built) / 1000).toFixed(0)} s`,
    );
    await measure(`beside a deployment of ${estate.nodes} nodes`);
  }
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1_000));
  await server.stop();
}
