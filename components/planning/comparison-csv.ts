// The comparison table as CSV, built in the browser: category rows, option columns, then the totals
// and multipliers. Plain numbers (no "$" or thousands commas) so a spreadsheet reads them as numbers.
import { COST_CATEGORIES, type TEstateCost } from "@/lib/cost";
import { CATEGORY_LABEL } from "@/lib/planning/words";

export type TCsvOption = { name: string; cost: TEstateCost | null };

function cell(text: string): string {
  // A scenario name is typed by a person: one starting with = + - @ would run as a spreadsheet formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const amount = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? "" : value.toFixed(2);

export function comparisonCsv(options: readonly TCsvOption[]): string {
  const header = ["Category", ...options.map((option) => option.name)].map(cell);
  // Body rows: a label (through cell(), like every text) and numbers, which never need quoting.
  const body: string[][] = [
    ...COST_CATEGORIES.map((category) => [
      cell(CATEGORY_LABEL[category]),
      ...options.map((option) => amount(option.cost?.byCategory[category])),
    ]),
    ["Total", ...options.map((option) => amount(option.cost?.totalMonthlyUsd))],
    ["Multiplier", ...options.map((option) => amount(option.cost?.multiplier))],
  ];
  // RFC 4180 line ends.
  return [header, ...body].map((row) => row.join(",")).join("\r\n") + "\r\n";
}
