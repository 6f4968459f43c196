// Which of a routing rule's figures each steering acts on, as the simulated routing layer
// (server/drivers/sim/traffic.ts) applies them: the pages show a weight or a priority only where it
// changes where traffic goes, so nobody tunes a figure the policy ignores.
//   FAILOVER: the best priority takes everything.
//   WEIGHTED: shares by weight.
//   LATENCY, GEO: the best priority group among the rules in rotation (weight above 0), then the
//                 nearest of them.
//   RANDOM, HASH: evenly over every healthy rule.
import type { TSteering } from "@/lib/enums";

export const WEIGHT_ACTS: Record<TSteering, boolean> = {
  LATENCY: true,
  GEO: true,
  WEIGHTED: true,
  FAILOVER: false,
  RANDOM: false,
  HASH: false,
};

export const PRIORITY_ACTS: Record<TSteering, boolean> = {
  LATENCY: true,
  GEO: true,
  WEIGHTED: false,
  FAILOVER: true,
  RANDOM: false,
  HASH: false,
};
