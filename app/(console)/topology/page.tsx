import type { Metadata } from "next";
import Link from "next/link";

import { DeploymentList } from "@/components/topology/deployment-list";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Topology" };

export default function TopologyPage() {
  return (
    <>
      <PageHeader
        title="Topology"
        description="The model of the estate: deployments, their regions and stacks, database clusters and replication, and the routing in front of them."
        actions={
          <Link href="/topology/regions" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            Region catalog →
          </Link>
        }
      />
      <DeploymentList />
    </>
  );
}
