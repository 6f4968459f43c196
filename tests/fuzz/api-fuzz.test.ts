// Keep it true: every procedure of the app router (read from the router, so a new one is covered
// without a word here), through the real HTTP handler (origin check, batch limit, superjson), as
// every role and nobody, and every mutation with malformed inputs: wrong types, NUL, huge strings
// and arrays, unusual unicode, prototype keys, extra fields. Nothing may answer 5xx, and a refused
// call may write nothing: the whole database is digested before and after each refusal. The
// better-auth endpoints Meridian keeps open get malformed bodies too. It runs on a database of its
// own (migrated, seeded with the demo), so that other test files' writes cannot blur the digest.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";

import { applyMigrations } from "@/prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/scripts/lib/postgres.mjs";

import { sampleInput } from "./sample-input";

const NAME = `meridian_fuzz_${Date.now()}_${process.pid}`;
const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), NAME);
const appUrl = withDatabase(inject("databaseUrl"), NAME);
const BASE = "http://localhost:3000";
const ROLES = ["VIEWER", "OPERATOR", "APPROVER", "ADMIN"] as const;
// Tables a read may touch or that only sign-in writes: outside the digest.
const UNDIGESTED = ["session", "SignInThrottle", "_prisma_migrations"];

type Mod = {
  db: typeof import("@/server/db").db;
  GET: (request: Request) => Response | Promise<Response>;
  POST: (request: Request) => Response | Promise<Response>;
  superjson: typeof import("superjson").default;
  auth: typeof import("@/server/auth").auth;
};
let mod: Mod;
let digestSql: string;
const cookies: Record<string, string> = {};
let procedures: [string, { _def: { type: string; inputs: z.ZodType[] } }][];
let ids: Record<string, string>;

beforeAll(async () => {
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  process.env.DATABASE_URL = appUrl;
  const { env } = await import("@/server/env");
  expect(env().DATABASE_URL, "the fuzz test must have its own database").toBe(appUrl);
  const { db } = await import("@/server/db");
  const { seedDemo } = await import("@/prisma/seed/seed-demo");
  await seedDemo(db);
  const route = await import("@/app/api/trpc/[trpc]/route");
  const { appRouter } = await import("@/server/api/root");
  const { auth } = await import("@/server/auth");
  mod = { db, GET: route.GET, POST: route.POST, superjson: (await import("superjson")).default, auth };
  procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, never> }).procedures);

  const { DEMO_USERS } = await import("@/prisma/seed/demo-users");
  let octet = 0;
  for (const role of ROLES) {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    const response = await auth().handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          "x-meridian-client-address": `192.0.2.${++octet}`,
        },
        body: JSON.stringify({ email: user.email, password: user.password }),
      }),
    );
    expect(response.status).toBe(200);
    cookies[role] = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }
  const deployment = await db.deployment.findUniqueOrThrow({ where: { slug: "commerce-aws" } });
  const cluster = await db.databaseCluster.findFirstOrThrow({ where: { deploymentId: deployment.id } });
  const replica = await db.replica.findFirstOrThrow({ where: { clusterId: cluster.id } });
  const link = await db.replicationLink.findFirst({ where: { clusterId: cluster.id } });
  const region = await db.region.findFirstOrThrow({ where: { id: replica.regionId } });
  const policy = await db.trafficPolicy.findFirst({ where: { deploymentId: deployment.id } });
  ids = {
    deploymentId: deployment.id,
    idOrSlug: deployment.slug,
    clusterId: cluster.id,
    replicaId: replica.id,
    regionId: region.id,
    sourceRegionId: region.id,
    targetRegionId: region.id,
    ...(link ? { linkId: link.id } : {}),
    ...(policy ? { policyId: policy.id } : {}),
  };

  const tables = await db.$queryRaw<
    { tablename: string }[]
  >`select tablename from pg_tables where schemaname = 'public'`;
  digestSql = `select md5(coalesce(string_agg(row, '|' order by row), '')) as digest from (${tables
    .map((t) => t.tablename)
    .filter((t) => !UNDIGESTED.includes(t))
    .map((t) => `select '${t}:' || x::text as row from "${t}" x`)
    .join(" union all ")}) rows`;
}, 120_000);

afterAll(async () => {
  await mod?.db.$disconnect();
  await dropDatabase(ownerUrl);
});

const digest = async () => (await mod.db.$queryRawUnsafe<{ digest: string }[]>(digestSql))[0]!.digest;

type Who = (typeof ROLES)[number] | "nobody";
type Answer = { status: number; body: string };

/** One call through the real handler; `raw` is the JSON text of the request's superjson envelope. */
async function call(path: string, type: string, who: Who, input: { value?: unknown; raw?: string }): Promise<Answer> {
  const headers: Record<string, string> = { origin: BASE, "content-type": "application/json" };
  if (who !== "nobody") headers.cookie = cookies[who]!;
  const envelope =
    input.raw ?? (input.value === undefined ? undefined : JSON.stringify(mod.superjson.serialize(input.value)));
  const url = `${BASE}/api/trpc/${path}`;
  const response =
    type === "mutation"
      ? await mod.POST(new Request(url, { method: "POST", headers, body: envelope ?? "{}" }))
      : await mod.GET(
          new Request(envelope === undefined ? url : `${url}?input=${encodeURIComponent(envelope)}`, { headers }),
        );
  return { status: response.status, body: await response.text() };
}

/** Calls, and holds the call to the rules: no 5xx; a refusal wrote nothing. */
async function expectSafe(
  path: string,
  type: string,
  who: Who,
  input: { value?: unknown; raw?: string },
  label: string,
) {
  const before = await digest();
  const audits = await mod.db.auditRecord.count();
  const answer = await call(path, type, who, input);
  const where = `${path} as ${who}, ${label}: ${answer.status} ${answer.body.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(await mod.db.auditRecord.count(), `audit written by a refusal: ${where}`).toBe(audits);
    expect(await digest(), `database changed by a refusal: ${where}`).toBe(before);
  }
  expect(({} as Record<string, unknown>).polluted, `prototype polluted: ${where}`).toBeUndefined();
  return answer;
}

const HUGE = "a".repeat(100_000);
const UNICODE = "𝔘𝔫𝔦 \u202eevil\u202c e\u0301 \u{1F4A5} \uFEFF\u200B ZWJ\u200D 日本";

/** Malformed versions of `base` (an object input), each with a label. */
function variants(base: unknown): { label: string; value?: unknown; raw?: string }[] {
  const out: { label: string; value?: unknown; raw?: string }[] = [
    { label: "no input", value: undefined },
    { label: "null", value: null },
    { label: "a string", value: "x" },
    { label: "a number", value: 42 },
    { label: "an array", value: [base] },
    { label: "deeply nested", value: JSON.parse(`${"[".repeat(60)}1${"]".repeat(60)}`) },
    { label: "not JSON", raw: "{not json" },
    { label: "no json envelope", raw: JSON.stringify(base ?? {}) },
  ];
  if (!base || typeof base !== "object" || Array.isArray(base)) return out;
  const json = (value: unknown) => JSON.stringify(mod.superjson.serialize(value).json);
  out.push(
    { label: "an extra field", value: { ...base, notAField: "x" } },
    { label: "__proto__ key", raw: `{"json":${json(base).replace(/^\{/, '{"__proto__":{"polluted":true},')}}` },
    {
      label: "constructor key",
      raw: `{"json":${json(base).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')}}`,
    },
  );
  for (const key of Object.keys(base).slice(0, 8)) {
    const current = (base as Record<string, unknown>)[key];
    const withKey = (value: unknown) => ({ ...base, [key]: value });
    out.push(
      { label: `${key}: null`, value: withKey(null) },
      { label: `${key}: wrong type`, value: withKey(typeof current === "string" ? 12345 : "x") },
      { label: `${key}: an object`, value: withKey({ nested: { deeper: [1, 2, 3] } }) },
      { label: `${key}: NUL`, value: withKey(typeof current === "string" ? `${current}\u0000` : "\u0000") },
      { label: `${key}: 100,000 characters`, value: withKey(HUGE) },
      { label: `${key}: unicode`, value: withKey(UNICODE) },
      { label: `${key}: 1e308`, value: withKey(1e308) },
      { label: `${key}: -1`, value: withKey(-1) },
      { label: `${key}: NaN`, value: withKey(Number.NaN) },
      { label: `${key}: a date far away`, value: withKey(new Date(-8.64e15)) },
      { label: `${key}: 5,000 items`, value: withKey(Array.from({ length: 5_000 }, () => current ?? "x")) },
      {
        label: `${key}: __proto__ inside`,
        raw: `{"json":${json({ ...base, [key]: "§" }).replace('"§"', '{"__proto__":{"polluted":true}}')}}`,
      },
    );
  }
  return out;
}

describe("the API under fuzz", () => {
  it("answers every procedure as every role and nobody without a 5xx, writing nothing when it refuses", async () => {
    let calls = 0;
    for (const [path, procedure] of procedures) {
      if (procedure._def.type === "subscription") continue; // streamed: covered below
      const base = sampleInput(procedure._def.inputs[0], ids);
      for (const who of ["nobody", ...ROLES] as Who[]) {
        await expectSafe(path, procedure._def.type, who, { value: base }, "a plausible input");
        calls += 1;
      }
    }
    expect(calls).toBeGreaterThan(250);
  }, 240_000);

  it("refuses malformed inputs to every mutation with a 4xx naming what is wrong, and writes nothing", async () => {
    let calls = 0;
    const mutations = procedures.filter(([, p]) => p._def.type === "mutation");
    expect(mutations.length).toBeGreaterThan(30);
    for (const [path, procedure] of mutations) {
      const base = sampleInput(procedure._def.inputs[0], ids);
      for (const variant of variants(base)) {
        // As an admin, who passes every role check and so reaches the input checks.
        await expectSafe(path, "mutation", "ADMIN", variant, variant.label);
        calls += 1;
      }
    }
    expect(calls).toBeGreaterThan(1000);
  }, 600_000);

  it("refuses malformed inputs to every query and subscription without a 5xx", async () => {
    const { createCaller } = await import("@/server/api/root");
    const { createInnerContext } = await import("@/server/api/trpc");
    const admin = await mod.db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const actor = {
      userId: admin.id,
      email: admin.email,
      role: admin.role,
      name: admin.name,
      sessionExpiresAt: new Date(Date.now() + 3_600_000),
    };
    for (const [path, procedure] of procedures) {
      const base = sampleInput(procedure._def.inputs[0], ids);
      for (const variant of variants(base).filter((v) => v.raw === undefined)) {
        if (procedure._def.type === "query") {
          await expectSafe(path, "query", "ADMIN", variant, variant.label);
          continue;
        }
        if (procedure._def.type !== "subscription") continue;
        const abort = new AbortController();
        const caller = createCaller(createInnerContext(actor), { signal: abort.signal }) as unknown as Record<
          string,
          Record<string, (i: unknown) => Promise<AsyncIterable<unknown>>>
        >;
        const [router, name] = path.split(".") as [string, string];
        const outcome = await caller[router]![name]!(variant.value).then(
          async (stream) => {
            const iterator = stream[Symbol.asyncIterator]();
            await Promise.race([iterator.next(), new Promise((r) => setTimeout(r, 200))]);
            abort.abort();
            await iterator.return?.();
            return "streamed";
          },
          (error: { code?: string }) => error.code ?? "?",
        );
        expect(outcome, `${path} ${variant.label}`).not.toBe("INTERNAL_SERVER_ERROR");
      }
    }
  }, 240_000);

  it("refuses a batch above the limit, and bodies that are not what tRPC expects", async () => {
    const calls = Array.from({ length: 21 }, () => "identity.me").join(",");
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [i, { json: null }]))),
    );
    const batch = await mod.GET(
      new Request(`${BASE}/api/trpc/${calls}?batch=1&input=${input}`, { headers: { cookie: cookies.VIEWER! } }),
    );
    expect(batch.status).toBe(400);
    for (const body of ["", "[]", '{"json":', "\u0000", '{"json":{},"meta":{"values":{"x":["Date"]}}}']) {
      const answer = await mod.POST(
        new Request(`${BASE}/api/trpc/topology.createRegion`, {
          method: "POST",
          headers: { origin: BASE, "content-type": "application/json", cookie: cookies.ADMIN! },
          body,
        }),
      );
      expect(answer.status, JSON.stringify(body)).toBeLessThan(500);
    }
  });

  it("answers the open auth endpoints' malformed bodies without a 5xx", async () => {
    const { OPEN_AUTH_PATHS } = await import("@/server/domain/identity/auth-policy");
    const bodies = [
      "{}",
      "null",
      "[]",
      "not json",
      JSON.stringify({ email: "a\u0000@test.local", password: "x" }),
      JSON.stringify({ email: HUGE, password: HUGE }),
      JSON.stringify({ email: 42, password: { a: 1 } }),
      JSON.stringify({ email: UNICODE, password: UNICODE }),
      '{"__proto__":{"polluted":true},"email":"a@test.local","password":"x"}',
      JSON.stringify({ currentPassword: "\u0000", newPassword: HUGE }),
    ];
    let octet = 0;
    for (const path of OPEN_AUTH_PATHS) {
      for (const body of bodies) {
        for (const cookie of ["", cookies.VIEWER!]) {
          const response = await mod.auth().handler(
            new Request(`${BASE}/api/auth${path}`, {
              method: path === "/get-session" || path === "/ok" ? "GET" : "POST",
              headers: {
                "content-type": "application/json",
                origin: BASE,
                cookie,
                "x-meridian-client-address": `192.0.2.${100 + (++octet % 100)}`,
              },
              ...(path === "/get-session" || path === "/ok" ? {} : { body }),
            }),
          );
          expect(response.status, `${path} ${body.slice(0, 60)}`).toBeLessThan(500);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
