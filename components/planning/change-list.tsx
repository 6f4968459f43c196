"use client";

// The scenario's changes in the order they apply; later ones win, so the list explains the result.
import { Button } from "@/components/ui/button";
import type { TScenarioChange } from "@/lib/cost";
import { describeChange } from "@/lib/planning/words";

export function ChangeList({
  changes,
  regionCode,
  onRemove,
  onReset,
}: {
  changes: readonly TScenarioChange[];
  regionCode: (regionId: string) => string;
  onRemove: (index: number) => void;
  onReset: () => void;
}) {
  if (changes.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        No changes yet: the scenario is a copy of the deployment. Use the controls above.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <ol className="space-y-1">
        {changes.map((change, index) => {
          const words = describeChange(change, regionCode);
          return (
            <li key={`${index}-${words}`} className="flex items-center gap-2 text-sm">
              <span className="w-5 text-right tabular-nums text-slate-500">{index + 1}.</span>
              <span className="flex-1">{words}</span>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove change ${index + 1}: ${words}`}
                onClick={() => onRemove(index)}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <Button size="sm" onClick={onReset}>
        Reset to the deployment
      </Button>
    </div>
  );
}
