// Binds a deployment to a driver kind. The only way the domain reaches a concrete driver.
import { DriverUnavailableError, InvalidStateError } from "./errors";
import { PostgresDriver, type ServerDirectory } from "./postgres";
import { hashToSeed, SimDriver, type SimOptionsInput } from "./sim";
import type { DeploymentTopology, Driver, DriverKind } from "./types";

export const DRIVER_KINDS: readonly DriverKind[] = ["sim", "postgres", "lab"];
/** The kinds that have a driver today (every kind; kept so a new kind can land before its driver). */
export const IMPLEMENTED_DRIVER_KINDS: readonly DriverKind[] = ["sim", "postgres", "lab"];

export interface DriverBinding {
  deploymentId: string;
  kind: DriverKind;
  topology: DeploymentTopology;
  /** sim only; the seed defaults to one derived from the deployment id, so a twin is stable. */
  simOptions?: Partial<SimOptionsInput>;
  /** What exportState() returned last time, to resume after a restart. */
  savedState?: unknown;
  /** The saved state was made for another version of the model: carry it onto `topology`. */
  rebase?: boolean;
  /** postgres and lab: where the servers are (the lab's, or the stored connection details). */
  directory?: ServerDirectory;
}

export type DriverFactory = (binding: DriverBinding) => Driver;

function createSim(binding: DriverBinding): Driver {
  if (binding.savedState !== undefined && binding.savedState !== null) {
    return binding.rebase
      ? SimDriver.rebase(binding.savedState, binding.topology)
      : SimDriver.fromJSON(binding.savedState);
  }
  return SimDriver.create(binding.topology, {
    ...binding.simOptions,
    seed: binding.simOptions?.seed ?? hashToSeed(binding.deploymentId),
  });
}

/** postgres: servers run elsewhere; lab: the lab's servers, handed to the same driver with its controls. */
function createPostgres(binding: DriverBinding): Driver {
  if (!binding.directory)
    throw new DriverUnavailableError(
      binding.kind === "lab"
        ? "the lab is not running: start it with `npm start` or `npm run lab -- up`"
        : "no connection details for this deployment's servers: enter them in the Model tab",
    );
  // The saved state is only the observer's previous readings: a changed model simply reads anew.
  return new PostgresDriver({
    kind: binding.kind,
    topology: binding.topology,
    directory: binding.directory,
    savedState: binding.savedState,
  });
}

const FACTORIES: Readonly<Record<DriverKind, DriverFactory>> = {
  sim: createSim,
  postgres: createPostgres,
  lab: createPostgres,
};

export function isDriverKind(value: string): value is DriverKind {
  return (DRIVER_KINDS as readonly string[]).includes(value);
}

/**
 * Tests only: a deployment bound to a stand-in for a real server (tests/world-driver.ts, whose world
 * lives outside the database transaction). Returns the function that removes the binding.
 */
const standIns = new Map<string, DriverFactory>();
export function standInDriver(deploymentId: string, factory: DriverFactory): () => void {
  standIns.set(deploymentId, factory);
  return () => void standIns.delete(deploymentId);
}

export function createDriver(binding: DriverBinding): Driver {
  const standIn = standIns.get(binding.deploymentId);
  if (standIn) return standIn(binding);
  if (!isDriverKind(binding.kind))
    throw new DriverUnavailableError(
      `driver kind "${String(binding.kind)}" is unknown; known kinds: ${DRIVER_KINDS.join(", ")}`,
    );
  if (binding.topology.deploymentId !== binding.deploymentId) {
    throw new InvalidStateError(
      `topology belongs to deployment ${binding.topology.deploymentId}, not ${binding.deploymentId}`,
    );
  }
  return FACTORIES[binding.kind](binding);
}
