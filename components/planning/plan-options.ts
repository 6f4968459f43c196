// The options the comparison sets side by side: the baseline, the scenario in the editor, and any
// saved scenarios ticked. Names are made unique, since charts and the CSV key their columns by name.
import type { TCostResult, TEstate, TEstateCost, TScenarioChange } from "@/lib/cost";

export type TPlanOption = {
  name: string;
  isBaseline: boolean;
  estate: TEstate;
  cost: TEstateCost;
  /** What makes it differ from the deployment, for the CSV; none for the baseline. */
  changes: readonly TScenarioChange[];
};
export type TOptionProblem = { name: string; error: string };

export function buildOptions(
  entries: readonly { name: string; isBaseline: boolean; result: TCostResult; changes: readonly TScenarioChange[] }[],
): {
  options: TPlanOption[];
  problems: TOptionProblem[];
} {
  const seen = new Map<string, number>();
  const options: TPlanOption[] = [];
  const problems: TOptionProblem[] = [];
  for (const entry of entries) {
    const count = (seen.get(entry.name) ?? 0) + 1;
    seen.set(entry.name, count);
    const name = count === 1 ? entry.name : `${entry.name} (${count})`;
    // A saved scenario can stop applying (its region was removed from the model since): say so, skip it.
    if (entry.result.ok)
      options.push({
        name,
        isBaseline: entry.isBaseline,
        estate: entry.result.estate,
        cost: entry.result.cost,
        changes: entry.changes,
      });
    else problems.push({ name, error: entry.result.error });
  }
  return { options, problems };
}
