// The comparison as CSV, built in the browser: one row per option (the baseline, the scenario in
// the editor, saved scenarios), saying what it is (its DR model and its changes, in the change
// list's words) and what it costs, each column headed with its unit. Plain numbers (no "$" or
// thousands commas) so a spreadsheet reads them as numbers.
import { COST_CATEGORIES, type TEstate, type TEstateCost, type TScenarioChange } from "@/lib/cost";
import { label } from "@/lib/topology/words";

import { CATEGORY_LABEL, describeChange } from "./words";

export type TCsvOption = {
  name: string;
  /** The estate the option prices, after its changes. */
  estate: TEstate;
  cost: TEstateCost;
  changes: readonly TScenarioChange[];
};

function cell(text: string): string {
  // A scenario name is typed by a person: one starting with = + - @ would run as a spreadsheet formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const amount = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? "" : value.toFixed(2);

export const CSV_HEADER = [
  "Option",
  "DR model",
  "Changes",
  ...COST_CATEGORIES.map((category) => `${CATEGORY_LABEL[category]} monthly cost (USD)`),
  "Total monthly cost (USD)",
  "Multiplier (× one region)",
  "Prices as of",
] as const;

/** Region codes for the change list's words: the option's own regions, the baseline's, or the region a change adds. */
function regionCodeIn(option: TCsvOption, baseline: TEstate | undefined) {
  return (regionId: string) =>
    option.estate.regions.find((region) => region.id === regionId)?.code ??
    baseline?.regions.find((region) => region.id === regionId)?.code ??
    option.changes.flatMap((change) =>
      change.kind === "addRegion" && change.region.id === regionId ? [change.region.code] : [],
    )[0] ??
    regionId;
}

export function comparisonCsv(options: readonly TCsvOption[], baseline?: TEstate): string {
  const rows = options.map((option) => {
    const code = regionCodeIn(option, baseline);
    const changes = option.changes.map((change) => describeChange(change, code)).join("; ");
    return [
      cell(option.name),
      cell(label(option.estate.deployment.drModel)),
      cell(changes || "none (the deployment as it runs)"),
      ...COST_CATEGORIES.map((category) => amount(option.cost.byCategory[category])),
      amount(option.cost.totalMonthlyUsd),
      amount(option.cost.multiplier),
      cell(option.cost.catalogDate),
    ];
  });
  // RFC 4180 line ends.
  return [CSV_HEADER.map(cell), ...rows].map((row) => row.join(",")).join("\r\n") + "\r\n";
}
