import type { Metadata } from "next";

import { DeploymentTabs } from "@/components/topology-graph/deployment-tabs";
import { HydrateClient, prefetchDeployment } from "@/server/api/prefetch";

export const metadata: Metadata = { title: "Deployment" };

// One deployment: its live graph (default) or its model (?tab=model). Its model and newest snapshot
// are fetched here and handed to the browser; the live stream and the rest are the browser's.
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  const [{ slug }, { tab }] = await Promise.all([params, searchParams]);
  await prefetchDeployment(slug);
  return (
    <HydrateClient>
      <DeploymentTabs key={slug} slug={slug} initialTab={tab === "model" ? "model" : "live"} />
    </HydrateClient>
  );
}
