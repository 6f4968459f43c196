// GET /api/metrics: Prometheus exposition format. Open by default, as exporters are; with
// MERIDIAN_METRICS_TOKEN set, a scraper must send `Authorization: Bearer <token>`.
import { timingSafeEqual } from "node:crypto";

import { db } from "@/server/db";
import { renderMetrics } from "@/server/domain/telemetry/metrics";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const token = env().MERIDIAN_METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request) {
  if (!authorized(request))
    return new Response("metrics need the bearer token set in MERIDIAN_METRICS_TOKEN\n", { status: 401 });
  const { contentType, body } = await renderMetrics(db);
  return new Response(body, { headers: { "content-type": contentType } });
}
