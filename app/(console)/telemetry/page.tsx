import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Telemetry" };

export default function TelemetryPage() {
  return (
    <>
      <PageHeader title="Telemetry" description="Replication lag, health, traffic and conflicts over time." />
      <ComingSoon
        title="Live telemetry is not built yet"
        items={[
          "Replication lag per link over 5 minutes to 7 days, against the deployment's RPO target, with p50/p95/max.",
          "Health per region and probe location, traffic per region, conflicts per cluster.",
          "Alerts opened and resolved automatically when lag passes the RPO target or a quorum of probes fails.",
        ]}
      />
    </>
  );
}
