// One headline figure with what it is measured against; rose and marked when it misses.
import type { ReactNode } from "react";

export function Figure({
  term,
  children,
  against,
  over = false,
}: {
  term: string;
  children: ReactNode;
  against?: string;
  over?: boolean;
}) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{term}</dt>
      <dd className={`mt-0.5 text-lg font-semibold tabular-nums ${over ? "text-rose-600 dark:text-rose-400" : ""}`}>
        {children}
      </dd>
      {against ? (
        <dd className={`text-xs ${over ? "text-rose-600 dark:text-rose-400" : "text-slate-500"}`}>
          {over ? "over the " : ""}
          {against}
        </dd>
      ) : null}
    </div>
  );
}
