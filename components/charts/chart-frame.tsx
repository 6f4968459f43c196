"use client";

// What a chart shows while it has nothing to draw: loading, the server's refusal, or no samples.
import type { ReactNode } from "react";

import { errorMessage } from "@/components/ui/error-text";

export function ChartBody({
  isPending,
  error,
  empty,
  emptyText,
  height = 240,
  children,
}: {
  isPending: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  height?: number;
  children: ReactNode;
}) {
  if (error) {
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(error)}
      </p>
    );
  }
  if (isPending || empty) {
    return (
      <div
        className="flex items-center justify-center rounded-md border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700"
        style={{ height }}
      >
        {isPending ? "Loading…" : emptyText}
      </div>
    );
  }
  return <>{children}</>;
}
