import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

import { label as labelOf } from "@/lib/topology/words";

const CONTROL =
  "block w-full rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-xs dark:bg-slate-900 " +
  "border-slate-300 dark:border-slate-700 aria-invalid:border-rose-500 aria-invalid:ring-1 aria-invalid:ring-rose-500";

/** A labelled control with its error under it; the error is tied to the control for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function Input({ invalid, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      className={CONTROL}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id}-error` : undefined}
      {...props}
    />
  );
}

export function Select({
  invalid,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  invalid?: boolean;
  options: readonly (string | { value: string; label: string })[];
}) {
  return (
    <select
      className={CONTROL}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id}-error` : undefined}
      {...props}
    >
      {options.map((option) => {
        const { value, label } = typeof option === "string" ? { value: option, label: labelOf(option) } : option;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </select>
  );
}

export function Checkbox({ label, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" className="size-4 rounded border-slate-300 dark:border-slate-700" {...props} />
      {label}
    </label>
  );
}
