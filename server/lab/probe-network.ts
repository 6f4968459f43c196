// Probe relays: for each probe location (a place with coordinates) and each lab server, a relay
// that adds the location-to-region delay, so health is checked "from" that place. The router's
// health checks and the postgres driver's probes both go through them.
import { oneWayDelayMs, placeCoordinates, type Coordinates } from "./distance";
import { Relay } from "./relay";
import { regionOf, type LabDeploymentSpec } from "./spec";

export interface ProbeTarget {
  cluster: string;
  replica: string;
  region: string;
  /** The server's port now (null while it has none). */
  port: () => number | null;
}

/** Coordinates of a probe location: a region of the deployment by code, else the sim's known places. */
export function locationCoordinates(spec: LabDeploymentSpec, name: string): Coordinates | null {
  const region = spec.regions.find((candidate) => candidate.code === name);
  return region ?? placeCoordinates(name);
}

export class ProbeNetwork {
  /** By `${location} ${cluster}/${replica}`. */
  readonly relays = new Map<string, { location: string; target: ProbeTarget; relay: Relay }>();

  constructor(readonly spec: LabDeploymentSpec) {}

  /** Every location some policy of the deployment probes from (unknown places are left out). */
  locations(): string[] {
    const names = new Set(this.spec.policies.flatMap((policy) => policy.healthCheck.probeLocations));
    return [...names].filter((name) => locationCoordinates(this.spec, name) !== null);
  }

  async start(targets: ProbeTarget[]): Promise<void> {
    for (const location of this.locations()) {
      const from = locationCoordinates(this.spec, location) as Coordinates;
      for (const target of targets) {
        const relay = new Relay({
          id: `probe ${location} -> ${target.cluster}/${target.replica}`,
          targetPort: target.port() ?? 1,
          oneWayDelayMs: oneWayDelayMs(from, regionOf(this.spec, target.region)),
        });
        await relay.start();
        this.relays.set(`${location} ${target.cluster}/${target.replica}`, { location, target, relay });
      }
    }
  }

  /** Keeps every relay pointed at its server's current port (a server restarted on another). */
  refresh(): void {
    for (const { target, relay } of this.relays.values()) {
      const port = target.port();
      if (port !== null) relay.retarget(port);
    }
  }

  relayFor(location: string, cluster: string, replica: string): Relay | undefined {
    return this.relays.get(`${location} ${cluster}/${replica}`)?.relay;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.relays.values()].map(({ relay }) => relay.stop()));
    this.relays.clear();
  }
}
