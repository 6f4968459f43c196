// One priced line of a bill, and the categories the bill is summed into.

export const COST_CATEGORIES = [
  "compute",
  "databases",
  "caches",
  "objectStorage",
  "cdn",
  "transfer",
  "routing",
] as const;
export type TCostCategory = (typeof COST_CATEGORIES)[number];

export type TCostLine = {
  category: TCostCategory;
  /** Absent for estate-wide lines (routing, user egress). */
  regionCode?: string;
  description: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  monthlyUsd: number;
};

export type TCostByCategory = Record<TCostCategory, number>;

export function sumByCategory(lines: readonly TCostLine[]): TCostByCategory {
  const totals = Object.fromEntries(COST_CATEGORIES.map((category) => [category, 0])) as TCostByCategory;
  for (const line of lines) totals[line.category] += line.monthlyUsd;
  return totals;
}

export function sumMonthlyUsd(lines: readonly { monthlyUsd: number }[]): number {
  return lines.reduce((total, line) => total + line.monthlyUsd, 0);
}
