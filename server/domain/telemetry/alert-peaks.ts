// The worst value each alert's condition reached while it was open, from the raw samples: the
// highest lag on the link (LAG_OVER_RPO) or the most probe locations failing at one instant
// (REGION_DOWN); null for other kinds, or once the samples are past raw retention. One statement
// for all the alerts listed, each peak an indexed range read of its target's samples.
import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

type AlertRow = {
  id: string;
  kind: string;
  deploymentId: string;
  targetId: string;
  openedAt: Date;
  resolvedAt: Date | null;
};

export async function alertPeaks(
  db: Db,
  alerts: readonly AlertRow[],
  nowMs = Date.now(),
): Promise<Map<string, number>> {
  const measured = alerts.filter((alert) => alert.kind === "LAG_OVER_RPO" || alert.kind === "REGION_DOWN");
  if (measured.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; peak: number | null }[]>`
    select a.id,
      case a.kind
        when 'LAG_OVER_RPO' then (
          select max(s."lagMs") from "LagSample" s
          where s."linkId" = a."targetId" and s.at >= a."openedAt" and s.at <= coalesce(a."resolvedAt", ${new Date(nowMs)}))
        else (
          select max(failing)::float8 from (
            select count(*) filter (where not h.healthy) as failing from "HealthSample" h
            where h."deploymentId" = a."deploymentId" and h."regionId" = a."targetId"
              and h.at >= a."openedAt" and h.at <= coalesce(a."resolvedAt", ${new Date(nowMs)})
            group by h.at) as instants)
      end as peak
    from "Alert" a where a.id = any(${Prisma.sql`${measured.map((alert) => alert.id)}::text[]`})`;
  return new Map(rows.flatMap((row) => (row.peak === null ? [] : [[row.id, row.peak] as const])));
}
