"use client";

// A deployment's page: the live graph (with faults and alerts) or the model editor, as tabs. The
// tab is kept in the address (?tab=model) so a link can open either.
import { useRef, useState, type KeyboardEvent } from "react";

import { DeploymentModel } from "@/components/topology/deployment-model";

import { LiveDeployment } from "./live-deployment";

export type DeploymentTab = "live" | "model";
const TABS: { id: DeploymentTab; label: string }[] = [
  { id: "live", label: "Live graph" },
  { id: "model", label: "Model" },
];

export function DeploymentTabs({ slug, initialTab }: { slug: string; initialTab: DeploymentTab }) {
  const [tab, setTab] = useState<DeploymentTab>(initialTab);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function choose(next: DeploymentTab) {
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "model") url.searchParams.set("tab", "model");
    else url.searchParams.delete("tab");
    window.history.replaceState(null, "", url);
  }

  // Arrow keys move between tabs (and select them), as the ARIA tabs pattern has it.
  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const target =
      e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : step ? (index + step + TABS.length) % TABS.length : -1;
    if (target < 0) return;
    e.preventDefault();
    choose(TABS[target]!.id);
    buttons.current[target]?.focus();
  }

  return (
    <div className="space-y-4">
      <div
        role="tablist"
        aria-label="Deployment views"
        className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
      >
        {TABS.map((one, index) => (
          <button
            key={one.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`deployment-tab-${one.id}`}
            aria-selected={tab === one.id}
            aria-controls={tab === one.id ? `deployment-panel-${one.id}` : undefined}
            tabIndex={tab === one.id ? 0 : -1}
            onClick={() => choose(one.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === one.id
                ? "border-sky-600 text-sky-700 dark:border-sky-400 dark:text-sky-300"
                : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {one.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`deployment-panel-${tab}`} aria-labelledby={`deployment-tab-${tab}`}>
        {tab === "live" ? <LiveDeployment slug={slug} /> : <DeploymentModel slug={slug} />}
      </div>
    </div>
  );
}
