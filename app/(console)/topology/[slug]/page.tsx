import type { Metadata } from "next";

import { DeploymentTabs } from "@/components/topology-graph/deployment-tabs";

export const metadata: Metadata = { title: "Deployment" };

// One deployment: its live graph (default) or its model (?tab=model); everything is fetched in the browser.
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const [{ slug }, { tab }] = await Promise.all([params, searchParams]);
  return <DeploymentTabs key={slug} slug={slug} initialTab={tab === "model" ? "model" : "live"} />;
}
