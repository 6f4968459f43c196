// Loading and error lines, worded like the rest of the console.
import { errorMessage } from "@/components/ui/error-text";

export function Loading({ what }: { what: string }) {
  return <p className="text-sm text-slate-500">Loading {what}…</p>;
}

export function ErrorLine({ error }: { error: unknown }) {
  return (
    <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
      {errorMessage(error)}
    </p>
  );
}
