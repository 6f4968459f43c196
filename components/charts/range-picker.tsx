"use client";

// The charts' time range: 5 m, 1 h (both following now), 24 h, 7 d, or a custom from/to.
import { useState } from "react";

import { Button } from "@/components/ui/button";

import type { RangeChoice } from "./use-time-range";

const PRESETS: { value: RangeChoice["preset"]; label: string }[] = [
  { value: "5m", label: "5 m" },
  { value: "1h", label: "1 h" },
  { value: "24h", label: "24 h" },
  { value: "7d", label: "7 d" },
  { value: "custom", label: "Custom" },
];

/** A time as a datetime-local input holds it: local time, to the minute. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function RangePicker({
  value,
  onChange,
  shownFromMs,
  shownToMs,
}: {
  value: RangeChoice;
  onChange: (choice: RangeChoice) => void;
  shownFromMs: number;
  shownToMs: number;
}) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState("");

  function choose(preset: RangeChoice["preset"], nowMs: number) {
    setError("");
    if (preset === "5m" || preset === "1h") onChange({ preset });
    else if (preset === "24h" || preset === "7d") onChange({ preset, endMs: nowMs });
    else {
      // Start from what is on screen, so switching to custom changes nothing until edited.
      setFrom(toLocalInput(shownFromMs));
      setTo(toLocalInput(shownToMs));
      onChange({ preset: "custom", fromMs: shownFromMs, toMs: shownToMs });
    }
  }

  function applyCustom() {
    const fromMs = new Date(from).getTime();
    const toMs = new Date(to).getTime();
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return setError("Enter both times.");
    if (toMs <= fromMs) return setError("“To” must be after “From”.");
    if (toMs - fromMs > 366 * 86_400_000) return setError("A range may span at most a year.");
    setError("");
    onChange({ preset: "custom", fromMs, toMs });
  }

  return (
    <div className="flex flex-wrap items-end gap-3">
      <fieldset className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
        <legend className="sr-only">Time range</legend>
        {PRESETS.map((preset) => (
          <label
            key={preset.value}
            className={`cursor-pointer rounded px-3 py-1 text-xs font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-500 ${
              value.preset === preset.value
                ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
                : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            <input
              type="radio"
              name="time-range"
              value={preset.value}
              checked={value.preset === preset.value}
              onChange={() => choose(preset.value, Date.now())}
              className="sr-only"
            />
            {preset.label}
          </label>
        ))}
      </fieldset>
      {value.preset === "custom" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            applyCustom();
          }}
        >
          <div className="space-y-1">
            <label htmlFor="range-from" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
              From
            </label>
            <input
              id="range-from"
              type="datetime-local"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={!!error || undefined}
              className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="range-to" className="block text-xs font-medium text-slate-600 dark:text-slate-400">
              To
            </label>
            <input
              id="range-to"
              type="datetime-local"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={!!error || undefined}
              className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          <Button type="submit" size="sm">
            Show range
          </Button>
          {error ? (
            <p role="alert" className="w-full text-xs text-rose-600 dark:text-rose-400">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
