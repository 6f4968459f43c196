// A failed submit's message when no field of the form shows it (a refusal about the whole thing).
import { errorMessage } from "@/components/ui/error-text";

export function FormAlert({
  error,
  fieldErrors,
  fields,
}: {
  error: unknown;
  fieldErrors: Record<string, string>;
  fields: readonly string[];
}) {
  if (!error || fields.some((field) => fieldErrors[field])) return null;
  return (
    <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
      {errorMessage(error)}
    </p>
  );
}
