// The pieces every selection's details are made of: facts as term and value, the live section,
// the open alerts, and what a description of a selection holds.
import type { ReactNode } from "react";

import type { DeploymentModelData } from "@/components/topology/model-types";
import { formatDateTime } from "@/lib/format";
import type { LiveAlert } from "@/lib/telemetry/contracts";
import { alertKindLabel } from "@/lib/telemetry/words";

import type { LiveIndex } from "../live-merge";

export type Context = {
  deployment: DeploymentModelData;
  live: LiveIndex;
  alertsFor: (...targetIds: string[]) => LiveAlert[];
};
export type Described = { kindLabel: string; title: string; content: ReactNode };

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="min-w-0 break-words text-xs">{children}</dd>
    </>
  );
}

export function LiveFacts({ available, children }: { available: boolean; children: ReactNode }) {
  return (
    <Section title="Live">
      {available ? <Facts>{children}</Facts> : <p className="text-xs text-slate-500">No live values yet.</p>}
    </Section>
  );
}

export function Alerts({ alerts }: { alerts: LiveAlert[] }) {
  return (
    <Section title="Open alerts">
      {alerts.length === 0 ? (
        <p className="text-xs text-slate-500">None.</p>
      ) : (
        <ul className="space-y-1.5">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs dark:border-rose-900 dark:bg-rose-950/60"
            >
              <p className="font-medium text-rose-800 dark:text-rose-200">{alertKindLabel(alert.kind)}</p>
              <p>{alert.message}</p>
              <p className="text-slate-500">since {formatDateTime(alert.openedAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
