import type { Metadata } from "next";
import Link from "next/link";

import { RegionCatalog } from "@/components/topology/region-catalog";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Region catalog" };

export default function RegionCatalogPage() {
  return (
    <>
      <PageHeader
        title="Region catalog"
        description="Every place a deployment can run, shared by all deployments: one AWS us-east-1 for the whole estate."
        actions={
          <Link href="/topology" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← Topology
          </Link>
        }
      />
      <RegionCatalog />
    </>
  );
}
