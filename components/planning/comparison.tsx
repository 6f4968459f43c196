"use client";

// The baseline beside the scenario in the editor and any saved scenarios ticked: a table, four
// charts, and the table as a CSV file for whoever has to defend the choice.
import { Button } from "@/components/ui/button";
import { downloadText } from "@/components/ui/download";
import { Card } from "@/components/ui/layout";
import type { TEstate, TPriceCatalog } from "@/lib/cost";
import { comparisonCsv } from "@/lib/planning/comparison-csv";

import { BandChart } from "./band-chart";
import { CategoryChart } from "./category-chart";
import { ComparisonTable } from "./comparison-table";
import { DrModelChart } from "./dr-model-chart";
import type { TOptionProblem, TPlanOption } from "./plan-options";
import { VolumeChart } from "./volume-chart";

export function Comparison({
  slug,
  options,
  problems,
  baselineEstate,
  catalog,
}: {
  slug: string;
  options: readonly TPlanOption[];
  problems: readonly TOptionProblem[];
  baselineEstate: TEstate;
  catalog: TPriceCatalog;
}) {
  return (
    <Card
      title="Comparison"
      actions={
        <Button
          size="sm"
          disabled={options.length === 0}
          onClick={() => downloadText(`meridian-plan-${slug}.csv`, comparisonCsv(options, baselineEstate))}
        >
          Export CSV
        </Button>
      }
    >
      <div className="space-y-6">
        {options.length === 1 ? (
          <p className="text-sm text-slate-500">
            Change something in the scenario editor, or tick a saved scenario, to compare it with the baseline.
          </p>
        ) : null}
        {problems.map((problem) => (
          <p key={problem.name} role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {problem.name} cannot be priced against the deployment as it is now: {problem.error}
          </p>
        ))}
        {options.length > 0 ? <ComparisonTable options={options} /> : null}
        <div className="grid gap-6 xl:grid-cols-2">
          <CategoryChart options={options} />
          <BandChart options={options} />
          <VolumeChart options={options} catalog={catalog} />
          <DrModelChart estate={baselineEstate} catalog={catalog} />
        </div>
      </div>
    </Card>
  );
}
