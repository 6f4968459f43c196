import type { Metadata } from "next";

import { TelemetryDashboard } from "@/components/telemetry/telemetry-dashboard";
import { HydrateClient, prefetchDeployment } from "@/server/api/prefetch";

export const metadata: Metadata = { title: "Telemetry" };

// One deployment's charts and alerts: its model and newest snapshot are fetched here and handed to
// the browser, which reads the history and keeps everything live.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await prefetchDeployment(slug);
  return (
    <HydrateClient>
      <TelemetryDashboard key={slug} slug={slug} />
    </HydrateClient>
  );
}
