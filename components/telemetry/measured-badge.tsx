// The mark of a deployment whose figures come from real PostgreSQL servers (lab, postgres), shown
// beside "Live" so nobody mistakes a measurement for the twin's simulation, or the reverse.
import { Badge } from "@/components/ui/layout";
import { isMeasured, MEASURED_HINT, MEASURED_LABEL } from "@/lib/telemetry/words";

export function MeasuredBadge({ driverKind }: { driverKind: string }) {
  if (!isMeasured(driverKind)) return null;
  return (
    <span title={MEASURED_HINT[driverKind]} data-testid="measured-badge">
      <Badge tone="info">{MEASURED_LABEL}</Badge>
    </span>
  );
}
