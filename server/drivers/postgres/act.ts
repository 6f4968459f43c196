// The acting side of the postgres driver on the lab: an operation's moves on real servers, through
// the lab's operator where the lab owns the process (fast shutdown, standby.signal, pg_promote(),
// restart as a standby, the router's target) and SQL where SQL suffices (Meridian's token records,
// positions, a CHECKPOINT, a probe write). Every action carries the attempt's token and is refused
// when the world already applied a newer one: here first, then by the lab (markers), the server
// (meridian.apply) and the router, each on its own. Every call is bounded (pools.ts, the operator's
// own timeouts, the catch-up's deadline). On an active-active cluster a region's fence is SQL
// (region-fence.ts: its applications' role refused, their backends ended, replication untouched),
// catch-up is the other regions' logical slots confirming its last position, and routing drains
// regions out of the rules' choice instead of pinning one.
import { setTimeout as sleep } from "node:timers/promises";

import {
  InvalidActionError,
  NotFoundError,
  SplitBrainRefusedError,
  StaleTokenError,
  UnreachableError,
} from "../errors";
import type {
  CatchUpResult,
  DeploymentTopology,
  LinkPositionQuery,
  PromoteInput,
  ReplicaActionInput,
  ReplicaPositionQuery,
  ReplicaStatus,
  RepointInput,
  RepointResult,
  RoutingPolicy,
  SetRoutingInput,
  WaitForCatchUpInput,
} from "../types";
import type { LabOperator, RouterView, ServerDirectory, ServerMarkerView } from "./directory";
import { STALE_TOKEN_SQLSTATE } from "./meridian-schema";
import { poolFor } from "./pools";
import { appliedElsewhere, clientsFenced, fenceClients, liftClientFence } from "./region-fence";
import { markerPosition, readServer, readWorld, type LabWorld, type WorldReplica } from "./world";

/** How often the catch-up asks the candidate how far it replayed. */
export const CATCH_UP_POLL_MS = 15;

const strip = ({
  replicaId,
  clusterId,
  role,
  epoch,
  fenced,
  writable,
  committedPosition,
}: WorldReplica): ReplicaStatus => ({
  replicaId,
  clusterId,
  role,
  epoch,
  fenced,
  writable,
  committedPosition,
});

export class LabActing {
  readonly #topology: DeploymentTopology;
  readonly #directory: ServerDirectory;
  readonly #operator: LabOperator;
  readonly #markers: Record<string, ServerMarkerView | null>;
  readonly #routers: RouterView[];

  constructor(topology: DeploymentTopology, directory: ServerDirectory, operator: LabOperator) {
    // The session's own copy: repoints and routing changes are the model's to record at the save.
    this.#topology = structuredClone(topology);
    this.#directory = directory;
    this.#operator = operator;
    this.#markers = { ...directory.markers };
    this.#routers = (directory.routers ?? []).map((r) => ({ ...r }));
  }

  #replica(replicaId: string) {
    const replica = this.#topology.replicas.find((r) => r.id === replicaId);
    if (!replica) throw new NotFoundError("replica", replicaId);
    return replica;
  }

  #link(linkId: string) {
    const link = this.#topology.links.find((l) => l.id === linkId);
    if (!link) throw new NotFoundError("link", linkId);
    return link;
  }

  #multiPrimary(clusterId: string): boolean {
    return this.#topology.clusters.find((c) => c.id === clusterId)?.writeTopology === "MULTI_PRIMARY";
  }

  #endpoint(replicaId: string) {
    const endpoint = this.#directory.servers[replicaId];
    if (!endpoint) throw new UnreachableError(`replica ${replicaId} has no server to act on`);
    return endpoint;
  }

  #clientRole(replicaId: string): string {
    const role = this.#directory.clientRole;
    if (!role)
      throw new InvalidActionError(
        `cannot fence the region of ${replicaId}: the directory names no role its applications connect as, and Meridian's own and the replication connections must stay`,
      );
    return role;
  }

  /** A region of an active-active cluster as its clients see it: writable unless their role is fenced. */
  async #regionStatus(replicaId: string): Promise<ReplicaStatus> {
    const status = strip(await this.#status(replicaId));
    const fenced = status.writable ? await clientsFenced(this.#endpoint(replicaId), this.#clientRole(replicaId)) : true;
    return { ...status, fenced, writable: status.writable && !fenced };
  }

  world(clusterId: string): Promise<LabWorld> {
    return readWorld(this.#topology, this.#directory, this.#markers, this.#routers, clusterId);
  }

  async #status(replicaId: string): Promise<WorldReplica> {
    const world = await this.world(this.#replica(replicaId).clusterId);
    return world.replicas.find((r) => r.replicaId === replicaId)!;
  }

  /** Refuses a token older than the newest the cluster's world applied (the same token: a retry). */
  async #fresh(clusterId: string, token: number | undefined, signal?: AbortSignal): Promise<LabWorld> {
    // The call's deadline (the worker's lease): past it, nothing more is asked of the world.
    signal?.throwIfAborted();
    const world = await this.world(clusterId);
    if (token !== undefined && token < world.lastToken)
      throw new StaleTokenError({
        token,
        lastToken: world.lastToken,
        message: `attempt token ${token} refused: the servers and router of this cluster already applied token ${world.lastToken} (a newer attempt acted since)`,
      });
    return world;
  }

  async #move(replicaId: string, action: Parameters<LabOperator["move"]>[0]["action"], token?: number, epoch?: number) {
    try {
      const result = await this.#operator.move({
        replicaId,
        action,
        token: token ?? 0,
        ...(epoch !== undefined ? { epoch } : {}),
      });
      this.#markers[replicaId] = result.marker;
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/token \d+ refused/.test(message))
        throw new StaleTokenError({ token: token ?? 0, lastToken: Number.NaN, message });
      throw new InvalidActionError(`the lab refused to ${action} ${replicaId}: ${message}`);
    }
  }

  /** Records the attempt in meridian.applied on a writer; the server refuses an older token itself. */
  async #record(replicaId: string, action: string, token: number | undefined, epoch: number | null): Promise<void> {
    if (token === undefined) return;
    const endpoint = this.#directory.servers[replicaId];
    if (!endpoint) throw new UnreachableError(`replica ${replicaId} has no server to record attempt ${token} on`);
    try {
      await poolFor(endpoint).query("select meridian.apply($1, $2, $3, $4)", [token, action, replicaId, epoch]);
    } catch (error) {
      if ((error as { code?: string }).code === STALE_TOKEN_SQLSTATE)
        throw new StaleTokenError({ token, lastToken: Number.NaN, message: (error as Error).message });
      throw error;
    }
  }

  /** The fence: the token recorded on the primary (it streams to the standbys), then a fast shutdown. */
  async fence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    const replica = this.#replica(input.replicaId);
    const world = await this.#fresh(replica.clusterId, input.token, input.signal);
    const self = world.replicas.find((r) => r.replicaId === replica.id)!;
    if (this.#multiPrimary(replica.clusterId)) {
      if (!self.running)
        throw new UnreachableError(`replica ${replica.id} does not answer: its region cannot be fenced`);
      await this.#record(replica.id, "fence", input.token, input.epoch);
      const fence = await fenceClients(this.#endpoint(replica.id), this.#clientRole(replica.id));
      return { ...(await this.#regionStatus(replica.id)), committedPosition: fence.fencedAtPosition };
    }
    if (self.writable) await this.#record(replica.id, "fence", input.token, input.epoch);
    await this.#move(replica.id, "fence", input.token);
    return strip(await this.#status(replica.id));
  }

  async unfence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    const replica = this.#replica(input.replicaId);
    const world = await this.#fresh(replica.clusterId, input.token, input.signal);
    if (this.#multiPrimary(replica.clusterId)) {
      // Every region of an active-active cluster takes writes: lifting one's fence makes no second writer.
      await this.#record(replica.id, "unfence", input.token, input.epoch);
      await liftClientFence(this.#endpoint(replica.id), this.#clientRole(replica.id));
      return this.#regionStatus(replica.id);
    }
    refuseSecondWriter(world, replica, `lift the fence of ${replica.id}`, "takes writes");
    await this.#move(replica.id, "unfence", input.token);
    await this.#record(replica.id, "unfence", input.token, input.epoch);
    return strip(await this.#status(replica.id));
  }

  /** A stopped former primary's folder becomes a standby's: it can only come back as one. */
  async demote(input: ReplicaActionInput): Promise<ReplicaStatus> {
    const replica = this.#replica(input.replicaId);
    const world = await this.#fresh(replica.clusterId, input.token, input.signal);
    const self = world.replicas.find((r) => r.replicaId === replica.id)!;
    if (self.writable)
      throw new InvalidActionError(`refusing to demote ${replica.id} while it takes writes: fence it first`);
    if (self.running && self.inRecovery) return strip(self);
    await this.#move(replica.id, "demote", input.token);
    return strip(await this.#status(replica.id));
  }

  async promote(input: PromoteInput): Promise<ReplicaStatus> {
    const replica = this.#replica(input.replicaId);
    const world = await this.#fresh(replica.clusterId, input.token, input.signal);
    refuseSecondWriter(world, replica, `promote ${replica.id}`, "still takes writes");
    await this.#move(replica.id, "promote", input.token, input.newEpoch);
    await this.#record(replica.id, "promote", input.token, input.newEpoch);
    return strip(await this.#status(replica.id));
  }

  /**
   * The link's receiving end follows the new source: a former primary (fenced, demoted, or not in
   * recovery) is restarted as its standby (following the new timeline, re-cloned when it cannot); a
   * standby is pointed at it and reloads.
   */
  async repoint(input: RepointInput): Promise<RepointResult> {
    const link = this.#link(input.linkId);
    const source = this.#replica(input.newSourceReplicaId);
    const targetId = input.newTargetReplicaId ?? link.targetReplicaId;
    const world = await this.#fresh(source.clusterId, input.token, input.signal);
    const target = world.replicas.find((r) => r.replicaId === targetId);
    if (!target) throw new NotFoundError("replica", targetId);
    const former =
      target.marker?.fenced === true || target.marker?.demoted === true || (target.running && !target.inRecovery);
    // A former primary found dead (a failover's: no clean shutdown) is not started here: its folder is a standby's,
    // and it rejoins when its region returns (the lab's start follows the new timeline or re-clones).
    const result =
      former && !target.running && target.marker?.cleanShutdown === false
        ? { recloned: false }
        : await this.#move(targetId, former ? "rejoin" : "repoint", input.token);
    link.sourceReplicaId = source.id;
    link.targetReplicaId = targetId;
    const replica = this.#replica(targetId);
    if (replica.role !== "READ_REPLICA") replica.role = "READ_REPLICA";
    return { link: { ...link }, rewoundBytes: result.recloned ? (target.committedPosition ?? 0) : 0 };
  }

  /** The router pins the region its changed rules prefer, under the attempt's token, and drops the others' connections. */
  async setRouting(input: SetRoutingInput): Promise<RoutingPolicy> {
    const policy = this.#topology.routingPolicies.find((p) => p.id === input.policyId);
    if (!policy) throw new NotFoundError("routing policy", input.policyId);
    const clusterId = input.clusterId ?? this.#topology.clusters[0]?.id ?? "";
    await this.#fresh(clusterId, input.token, input.signal);
    for (const change of input.rules) {
      const rule = policy.rules.find((r) => r.id === change.ruleId);
      if (!rule) throw new NotFoundError("routing rule", change.ruleId);
      Object.assign(
        rule,
        Object.fromEntries(Object.entries(change).filter(([key, value]) => key !== "ruleId" && value !== undefined)),
      );
    }
    const open = policy.rules.filter((r) => r.enabled && !r.drained);
    const codeOf = (regionId: string) => this.#topology.regions.find((r) => r.id === regionId)?.code ?? null;
    if (this.#multiPrimary(clusterId)) {
      // Every region takes writes: the rules keep choosing among the open ones, the others get no connection.
      const drained = policy.rules
        .filter((r) => !r.enabled || r.drained)
        .map((r) => codeOf(r.regionId))
        .filter((code): code is string => code !== null);
      await this.#route(policy.id, null, input.token, drained);
      return structuredClone(policy);
    }
    const preferred = [...open].sort((a, b) =>
      policy.steering === "FAILOVER" ? a.priority - b.priority : b.weight - a.weight,
    )[0];
    const region = preferred ? codeOf(preferred.regionId) : null;
    await this.#route(policy.id, region, input.token);
    return structuredClone(policy);
  }

  async #route(policyId: string, region: string | null, token: number | undefined, drained?: string[]) {
    try {
      const target = await this.#operator.route({
        policyId,
        region,
        token: token ?? 0,
        ...(drained ? { drained } : {}),
      });
      const view = this.#routers.find((r) => r.policyId === policyId);
      if (view) Object.assign(view, { region: target.region, token: target.token });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/token \d+ refused/.test(message))
        throw new StaleTokenError({ token: token ?? 0, lastToken: Number.NaN, message });
      throw new InvalidActionError(`the lab's router refused the change of policy ${policyId}: ${message}`);
    }
  }

  /**
   * Waits (polling every CATCH_UP_POLL_MS, up to timeoutMs) until the link's target has replayed
   * everything its source committed: for a fenced source, past its shutdown checkpoint (the last
   * record it wrote); for a running one, up to its current LSN.
   */
  async waitForCatchUp(input: WaitForCatchUpInput): Promise<CatchUpResult> {
    const link = this.#link(input.linkId);
    if (this.#multiPrimary(this.#replica(link.sourceReplicaId).clusterId)) return this.#waitApplied(input);
    const deadline = Date.now() + (input.timeoutMs ?? 0);
    for (;;) {
      input.signal?.throwIfAborted();
      const [source, target] = await Promise.all([
        readServer(this.#directory, link.sourceReplicaId),
        readServer(this.#directory, link.targetReplicaId),
      ]);
      const marker = this.#markers[link.sourceReplicaId];
      const fencedAt = source === null && marker?.cleanShutdown ? markerPosition(marker) : null;
      const committed = source?.current ?? fencedAt;
      const applied = target?.replayed ?? null;
      // The checkpoint LSN is where the shutdown checkpoint record starts: replaying it ends past it.
      const caughtUp =
        committed !== null && applied !== null && (fencedAt !== null ? applied > committed : applied >= committed);
      const lagBytes = committed !== null && applied !== null ? Math.max(0, committed - applied) : Number.NaN;
      if (caughtUp || Date.now() >= deadline)
        return {
          linkId: link.id,
          caughtUp,
          lagBytes: caughtUp ? 0 : Number.isNaN(lagBytes) ? -1 : lagBytes,
          committedPosition: committed ?? 0,
          appliedPosition: applied ?? 0,
          atMs: input.atMs + Math.max(0, (input.timeoutMs ?? 0) - Math.max(0, deadline - Date.now())),
        };
      await sleep(CATCH_UP_POLL_MS);
    }
  }

  /**
   * Active-active: waits until the link's target has applied everything its source had committed
   * when the call began (the source's pg_current_wal_lsn() then, taken after a fence: every client
   * commit lies before it), as the source's slot for the target's subscription confirms it.
   */
  async #waitApplied(input: WaitForCatchUpInput): Promise<CatchUpResult> {
    const link = this.#link(input.linkId);
    const source = this.#endpoint(link.sourceReplicaId);
    const target = this.#endpoint(link.targetReplicaId);
    const deadline = Date.now() + (input.timeoutMs ?? 0);
    const { committed } = await appliedElsewhere(source, target);
    for (;;) {
      input.signal?.throwIfAborted();
      const { applied } = await appliedElsewhere(source, target);
      if (applied === null)
        throw new InvalidActionError(
          `no subscription of ${link.targetReplicaId} reads from ${link.sourceReplicaId}: it cannot receive what that region committed`,
        );
      const caughtUp = applied >= committed;
      if (caughtUp || Date.now() >= deadline)
        return {
          linkId: link.id,
          caughtUp,
          lagBytes: Math.max(0, committed - applied),
          committedPosition: committed,
          appliedPosition: applied,
          atMs: input.atMs + Math.max(0, (input.timeoutMs ?? 0) - Math.max(0, deadline - Date.now())),
        };
      await sleep(CATCH_UP_POLL_MS);
    }
  }

  async writableReplicas(clusterId: string): Promise<string[]> {
    return (await this.world(clusterId)).replicas.filter((r) => r.writable).map((r) => r.replicaId);
  }

  async committedPosition(input: ReplicaPositionQuery): Promise<number> {
    this.#replica(input.replicaId);
    const read = await readServer(this.#directory, input.replicaId);
    if (read) return read.current ?? read.received ?? read.replayed ?? 0;
    const marker = this.#markers[input.replicaId];
    if (marker?.cleanShutdown && marker.checkpointLsn) return markerPosition(marker)!;
    throw new UnreachableError(`replica ${input.replicaId} does not answer: its position cannot be read`);
  }

  async appliedPosition(input: LinkPositionQuery): Promise<number> {
    const link = this.#link(input.linkId);
    const read = await readServer(this.#directory, link.targetReplicaId);
    if (!read)
      throw new UnreachableError(`replica ${link.targetReplicaId} does not answer: its position cannot be read`);
    return read.replayed ?? read.current ?? 0;
  }

  /** The model as the world says it: roles and epochs from the servers, links and rules as moved. */
  async currentTopology(): Promise<DeploymentTopology> {
    const topology = structuredClone(this.#topology);
    for (const cluster of topology.clusters) {
      if (cluster.writeTopology !== "SINGLE_PRIMARY") continue;
      const world = await this.world(cluster.id);
      for (const status of world.replicas) {
        const replica = topology.replicas.find((r) => r.id === status.replicaId)!;
        replica.role = status.role;
        replica.epoch = status.epoch;
      }
    }
    return topology;
  }

  /** Before a fence: a CHECKPOINT on the primary (its shutdown checkpoint then has little to write) and warm connections. */
  async prepareSwitchover(input: { replicaId: string; atMs: number }): Promise<{ checkpointMs: number }> {
    const replica = this.#replica(input.replicaId);
    const started = Date.now();
    const endpoint = this.#directory.servers[replica.id];
    if (!endpoint) throw new UnreachableError(`replica ${replica.id} has no server to prepare`);
    await poolFor(endpoint).query("checkpoint");
    const checkpointMs = Date.now() - started;
    await this.world(replica.clusterId);
    return { checkpointMs };
  }

  /** A probe write on the replica's server; its position after it. */
  async probeWrite(input: { replicaId: string; atMs: number }): Promise<{ position: number; writtenAtMs: number }> {
    this.#replica(input.replicaId);
    const endpoint = this.#directory.servers[input.replicaId];
    if (!endpoint) throw new UnreachableError(`replica ${input.replicaId} has no server to write on`);
    const result = await poolFor(endpoint).query<{ position: number; at: Date }>(
      `with probe as (insert into meridian.probe default values returning written_at)
       select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as position, (select written_at from probe) as at`,
    );
    const row = result.rows[0]!;
    return { position: Number(row.position), writtenAtMs: new Date(row.at).getTime() };
  }
}

/** Two primaries never accept writes: an action that would make a second writer is refused, naming the first. */
function refuseSecondWriter(
  world: { replicas: { replicaId: string; writable: boolean }[] },
  replica: { id: string; clusterId: string },
  action: string,
  what: string,
): void {
  const writers = world.replicas.filter((r) => r.writable && r.replicaId !== replica.id).map((r) => r.replicaId);
  if (writers.length > 0)
    throw new SplitBrainRefusedError({
      clusterId: replica.clusterId,
      writableReplicaIds: writers,
      message: `refusing to ${action}: ${writers.join(", ")} ${what}`,
    });
}
