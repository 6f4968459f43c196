// The operation report as files, built in the browser: CSV (one row per phase, then the summary)
// and JSON (the report as the API returned it). Numbers stay plain so a spreadsheet reads them.
import { type TReport } from "@/lib/operations/contracts";
import { LEDGER_OUTAGE_TERM, LOST_WRITES_TERM, PHASE_LABELS, STATUS_LABELS } from "@/lib/operations/words";

function cell(text: string): string {
  // Notes and names come from people and the model: a leading = + - @ would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const num = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? "" : String(+value.toFixed(3));
const yesNo = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");

export function reportCsv(report: TReport): string {
  const rows: [string, string][] = [
    ["phase", "seconds"],
    ...report.phases.map((measure): [string, string] => [
      cell(PHASE_LABELS[measure.phase] ?? measure.phase),
      num(measure.seconds),
    ]),
    ["Measured RTO (total)", num(report.measuredRtoSeconds)],
    ["RTO target", num(report.targets.rtoSeconds)],
    ["RTO met", yesNo(report.rtoMet)],
    ["Measured data loss (seconds)", num(report.measuredDataLossSeconds)],
    ["Measured data loss (bytes)", num(report.measuredDataLossBytes)],
    ["Estimated data loss (seconds)", num(report.estimatedDataLossSeconds)],
    ["RPO target", num(report.targets.rpoSeconds)],
    ["RPO met", yesNo(report.rpoMet)],
    ["Outcome", cell(STATUS_LABELS[report.outcome])],
    ["New primary", report.newPrimary ? cell(`${report.newPrimary.name} (${report.newPrimary.regionCode})`) : ""],
    ["Epoch", num(report.epoch)],
    // Measured from the workload's ledger, where one exists (the lab); empty when not measured.
    ...(report.ledger
      ? ([
          [`${LEDGER_OUTAGE_TERM} (seconds)`, num(report.ledger.writeOutageSeconds)],
          [LOST_WRITES_TERM, num(report.ledger.lostWrites?.lost)],
          ["Acknowledged writes counted", num(report.ledger.lostWrites?.acknowledged)],
        ] as [string, string][])
      : []),
  ];
  // RFC 4180 line ends, like the planning export.
  return rows.map((row) => row.join(",")).join("\r\n") + "\r\n";
}

export const reportJson = (report: TReport) => `${JSON.stringify(report, null, 2)}\n`;
