import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Planning" };

export default function PlanningPage() {
  return (
    <>
      <PageHeader title="Planning" description="What the estate costs, what a change would cost, and whether the DR plan meets its targets." />
      <ComingSoon
        title="Planning is not built yet"
        items={[
          "Monthly cost by region and category: compute, databases, cross-region transfer, routing; the multiplier against a single region.",
          "What-if scenarios: change the DR model, regions, tiers or replication volume and compare.",
          "Readiness: replicas where the DR model needs them, lag against RPO, failover time against RTO, drills.",
        ]}
      />
    </>
  );
}
