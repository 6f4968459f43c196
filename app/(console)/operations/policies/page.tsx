import type { Metadata } from "next";

import { PoliciesPage } from "@/components/operations/policies-page";

export const metadata: Metadata = { title: "Approval policies" };

// Approval policies of the deployment named by ?deployment=<slug>, or the picker without one.
export default async function Page({ searchParams }: { searchParams: Promise<{ deployment?: string | string[] }> }) {
  const { deployment } = await searchParams;
  const slug = typeof deployment === "string" && deployment.length > 0 ? deployment : undefined;
  return <PoliciesPage key={slug ?? ""} slug={slug} />;
}
