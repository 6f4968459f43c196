import type { Metadata } from "next";
import { DeploymentModel } from "@/components/topology/deployment-model";

export const metadata: Metadata = { title: "Deployment" };

// The model of one deployment; everything on it is fetched and edited in the browser.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <DeploymentModel slug={slug} />;
}
