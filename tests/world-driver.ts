// A test double standing for a real server: the sim twin's state kept OUTSIDE the database, in this
// process's memory, changed the moment an action is called. A rollback of the step's transaction
// (a crash after the driver call, a database error, a SIGTERM) does not undo what it did, exactly as
// a pg_promote() is not undone by losing the transaction that recorded it. The real postgres driver
// has the same shape: no state for the session to save (holdsState false), the world answers.
//
// Calls on one world run one at a time (a queue), as a server serializes what it is asked.
import { standInDriver } from "@/server/drivers/registry";
import { hashToSeed, SimDriver } from "@/server/drivers/sim";
import type { DeploymentTopology, Driver, DriverCapabilities, FaultInjector, JsonValue } from "@/server/drivers/types";

type World = { state: JsonValue; queue: Promise<unknown> };
const worlds = new Map<string, World>();

const CAPABILITIES: DriverCapabilities = Object.freeze({
  canObserve: true,
  canFence: true,
  canPromote: true,
  canDemote: true,
  canRepoint: true,
  canSetRouting: true,
  canInjectFaults: true,
  hasVirtualClock: true,
  holdsState: false,
});

/** Runs `fn` on the world's twin, one call at a time, and keeps what it changed whatever happens next. */
function onWorld<T>(deploymentId: string, fn: (twin: SimDriver) => Promise<T>): Promise<T> {
  const world = worlds.get(deploymentId);
  if (!world) throw new Error(`no world for deployment ${deploymentId}`);
  const run = world.queue.then(async () => {
    const twin = SimDriver.fromJSON(world.state);
    try {
      return await fn(twin);
    } finally {
      // Even a refused action may have moved the clock: the world keeps it, as a server would.
      world.state = twin.exportState();
    }
  });
  world.queue = run.catch(() => undefined);
  return run;
}

/**
 * A test's hand in a call: given the call's input and the call itself (run it, or not, or late),
 * it stands for a server that hangs, answers slowly or changes under the engine.
 */
export type Around = (input: Record<string, unknown>, call: () => Promise<unknown>) => Promise<unknown>;
export type WorldOptions = { around?: Partial<Record<keyof Driver, Around>> };

function worldDriver(deploymentId: string, options: WorldOptions): Driver {
  const on =
    <A extends unknown[], T>(name: keyof Driver, pick: (twin: SimDriver) => (...args: A) => Promise<T>) =>
    (...args: A) => {
      const call = () => onWorld(deploymentId, (twin) => pick(twin).apply(twin, args));
      const around = options.around?.[name];
      return (around ? around((args[0] ?? {}) as Record<string, unknown>, call) : call()) as Promise<T>;
    };
  const faults: FaultInjector = {
    inject: (spec) => onWorld(deploymentId, (twin) => twin.faults.inject(spec)),
    clear: (input) => onWorld(deploymentId, (twin) => twin.faults.clear(input)),
    list: () => onWorld(deploymentId, (twin) => twin.faults.list()),
  };
  return {
    kind: "sim",
    capabilities: CAPABILITIES,
    faults,
    observe: on("observe", (t) => t.observe),
    fence: on("fence", (t) => t.fence),
    unfence: on("unfence", (t) => t.unfence),
    promote: on("promote", (t) => t.promote),
    demote: on("demote", (t) => t.demote),
    repoint: on("repoint", (t) => t.repoint),
    setRouting: on("setRouting", (t) => t.setRouting),
    waitForCatchUp: on("waitForCatchUp", (t) => t.waitForCatchUp),
    writableReplicas: on("writableReplicas", (t) => t.writableReplicas),
    committedPosition: on("committedPosition", (t) => t.committedPosition),
    appliedPosition: on("appliedPosition", (t) => t.appliedPosition),
    clusterWorld: on("clusterWorld", (t) => t.clusterWorld),
    currentTopology: on("currentTopology", (t) => t.currentTopology),
    // Nothing for the session to save: the world is the state.
    exportState: () => null,
  };
}

/**
 * Binds `deploymentId` to a world outside the database, made from the model the first time a
 * session opens. Returns the function that unbinds it (the world is forgotten).
 */
export function bindWorldDriver(deploymentId: string, options: WorldOptions = {}): () => void {
  const unbind = standInDriver(deploymentId, (binding) => {
    if (!worlds.has(deploymentId)) {
      const twin = SimDriver.create(binding.topology as DeploymentTopology, { seed: hashToSeed(deploymentId) });
      worlds.set(deploymentId, { state: twin.exportState(), queue: Promise.resolve() });
    }
    return worldDriver(deploymentId, options);
  });
  return () => {
    unbind();
    worlds.delete(deploymentId);
  };
}

/** The world as it is now, read directly (what the servers would answer). */
export function worldOf(deploymentId: string): SimDriver {
  const world = worlds.get(deploymentId);
  if (!world) throw new Error(`no world for deployment ${deploymentId}`);
  return SimDriver.fromJSON(world.state);
}

/** The replicas of the cluster that accept writes in the world. */
export const worldWriters = (deploymentId: string, clusterId: string) =>
  worldOf(deploymentId).writableReplicas(clusterId);

/** Calls the world directly, as a stale worker's late call reaches a server, around the engine. */
export const callWorld = <T>(deploymentId: string, fn: (twin: SimDriver) => Promise<T>): Promise<T> =>
  onWorld(deploymentId, fn);

/** Whether a session has made the world yet (before the first one, the saved twin is all there is). */
export const hasWorld = (deploymentId: string) => worlds.has(deploymentId);
