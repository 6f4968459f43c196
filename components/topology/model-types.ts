// The shapes the model page works with, taken from the API's output (type-only: no server code ships).
import type { RouterOutputs } from "@/components/trpc/types";

export type DeploymentModelData = RouterOutputs["topology"]["deployment"];
export type Placement = DeploymentModelData["regions"][number];
export type CatalogRegion = Placement["region"];
export type StackComponent = Placement["stack"][number];
export type Cluster = DeploymentModelData["clusters"][number];
export type Replica = Cluster["replicas"][number];
export type ReplicationLink = Cluster["links"][number];
export type Policy = DeploymentModelData["policies"][number];
export type Rule = Policy["rules"][number];
