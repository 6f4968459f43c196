// The report's headline figures, each against its target, with met or missed said in words.
import { replicaWords } from "@/components/operations/step-view";
import { formatBytes, formatSeconds } from "@/lib/format";
import type { TReport } from "@/lib/operations/contracts";
import {
  LEDGER_OUTAGE_AGAINST,
  LEDGER_OUTAGE_TERM,
  LOST_WRITES_TERM,
  lostWritesAgainst,
  lostWritesOf,
  NO_LEDGER_SENTENCE,
} from "@/lib/operations/words";

import { Figure } from "./figure";
import { StatusBadge } from "./status-badge";

const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "met" : "missed");

export function ReportSummary({ report }: { report: TReport }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Figure
        term="Measured RTO"
        over={report.rtoMet === false}
        against={`target ${formatSeconds(report.targets.rtoSeconds)} · ${verdict(report.rtoMet)}`}
      >
        <span data-testid="report-rto" data-met={String(report.rtoMet)}>
          {formatSeconds(report.measuredRtoSeconds)}
        </span>
      </Figure>
      <Figure
        term="Measured data loss"
        over={!report.rpoMet}
        against={`RPO target ${formatSeconds(report.targets.rpoSeconds)} · ${verdict(report.rpoMet)}`}
      >
        <span data-testid="report-data-loss" data-met={String(report.rpoMet)}>
          {formatSeconds(report.measuredDataLossSeconds)} · {formatBytes(report.measuredDataLossBytes)}
        </span>
      </Figure>
      <Figure term="Estimated data loss" against="from the plan">
        {formatSeconds(report.estimatedDataLossSeconds)}
      </Figure>
      <Figure
        term={report.outcome === "SUCCEEDED" ? "New primary" : "Primary now"}
        against={report.epoch === null ? undefined : `epoch ${report.epoch}`}
      >
        <span data-testid="report-new-primary">
          {report.newPrimary ? replicaWords(report.newPrimary) : "unchanged"}
        </span>
      </Figure>
      {report.ledger ? (
        <Figure term={LEDGER_OUTAGE_TERM} against={LEDGER_OUTAGE_AGAINST}>
          <span data-testid="report-ledger-outage">{formatSeconds(report.ledger.writeOutageSeconds)}</span>
        </Figure>
      ) : null}
      {report.ledger && report.ledger.lostWrites !== undefined ? (
        // Held against the data at risk the console showed, not a target: a failover may lose some.
        <Figure
          term={LOST_WRITES_TERM}
          against={lostWritesAgainst(formatBytes(report.measuredDataLossBytes), report.runbook)}
        >
          <span data-testid="report-lost-writes" data-lost={report.ledger.lostWrites?.lost ?? ""}>
            {report.ledger.lostWrites
              ? lostWritesOf(report.ledger.lostWrites.lost, report.ledger.lostWrites.acknowledged)
              : "not counted"}
          </span>
        </Figure>
      ) : report.ledger === null ? (
        <p className="text-sm text-slate-600 sm:col-span-2 lg:col-span-4" data-testid="report-no-ledger">
          {NO_LEDGER_SENTENCE}
        </p>
      ) : null}
      <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-4">
        <dt className="text-xs font-medium text-slate-500">Outcome</dt>
        <dd>
          <StatusBadge status={report.outcome} data-testid="report-outcome" />
        </dd>
      </div>
    </dl>
  );
}
