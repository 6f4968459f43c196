// The seed article's four DR models ("Multi-Region Models" table), in order of rising cost: the
// recovery words come from the article, never invented figures, so charts label rather than plot them.
import type { TDrModel } from "@/lib/cost";

export type TDrModelFacts = { model: TDrModel; rto: string; rpo: string; cost: string; bestFor: string };

export const DR_MODEL_FACTS: readonly TDrModelFacts[] = [
  { model: "BACKUP_RESTORE", rto: "Hours", rpo: "Hours", cost: "Lowest", bestFor: "Dev/staging, non-critical systems" },
  { model: "PILOT_LIGHT", rto: "10-30 min", rpo: "Minutes", cost: "Low", bestFor: "Internal apps, B2B" },
  { model: "WARM_STANDBY", rto: "Minutes", rpo: "Seconds", cost: "Medium", bestFor: "E-commerce, SaaS" },
  {
    model: "ACTIVE_ACTIVE",
    rto: "~0 (automatic)",
    rpo: "~0",
    cost: "Highest",
    bestFor: "Fintech, healthcare, global platforms",
  },
];

export function factsOf(model: TDrModel): TDrModelFacts {
  // The list covers every DR model; the fallback only satisfies noUncheckedIndexedAccess.
  return DR_MODEL_FACTS.find((facts) => facts.model === model) ?? { model, rto: "?", rpo: "?", cost: "?", bestFor: "" };
}
