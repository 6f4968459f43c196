import type { Metadata } from "next";

import { DeploymentPicker } from "@/components/ui/deployment-picker";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Telemetry" };

export default function TelemetryPage() {
  return (
    <>
      <PageHeader
        title="Telemetry"
        description="Replication lag against the RPO target, health, traffic, errors and conflicts over time, and the alerts they raised. Pick a deployment."
      />
      <DeploymentPicker basePath="/telemetry" what="telemetry" showGraphLink />
    </>
  );
}
