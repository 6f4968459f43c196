// Test topologies: a three-continent estate, built fresh for every test so tests never share state.
import type { DeploymentTopology, SteeringPolicy } from "../types";
import type { SimOptionsInput } from "./options";
import { SimDriver } from "./sim-driver";

export const US_EAST = "region-us-east-1";
export const EU_WEST = "region-eu-west-1";
export const AP_SOUTHEAST = "region-ap-southeast-1";

/**
 * orders: single primary in us-east-1, read replicas in eu-west-1 and ap-southeast-1.
 * carts: multi-primary, writers in us-east-1 and eu-west-1 replicating both ways.
 * web: one routing policy over the three regions, probed from all three.
 */
export function seedTopology(steering: SteeringPolicy = "LATENCY"): DeploymentTopology {
  return {
    deploymentId: "deployment-test",
    regions: [
      { id: US_EAST, code: "us-east-1", latitude: 38.9, longitude: -77.4 },
      { id: EU_WEST, code: "eu-west-1", latitude: 53.3, longitude: -6.3 },
      { id: AP_SOUTHEAST, code: "ap-southeast-1", latitude: 1.35, longitude: 103.8 },
    ],
    clusters: [
      { id: "orders", writeTopology: "SINGLE_PRIMARY" },
      { id: "carts", writeTopology: "MULTI_PRIMARY" },
    ],
    replicas: [
      { id: "orders-us", clusterId: "orders", regionId: US_EAST, role: "PRIMARY", epoch: 1 },
      { id: "orders-eu", clusterId: "orders", regionId: EU_WEST, role: "READ_REPLICA", epoch: 1 },
      { id: "orders-ap", clusterId: "orders", regionId: AP_SOUTHEAST, role: "READ_REPLICA", epoch: 1 },
      { id: "carts-us", clusterId: "carts", regionId: US_EAST, role: "MULTI_MASTER", epoch: 1 },
      { id: "carts-eu", clusterId: "carts", regionId: EU_WEST, role: "MULTI_MASTER", epoch: 1 },
    ],
    links: [
      {
        id: "orders-us-to-eu",
        sourceReplicaId: "orders-us",
        targetReplicaId: "orders-eu",
        mode: "ASYNC",
        expectedVolumeGbPerDay: 100,
      },
      {
        id: "orders-us-to-ap",
        sourceReplicaId: "orders-us",
        targetReplicaId: "orders-ap",
        mode: "ASYNC",
        expectedVolumeGbPerDay: 100,
      },
      {
        id: "carts-us-to-eu",
        sourceReplicaId: "carts-us",
        targetReplicaId: "carts-eu",
        mode: "ASYNC",
        expectedVolumeGbPerDay: 50,
      },
      {
        id: "carts-eu-to-us",
        sourceReplicaId: "carts-eu",
        targetReplicaId: "carts-us",
        mode: "ASYNC",
        expectedVolumeGbPerDay: 50,
      },
    ],
    routingPolicies: [
      {
        id: "web",
        steering,
        healthCheck: {
          intervalSeconds: 10,
          timeoutSeconds: 5,
          failureThreshold: 3,
          probeLocations: ["us-east-1", "eu-west-1", "ap-southeast-1"],
          quorum: 2,
        },
        rules: [
          { id: "rule-us", regionId: US_EAST, weight: 3, priority: 1, enabled: true, drained: false },
          { id: "rule-eu", regionId: EU_WEST, weight: 1, priority: 2, enabled: true, drained: false },
          { id: "rule-ap", regionId: AP_SOUTHEAST, weight: 0, priority: 3, enabled: true, drained: false },
        ],
      },
    ],
  };
}

/** Start of every test's timeline; any fixed moment works because time is passed in. */
export const T0 = 1_700_000_000_000;

export async function startedSim(
  options: Partial<SimOptionsInput> = {},
  topology = seedTopology(),
): Promise<SimDriver> {
  const driver = SimDriver.create(topology, { seed: 42, ...options });
  await driver.observe(T0);
  return driver;
}

export const seconds = (count: number) => count * 1000;
