import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { DeploymentPicker } from "@/components/topology/deployment-picker";

export const metadata: Metadata = { title: "Telemetry" };

export default function TelemetryPage() {
  return (
    <>
      <PageHeader title="Telemetry" description="Replication lag against the RPO target, health, traffic, errors and conflicts over time, and the alerts they raised. Pick a deployment." />
      <DeploymentPicker basePath="/telemetry" what="telemetry" showGraphLink />
    </>
  );
}
