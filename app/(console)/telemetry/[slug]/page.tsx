import type { Metadata } from "next";

import { TelemetryDashboard } from "@/components/telemetry/telemetry-dashboard";

export const metadata: Metadata = { title: "Telemetry" };

// One deployment's charts and alerts; fetched and kept live in the browser.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <TelemetryDashboard key={slug} slug={slug} />;
}
