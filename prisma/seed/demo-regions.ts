// Regions of the demo estate, with the coordinates of their metro areas (for RTT and the map).
import type { TRegionInput } from "@/lib/topology/contracts";

export const DEMO_REGIONS = {
  awsUsEast1: {
    provider: "AWS",
    code: "us-east-1",
    displayName: "US East (N. Virginia)",
    continent: "NORTH_AMERICA",
    latitude: 38.95,
    longitude: -77.45,
  },
  awsEuWest1: {
    provider: "AWS",
    code: "eu-west-1",
    displayName: "Europe (Ireland)",
    continent: "EUROPE",
    latitude: 53.35,
    longitude: -6.26,
  },
  awsApSoutheast1: {
    provider: "AWS",
    code: "ap-southeast-1",
    displayName: "Asia Pacific (Singapore)",
    continent: "ASIA",
    latitude: 1.35,
    longitude: 103.82,
  },
  azureEastUs: {
    provider: "AZURE",
    code: "eastus",
    displayName: "East US (Virginia)",
    continent: "NORTH_AMERICA",
    latitude: 37.37,
    longitude: -79.82,
  },
  azureWestEurope: {
    provider: "AZURE",
    code: "westeurope",
    displayName: "West Europe (Netherlands)",
    continent: "EUROPE",
    latitude: 52.37,
    longitude: 4.9,
  },
} satisfies Record<string, TRegionInput>;

export type DemoRegionKey = keyof typeof DEMO_REGIONS;
