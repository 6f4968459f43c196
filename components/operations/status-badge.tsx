// A status as a coloured word, the same for operations, steps and approvals. `label` overrides the
// word when the page knows more than the status (a step under way reads "Running").
import { STATUS_TONE, TONE_CLASSES, type TTone } from "@/components/ui/tones";
import { STATUS_LABELS, type TAnyStatus } from "@/lib/operations/words";

export function StatusBadge({
  status,
  label,
  tone,
  ...data
}: { status: TAnyStatus; label?: string; tone?: TTone } & Record<`data-${string}`, string>) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${TONE_CLASSES[tone ?? STATUS_TONE[status]]}`}
      {...data}
    >
      {label ?? STATUS_LABELS[status]}
    </span>
  );
}
