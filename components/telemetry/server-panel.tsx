"use client";

// The real servers of a deployment as the last observation found them: each one answering or not
// (with its error), its role as it reports it, its log position and write rate, the data a
// promotion would lose now; links whose lag could not be read; and tables whose row counts or
// checksums differ across the regions of an active-active cluster.
import type { DeploymentModelData } from "@/components/topology/model-types";
import { Badge, Card } from "@/components/ui/layout";
import { formatBytes, formatDateTime, formatSeconds } from "@/lib/format";
import { isMeasured, SERVER_WORDS } from "@/lib/telemetry/words";

import { serversOf } from "./snapshot-parts";
import { useSnapshotPart } from "./use-live-snapshot";

/** A difference seen in one check may be writes in flight; two in a row is a divergence. */
const DIVERGED_AFTER_CHECKS = 2;

export function ServerPanel({ deployment }: { deployment: DeploymentModelData }) {
  const { part: snapshot } = useSnapshotPart(deployment.id, serversOf);
  if (!isMeasured(deployment.driverKind)) return null;
  const replicas = deployment.clusters.flatMap((c) => c.replicas);
  const nameOf = (id: string) => replicas.find((r) => r.id === id)?.name ?? id;
  const links = deployment.clusters.flatMap((c) => c.links);
  const linkName = (id: string) => {
    const link = links.find((l) => l.id === id);
    return link ? `${nameOf(link.sourceReplicaId)} → ${nameOf(link.targetReplicaId)}` : id;
  };
  const servers = snapshot?.servers ?? [];
  const diverged = (snapshot?.divergence ?? []).flatMap((d) =>
    d.tables
      .filter((t) => t.differs && t.differingChecks >= DIVERGED_AFTER_CHECKS)
      .map((t) => ({ ...t, checkedAtMs: d.checkedAtMs })),
  );
  return (
    <Card title={SERVER_WORDS.title}>
      <div className="space-y-3 text-sm" data-testid="server-panel">
        {servers.length === 0 ? <p className="text-slate-500">{SERVER_WORDS.noServers}</p> : null}
        <ul className="space-y-2">
          {servers.map((s) => (
            <li key={s.replicaId} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{nameOf(s.replicaId)}</span>
                <Badge tone={s.reachable ? "good" : "bad"}>
                  {s.reachable ? SERVER_WORDS.reachable : SERVER_WORDS.unreachable}
                </Badge>
                {s.inRecovery !== null ? (
                  <span className="text-xs text-slate-500">
                    {s.inRecovery ? SERVER_WORDS.standby : SERVER_WORDS.primary}
                  </span>
                ) : null}
              </div>
              {s.error ? <p className="mt-1 break-words text-xs text-rose-700 dark:text-rose-400">{s.error}</p> : null}
              {s.reachable ? (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600 dark:text-slate-400">
                  <dt>{SERVER_WORDS.walPosition}</dt>
                  <dd>{s.walPosition === null ? "—" : formatBytes(s.walPosition)}</dd>
                  {s.writeBytesPerSecond !== null ? (
                    <>
                      <dt>{SERVER_WORDS.writeRate}</dt>
                      <dd>{formatBytes(s.writeBytesPerSecond)}/s</dd>
                    </>
                  ) : null}
                  {s.atRisk ? (
                    <>
                      <dt>{SERVER_WORDS.atRisk}</dt>
                      <dd data-testid={`at-risk-${nameOf(s.replicaId)}`}>
                        {formatBytes(s.atRisk.bytes)} · {formatSeconds(s.atRisk.seconds)}
                      </dd>
                    </>
                  ) : null}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
        {(snapshot?.lagUnknown ?? []).map((u) => (
          <p key={u.linkId} className="text-xs">
            <Badge tone="warn">{SERVER_WORDS.lagUnknown}</Badge> {linkName(u.linkId)}: {u.error}
          </p>
        ))}
        {(snapshot?.divergence ?? []).length > 0 ? (
          diverged.length === 0 ? (
            <p className="text-xs text-slate-500">{SERVER_WORDS.divergenceNone}</p>
          ) : (
            <ul className="space-y-1" data-testid="divergence">
              {diverged.map((t) => (
                <li key={t.table} className="text-xs">
                  <Badge tone="bad">{SERVER_WORDS.diverged}</Badge> {t.table}:{" "}
                  {Object.entries(t.rows)
                    .map(([id, rows]) => `${nameOf(id)} ${rows} rows`)
                    .join(", ")}{" "}
                  (checked {formatDateTime(new Date(t.checkedAtMs))})
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </Card>
  );
}
