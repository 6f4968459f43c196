import type { Metadata } from "next";

import { PlanPage } from "@/components/planning/plan-page";

export const metadata: Metadata = { title: "Plan" };

// One deployment's plan, priced in the browser. ?scenario=<id> opens a saved scenario (a shareable
// link); the key remounts the editor when the link names another one, so it starts from that scenario.
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ scenario?: string | string[] }>;
}) {
  const [{ slug }, { scenario }] = await Promise.all([params, searchParams]);
  const scenarioId = typeof scenario === "string" && scenario.length > 0 ? scenario : undefined;
  return <PlanPage key={`${slug}:${scenarioId ?? ""}`} slug={slug} scenarioId={scenarioId} />;
}
