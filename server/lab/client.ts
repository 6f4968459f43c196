// A client of a running lab's control API, for the postgres driver, the CLI and tests. It finds
// the lab by its control file (`<root>/control.json`), or is given the port and token.
import type {
  TLabLinkFault,
  TLabLostWrites,
  TLabReplicaMove,
  TLabRouterTarget,
  TLabServerStop,
  TLabWorkloadRates,
} from "@/lib/lab/contracts";

import { readControlFile } from "./control-file";
import type { LostWrites } from "./lost-writes";
import type { MoveResult } from "./moves";
import type { RouterTarget } from "./router";
import type { LabStatus, RouterStatus } from "./status";
import type { WorkloadRates } from "./workload";

export class LabCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class LabClient {
  constructor(
    readonly port: number,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** The client of the lab running over `root` (default `.data/lab`), or null when none runs. */
  static find(root: string): LabClient | null {
    const control = readControlFile(root);
    return control ? new LabClient(control.port, control.token) : null;
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const value = (await response.json()) as T & { error?: string };
    if (!response.ok)
      throw new LabCallError(response.status, value.error ?? `lab call ${path} failed (${response.status})`);
    return value;
  }

  status(): Promise<LabStatus> {
    return this.call("GET", "/status");
  }

  async routers(): Promise<RouterStatus[]> {
    return (await this.status()).routers;
  }

  faultLink(fault: TLabLinkFault): Promise<{ ok: true }> {
    return this.call("POST", "/links/fault", fault);
  }

  cutLink(link: string, mode: "refuse" | "stall" = "refuse") {
    return this.faultLink({ link, kind: "cut", mode });
  }

  slowLink(link: string, addedLatencyMs: number) {
    return this.faultLink({ link, kind: "slow", addedLatencyMs });
  }

  lossyLink(link: string, lossRate: number) {
    return this.faultLink({ link, kind: "lossy", lossRate });
  }

  restoreLink(link: string): Promise<{ ok: true }> {
    return this.call("POST", "/links/restore", { link });
  }

  stopServer(stop: TLabServerStop): Promise<{ ok: true }> {
    return this.call("POST", "/servers/stop", stop);
  }

  startServer(server: { replica: string; deployment?: string }): Promise<{ ok: true }> {
    return this.call("POST", "/servers/start", server);
  }

  /** fence | unfence | demote | promote | repoint | rejoin | reclone a replica of a single-primary cluster. */
  moveReplica(move: TLabReplicaMove): Promise<MoveResult> {
    return this.call("POST", "/servers/move", move);
  }

  setRouterTarget(target: TLabRouterTarget): Promise<RouterTarget> {
    return this.call("POST", "/routers/target", target);
  }

  setWorkloadRates(rates: TLabWorkloadRates): Promise<WorkloadRates> {
    return this.call("POST", "/workload/rates", rates);
  }

  lostWrites(scope: TLabLostWrites): Promise<LostWrites> {
    const query = new URLSearchParams(Object.entries(scope).filter(([, value]) => value !== undefined));
    return this.call("GET", `/ledger/lost?${query}`);
  }

  conflicts(deployment: string): Promise<Record<string, number>> {
    return this.call("GET", `/conflicts?${new URLSearchParams({ deployment })}`);
  }

  /** Asks the lab to stop everything it started and exit. */
  down(): Promise<{ ok: true }> {
    return this.call("POST", "/down");
  }
}
