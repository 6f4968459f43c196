import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Operations" };

export default function OperationsPage() {
  return (
    <>
      <PageHeader title="Operations" description="Switchovers, failbacks, failovers and drills, with approvals and fencing." />
      <ComingSoon
        title="Operations are not built yet"
        items={[
          "Runbooks run step by step by a durable engine: planned switchover, failback, failover, drill.",
          "Approvals from other people before the run and before promotion; fencing by epoch so two primaries never take writes.",
          "Reports of measured RTO by phase and measured data loss against the targets.",
        ]}
      />
    </>
  );
}
