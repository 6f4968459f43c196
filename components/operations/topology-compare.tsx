// The cluster and its routing before and after the operation, side by side; what the operation
// changes is marked on the "after" side so the eye goes there.
import { Card } from "@/components/ui/layout";
import type { TPlanTopology } from "@/lib/operations/contracts";

import { TopologySide } from "./topology-side";

export function TopologyCompare({ before, after }: { before: TPlanTopology; after: TPlanTopology }) {
  return (
    <Card title="Topology before and after">
      <div className="grid gap-6 lg:grid-cols-2">
        <TopologySide title="Before" topology={before} />
        <TopologySide title="After" topology={after} compareWith={before} />
      </div>
    </Card>
  );
}
