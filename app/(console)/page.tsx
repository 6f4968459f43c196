import type { Metadata } from "next";

import { Overview } from "@/components/overview/overview";
import { PageHeader } from "@/components/ui/layout";
import { HydrateClient, prefetchOverview } from "@/server/api/prefetch";

export const metadata: Metadata = { title: "Overview" };

// The first screen after sign-in: every deployment at a glance, fetched here so it arrives rendered.
export default async function OverviewPage() {
  await prefetchOverview();
  return (
    <HydrateClient>
      <PageHeader
        title="Overview"
        description="Every deployment now: its health, open alerts, operations under way and approvals waiting. Each links to where it is dealt with."
      />
      <Overview />
    </HydrateClient>
  );
}
