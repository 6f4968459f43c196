// A routing policy of a lab deployment as a TCP endpoint clients connect to: each new connection
// goes to the server of the region the policy's rules choose (chooseRegion), unless an operation
// pinned a target. Pinning carries a fence token: a token older than the last one applied is
// refused, so a late call from an earlier attempt cannot move traffic back. An active-active drain
// takes regions out instead of pinning one: the rules choose among the others.
import net from "node:net";

import { chooseRegion, type ChoiceContext } from "./choose-region";
import type { LabPolicy } from "./spec";

export class StaleTokenError extends Error {
  constructor(
    readonly token: number,
    readonly applied: number,
  ) {
    super(`fence token ${token} refused: the router already applied token ${applied}`);
  }
}

export interface RouterTarget {
  /** The region every new connection goes to; null: the policy's rules choose. */
  region: string | null;
  /** The fence token of the call that set it (0 before any). */
  token: number;
  /** Regions drained by an operation: no new connection goes there, whatever the rules say. */
  drained: string[];
}

export interface RouterOptions {
  deployment: string;
  policy: () => LabPolicy;
  /** The port of the routed cluster's server in a region, or null (no server there). */
  portOf: (region: string) => number | null;
  choice: () => Omit<ChoiceContext, "random">;
}

export class LabRouter {
  private server: net.Server | null = null;
  private readonly sockets = new Map<net.Socket, string>();
  port: number | null = null;
  target: RouterTarget = { region: null, token: 0, drained: [] };
  /** Connections forwarded per region since start; refused ones (no routable region). */
  forwarded: Record<string, number> = {};
  refused = 0;

  constructor(private readonly options: RouterOptions) {}

  get policyName(): string {
    return this.options.policy().name;
  }

  /** The region a new connection would go to now. */
  chosenRegion(): string | null {
    if (this.target.region !== null) return this.target.region;
    const policy = this.options.policy();
    const drained = this.target.drained;
    return chooseRegion(
      drained.length === 0
        ? policy
        : { ...policy, rules: policy.rules.filter((rule) => !drained.includes(rule.region)) },
      this.options.choice(),
    );
  }

  async start(port = 0): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  private accept(client: net.Socket): void {
    client.on("error", () => {});
    const region = this.chosenRegion();
    const port = region === null ? null : this.options.portOf(region);
    if (region === null || port === null) {
      this.refused++;
      client.destroy();
      return;
    }
    this.forwarded[region] = (this.forwarded[region] ?? 0) + 1;
    const upstream = net.connect({ host: "127.0.0.1", port });
    upstream.on("error", () => client.destroy());
    client.on("close", () => {
      upstream.destroy();
      this.sockets.delete(client);
    });
    upstream.on("close", () => client.destroy());
    this.sockets.set(client, region);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /**
   * Pins new connections to `region` (null: back to the rules) under fence token `token`. Refuses a
   * token older than the last applied, and the same token asking for another target. With
   * `dropOthers`, open connections to other regions are closed (their clients reconnect here).
   * `drained` regions get no new connection, and their open ones are closed with `dropOthers`.
   */
  setTarget(token: number, region: string | null, { dropOthers = false, drained = [] as string[] } = {}): RouterTarget {
    if (!Number.isSafeInteger(token) || token < 0) throw new Error(`fence token must be a whole number, got ${token}`);
    if (token < this.target.token || (token === this.target.token && region !== this.target.region && token > 0))
      throw new StaleTokenError(token, this.target.token);
    for (const wanted of [region, ...drained])
      if (wanted !== null && !this.options.policy().rules.some((rule) => rule.region === wanted))
        throw new Error(`policy ${this.policyName} has no rule for region ${wanted}`);
    this.target = { region, token, drained: [...drained] };
    const closes = (connectedTo: string) => (region !== null ? connectedTo !== region : drained.includes(connectedTo));
    if (dropOthers) for (const [socket, connectedTo] of this.sockets) if (closes(connectedTo)) socket.destroy();
    return this.target;
  }

  /** Open connections per region. */
  openConnections(): Record<string, number> {
    const open: Record<string, number> = {};
    for (const region of this.sockets.values()) open[region] = (open[region] ?? 0) + 1;
    return open;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
