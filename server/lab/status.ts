// The lab's status as one JSON object (`npm run lab -- status --json`, GET /status): what a person
// or a script needs to point psql or an application at the lab, and what the postgres driver needs
// to observe it (probe relays per location, link relays by id, routers' targets, the workload).
import type { ServerMarker } from "./markers";
import type { RelayConditions } from "./relay";
import type { WorkloadRates } from "./workload";
import type { RegionTraffic } from "./workload-stats";

export interface ServerStatus {
  deployment: string;
  cluster: string;
  replica: string;
  /** The model's replica id, when the lab was read from the model. */
  replicaId?: string;
  region: string;
  /** The model's region id, when the lab was read from the model. */
  regionId?: string;
  /** PRIMARY, READ_REPLICA (in recovery) or MULTI_MASTER; DOWN when it is not running. */
  role: "PRIMARY" | "READ_REPLICA" | "MULTI_MASTER" | "DOWN";
  inRecovery: boolean | null;
  running: boolean;
  pid: number | null;
  host: string;
  port: number | null;
  url: string | null;
  dataDir: string;
  /** Meridian's marker on the server's folder: the newest attempt token applied, fence, demotion. */
  marker: ServerMarker | null;
  error?: string;
}

export interface RouterStatus {
  deployment: string;
  policy: string;
  policyId?: string;
  cluster: string;
  host: string;
  port: number;
  url: string;
  /** Pinned target (null: the rules choose), the regions an operation drained, and the fence token that set them. */
  target: { region: string | null; token: number; drained?: string[] };
  chosenRegion: string | null;
  unhealthyRegions: string[];
  openConnections: Record<string, number>;
}

export interface LinkStatus {
  id: string;
  deployment: string;
  cluster: string;
  source: string;
  target: string;
  sourceRegion: string;
  targetRegion: string;
  host: string;
  port: number | null;
  oneWayDelayMs: number;
  conditions: RelayConditions;
}

export interface ProbeStatus {
  deployment: string;
  location: string;
  cluster: string;
  replica: string;
  region: string;
  regionId?: string;
  host: string;
  port: number | null;
  url: string | null;
  oneWayDelayMs: number;
}

export interface WorkloadStatus {
  deployment: string;
  cluster: string;
  policy: string;
  runId: string;
  running: boolean;
  rates: WorkloadRates;
  traffic: RegionTraffic[];
  totals: { writes: number; reads: number; errors: number };
  /** Requests not sent because every connection was busy: the lab fell behind the rate. */
  skipped: number;
  lastError: string | null;
  ledger: { recorded: number; lastError: string | null };
}

export interface LabStatus {
  servers: ServerStatus[];
  routers: RouterStatus[];
  links: LinkStatus[];
  probes: ProbeStatus[];
  workloads: WorkloadStatus[];
  /** The lab process (null in a lab run inside a test). */
  pid: number;
  dataRoot: string;
}
