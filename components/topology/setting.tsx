// One labelled fact in a <dl> of settings: "RTO target: 10 min".
import type { ReactNode } from "react";

export function Setting({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
