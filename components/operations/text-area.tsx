// A multi-line field styled like the console's inputs (components/ui has none yet).
import type { TextareaHTMLAttributes } from "react";

export function TextArea({ invalid, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      className="block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-xs aria-invalid:border-rose-500 aria-invalid:ring-1 aria-invalid:ring-rose-500 dark:border-slate-700 dark:bg-slate-900"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id}-error` : undefined}
      {...props}
    />
  );
}
