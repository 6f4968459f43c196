"use client";

// Graph or map: two radio buttons that look like a segmented control (arrow keys switch them).
import type { GraphView } from "./graph-types";

const VIEWS: { value: GraphView; label: string }[] = [
  { value: "graph", label: "Graph" },
  { value: "map", label: "Map" },
];

export function ViewToggle({ view, onChange }: { view: GraphView; onChange: (view: GraphView) => void }) {
  return (
    <fieldset className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
      <legend className="sr-only">View</legend>
      {VIEWS.map((option) => (
        <label
          key={option.value}
          className={`cursor-pointer rounded px-3 py-1 text-xs font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-500 ${
            view === option.value
              ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
              : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          <input
            type="radio"
            name="graph-view"
            value={option.value}
            checked={view === option.value}
            onChange={() => onChange(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
