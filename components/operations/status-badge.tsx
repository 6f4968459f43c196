// A status as a coloured word, the same for operations, steps and approvals. `label` overrides the
// word when the page knows more than the status (a step under way reads "Running").
import { STATUS_WORDS, TONE_CLASSES, type TAnyStatus, type TTone } from "@/lib/operations/words";

export function StatusBadge({
  status,
  label,
  tone,
  ...data
}: { status: TAnyStatus; label?: string; tone?: TTone } & Record<`data-${string}`, string>) {
  const words = STATUS_WORDS[status];
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${TONE_CLASSES[tone ?? words.tone]}`}
      {...data}
    >
      {label ?? words.label}
    </span>
  );
}
