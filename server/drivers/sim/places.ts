// Approximate coordinates of common probe locations (cloud regions and edge cities), so a health
// check "from eu-west-1" has a plausible latency even when that region is not in the deployment.
import type { Coordinates } from "./geo";

export const KNOWN_PLACES: Readonly<Record<string, Coordinates>> = {
  "us-east-1": { latitude: 38.9, longitude: -77.4 },
  "us-east-2": { latitude: 40.0, longitude: -83.0 },
  "us-west-1": { latitude: 37.4, longitude: -121.9 },
  "us-west-2": { latitude: 45.8, longitude: -119.7 },
  "ca-central-1": { latitude: 45.5, longitude: -73.6 },
  "sa-east-1": { latitude: -23.5, longitude: -46.6 },
  "eu-west-1": { latitude: 53.3, longitude: -6.3 },
  "eu-west-2": { latitude: 51.5, longitude: -0.1 },
  "eu-west-3": { latitude: 48.9, longitude: 2.4 },
  "eu-central-1": { latitude: 50.1, longitude: 8.7 },
  "eu-north-1": { latitude: 59.3, longitude: 18.1 },
  "ap-south-1": { latitude: 19.1, longitude: 72.9 },
  "ap-southeast-1": { latitude: 1.35, longitude: 103.8 },
  "ap-southeast-2": { latitude: -33.9, longitude: 151.2 },
  "ap-northeast-1": { latitude: 35.7, longitude: 139.7 },
  "ap-northeast-2": { latitude: 37.6, longitude: 127.0 },
  "af-south-1": { latitude: -33.9, longitude: 18.4 },
  "me-central-1": { latitude: 25.2, longitude: 55.3 },
  eastus: { latitude: 37.4, longitude: -79.8 },
  westeurope: { latitude: 52.4, longitude: 4.9 },
  "new-york": { latitude: 40.7, longitude: -74.0 },
  london: { latitude: 51.5, longitude: -0.1 },
  frankfurt: { latitude: 50.1, longitude: 8.7 },
  singapore: { latitude: 1.35, longitude: 103.8 },
  tokyo: { latitude: 35.7, longitude: 139.7 },
  sydney: { latitude: -33.9, longitude: 151.2 },
  "sao-paulo": { latitude: -23.5, longitude: -46.6 },
};
