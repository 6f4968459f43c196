// Everything the twin knows, as plain JSON: a worker stores it in PostgreSQL after each tick and
// resumes from it after a crash, so nothing lives only in memory.
import { z } from "zod";

import { InvalidStateError } from "../errors";
import { ZFaultSpec, type TFaultSpec } from "../fault-spec";
import { parseTopology, ZDeploymentTopology } from "../topology-check";
import type { DeploymentTopology } from "../types";
import { parseSimOptions, ZSimOptions, type SimOptions, type SimOptionsInput } from "./options";
import type { TimelineRecord } from "./timelines";

export const SIM_STATE_FORMAT_VERSION = 1;

export interface ReplicaRuntime {
  /** LSN-like: bytes of log this replica holds (a writer's commits, or what a replica replayed). */
  committedBytes: number;
  fenced: boolean;
  /** Timeline (the epoch that forked it) of the log this replica holds; single-primary clusters only. */
  timeline: number;
}

export interface LinkRuntime {
  /** LSN-like: how far into the source's log the target has applied. */
  appliedBytes: number;
}

export interface ClusterRuntime {
  epoch: number;
  /** Expected conflicts so far; fractional so slow rates still add up. */
  conflictsExpected: number;
  /** Every fork of the log, so a rejoining replica knows how much of its tail to discard. */
  timelines: TimelineRecord[];
}

export interface SimState {
  formatVersion: typeof SIM_STATE_FORMAT_VERSION;
  options: SimOptions;
  /** The topology as it is now: actions change roles, epochs, link ends and routing rules here. */
  topology: DeploymentTopology;
  /** Time the model has been integrated to; null until the first call fixes the start. */
  clockMs: number | null;
  replicas: Record<string, ReplicaRuntime>;
  links: Record<string, LinkRuntime>;
  clusters: Record<string, ClusterRuntime>;
  /** Epoch of the last routing change per policy, so an older operation cannot undo a newer one. */
  routingEpochs: Record<string, number>;
  /** Per cluster, the newest attempt token an action carried that took effect (write-safety.ts). */
  tokens: Record<string, number>;
  /** Faults active now or scheduled; ended ones are dropped as the clock passes them. */
  faults: TFaultSpec[];
}

export function createSimState(topologyInput: DeploymentTopology, optionsInput: SimOptionsInput): SimState {
  const topology = parseTopology(topologyInput);
  const options = parseSimOptions(optionsInput);
  const clusters: Record<string, ClusterRuntime> = {};
  const replicas: Record<string, ReplicaRuntime> = {};
  for (const cluster of topology.clusters) {
    const members = topology.replicas.filter((replica) => replica.clusterId === cluster.id);
    const epoch = Math.max(0, ...members.map((replica) => replica.epoch));
    // All replicas start in sync on one timeline: the twin begins from a settled estate.
    clusters[cluster.id] = {
      epoch,
      conflictsExpected: 0,
      timelines: [{ timeline: epoch, parentTimeline: null, startBytes: 0 }],
    };
    for (const replica of members) replicas[replica.id] = { committedBytes: 0, fenced: false, timeline: epoch };
  }
  return {
    formatVersion: SIM_STATE_FORMAT_VERSION,
    options,
    topology,
    clockMs: null,
    replicas,
    links: Object.fromEntries(topology.links.map((link) => [link.id, { appliedBytes: 0 }])),
    clusters,
    routingEpochs: Object.fromEntries(topology.routingPolicies.map((policy) => [policy.id, 0])),
    tokens: {},
    faults: [],
  };
}

const ZPosition = z.number().nonnegative();

const ZSimState = z.object({
  formatVersion: z.literal(SIM_STATE_FORMAT_VERSION),
  options: ZSimOptions,
  topology: ZDeploymentTopology,
  clockMs: z.number().nullable(),
  replicas: z.record(
    z.string(),
    z.object({ committedBytes: ZPosition, fenced: z.boolean(), timeline: z.number().int().nonnegative() }),
  ),
  links: z.record(z.string(), z.object({ appliedBytes: ZPosition })),
  clusters: z.record(
    z.string(),
    z.object({
      epoch: z.number().int().nonnegative(),
      conflictsExpected: z.number().nonnegative(),
      timelines: z
        .array(
          z.object({
            timeline: z.number().int().nonnegative(),
            parentTimeline: z.number().int().nonnegative().nullable(),
            startBytes: ZPosition,
          }),
        )
        .min(1),
    }),
  ),
  routingEpochs: z.record(z.string(), z.number().int().nonnegative()),
  // Twins saved before tokens existed resume with none applied.
  tokens: z.record(z.string(), z.number().int().nonnegative()).default({}),
  faults: z.array(ZFaultSpec),
});

/** A deep, JSON-safe copy of the state. */
export function simStateToJSON(state: SimState): SimState {
  return structuredClone(state);
}

/** Restores a state saved by simStateToJSON (an object, or its JSON text); refuses anything inconsistent. */
export function simStateFromJSON(data: unknown): SimState {
  const raw: unknown = typeof data === "string" ? JSON.parse(data) : data;
  const parsed = ZSimState.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidStateError(`Saved sim state is not usable: ${problems.join("; ")}`);
  }
  const state: SimState = { ...parsed.data, topology: parseTopology(parsed.data.topology) };
  const missing = [
    ...state.topology.replicas
      .filter((replica) => !state.replicas[replica.id])
      .map((replica) => `replica ${replica.id}`),
    ...state.topology.links.filter((link) => !state.links[link.id]).map((link) => `link ${link.id}`),
    ...state.topology.clusters
      .filter((cluster) => !state.clusters[cluster.id])
      .map((cluster) => `cluster ${cluster.id}`),
    ...state.topology.routingPolicies
      .filter((policy) => state.routingEpochs[policy.id] === undefined)
      .map((policy) => `routing policy ${policy.id}`),
  ];
  if (missing.length > 0) throw new InvalidStateError(`Saved sim state has no runtime entry for ${missing.join(", ")}`);
  return state;
}
