// Runbooks shaped for PostgreSQL, for drivers that act on real servers (the lab): the same step
// kinds as the model's runbooks (the engine, its intents, tokens and reconciliation are the same),
// ordered for a real server. Preparation runs before the fence (pre-checks with a CHECKPOINT on the
// old primary, so that its shutdown checkpoint is short, and warm connections); the critical section
// runs back to back (fence by fast shutdown, catch-up to its final LSN polled every 15 ms, demotion
// of the stopped folder, pg_promote(), the router to the new region, a probe write); repointing the
// old primary and the other standbys comes after the verify, outside the write outage.
import type { TPhase, TRollback, TRunbook } from "@/lib/operations/contracts";

import {
  DEAD_PRIMARY_UNDO,
  DEFAULT_SETTINGS,
  failbackPhase,
  restoreSize,
  returnAsSecondary,
  runbookSteps,
  same,
  step,
  type Part,
  type RunbookSettings,
  type StepSpec,
} from "./runbooks";

/** Drivers whose runbooks are PostgreSQL's: those acting on real servers. */
export const actsOnRealServers = (driverKind: string) => driverKind === "lab" || driverKind === "postgres";

/** The longest one catch-up call waits inside its move (the step's own timeout bounds the retries). */
export const CATCH_UP_WAIT_MS = 10_000;

/** Probes that must fail in a row, one a second, before a failover acts (with the policy's quorum each time). */
export const OUTAGE_PROBES = 3;
export const OUTAGE_PROBE_INTERVAL_MS = 1000;

/** Before the fence, while writes still flow: pre-checks, a CHECKPOINT on the primary, warm connections. */
function prepare(to: Part, what: string): StepSpec {
  return step(
    "PRECHECK",
    "detect",
    `Pre-checks: ${what}; a CHECKPOINT on {source} and warm connections`,
    { to, prepare: true },
    30,
    1,
  );
}

/**
 * The planned move of the primary from `from` to `to` on real servers, fence to verify back to
 * back, then the old primary restarted as a standby of the new one (following its timeline) and
 * the other standbys repointed, outside the write outage.
 */
function lossless(from: Part, to: Part, phaseOf: (phase: TPhase) => TPhase, s: RunbookSettings): StepSpec[] {
  return [
    step(
      "FENCE",
      phaseOf("fence"),
      `Fence {${from}}: a fast shutdown ends its clients and refuses new ones`,
      { replica: from },
      30,
    ),
    step(
      "WAIT_CATCH_UP",
      phaseOf("catch-up"),
      `Wait until {${to}} has replayed the shutdown checkpoint of {${from}} (its final LSN)`,
      { from, to, waitMs: CATCH_UP_WAIT_MS },
      s.catchUpTimeoutSeconds,
      1,
    ),
    step(
      "DEMOTE",
      phaseOf("promote"),
      `Mark {${from}} a standby (it stays stopped until it rejoins)`,
      { replica: from },
      30,
    ),
    step(
      "PROMOTE",
      phaseOf("promote"),
      `Promote {${to}} with pg_promote() and a new epoch`,
      { replica: to, lossless: true },
      60,
    ),
    step("SHIFT_ROUTING", phaseOf("routing"), `Point the router at the region of {${to}}`, { to, drain: null }, 60),
    step(
      "VERIFY_WRITES",
      phaseOf("verify"),
      `Verify with a probe write that {${to}} takes writes, alone`,
      { replica: to },
      60,
      1,
    ),
    step(
      "REPOINT",
      phaseOf("repoint"),
      `Restart {${from}} as a standby of {${to}} on the new timeline, and repoint the other standbys`,
      { primary: to },
      120,
    ),
  ];
}

function postgresSwitchover(s: RunbookSettings): StepSpec[] {
  return [
    prepare("target", "target healthy, lag under the threshold, no other operation"),
    step(
      "SCALE_UP",
      "scale-up",
      "Scale up the stack in the region of {target} before it takes the traffic",
      { region: "target" },
      120,
    ),
    ...lossless("source", "target", same, s),
  ];
}

/**
 * The dead primary is fenced and demoted on its folder where it lies: it can only come back as a
 * standby. In a drill the outage is the run's own, but the server was killed for real: promoting it
 * back is refused while it is down, so there too the fence is the point of no return.
 */
const DRILL_KILLED_UNDO = {
  rollback: "irreversible" as TRollback,
  words:
    "Point of no return in a drill on real servers: the primary's server was killed, so lifting its fence or promoting it back would leave the cluster with no writer. Abort is refused from here; the run finishes the failover, ends the outage and fails back.",
};

/**
 * An outage on real servers: a quorum of probes confirms it three times a second apart; the
 * reachable standby with the highest received LSN is chosen (the dead primary is never asked: what
 * it held that the chosen one lacks is the lag last observed, the data at risk); the dead server is
 * fenced and demoted on its folder; then promote, route, verify back to back; the other standbys
 * are repointed after. The dead server rejoins when it returns: following the new timeline when its
 * WAL allows, re-cloned otherwise.
 */
function outage(confirmSeconds: number, undo: { rollback: TRollback; words: string }): StepSpec[] {
  return [
    step(
      "CONFIRM_OUTAGE",
      "detect",
      `Confirm the outage of {source}: a quorum of probe locations, ${OUTAGE_PROBES} times ${OUTAGE_PROBE_INTERVAL_MS / 1000} s apart`,
      { region: "source", consecutive: OUTAGE_PROBES, intervalMs: OUTAGE_PROBE_INTERVAL_MS },
      confirmSeconds,
      1,
    ),
    step("CHOOSE_TARGET", "detect", "Choose the reachable standby with the highest received LSN", {}, 30),
    step(
      "FENCE",
      "fence",
      "Fence {source} where it lies: its folder is marked fenced",
      { replica: "source" },
      30,
      3,
      undo,
    ),
    step(
      "DEMOTE",
      "promote",
      "Mark {source} a standby: it can only come back as one",
      { replica: "source" },
      30,
      3,
      undo,
    ),
    step(
      "PROMOTE",
      "promote",
      "Promote the chosen standby with pg_promote() and a new epoch",
      { replica: "target" },
      60,
    ),
    step(
      "SHIFT_ROUTING",
      "routing",
      "Point the router at the new primary's region and drain the failed one",
      { to: "target", drain: "source" },
      60,
    ),
    step(
      "VERIFY_WRITES",
      "verify",
      "Verify with a probe write that the new primary takes writes, alone",
      { replica: "target" },
      60,
      1,
    ),
    step("SCALE_UP", "scale-up", "Scale up the new primary region's stack", { region: "target" }, 120),
    step("REPOINT", "repoint", "Repoint the other standbys to the new primary", { primary: "target" }, 120),
  ];
}

/**
 * The article's failback on real servers: the original region (the target) returns as a standby of
 * the current primary (following its timeline, re-cloned when it cannot), its lag stays at zero for
 * a set time, then a planned switchover back with the failback policy's gates (asked before the
 * fence), routing back, and the region the primary leaves returns to its size before the failover.
 */
function postgresFailback(s: RunbookSettings): StepSpec[] {
  return [
    prepare("target", "the original region is up, no other operation"),
    ...returnAsSecondary("target", "source", same, s),
    ...lossless("source", "target", same, s),
    restoreSize("source"),
  ];
}

/**
 * A drill on real servers: the primary's server is killed (kill -9), the outage is confirmed and
 * failed over as a real one, measured, then the outage ends (the server starts again, as a standby),
 * and the run fails back with a planned switchover and restores the sizes it changed.
 */
function postgresDrill(s: RunbookSettings): StepSpec[] {
  return [
    step(
      "INJECT_FAULT",
      "fault",
      "Kill the server of {source} (kill -9): an outage of its region",
      { region: "source" },
      30,
    ),
    ...outage(s.confirmTimeoutSeconds, DRILL_KILLED_UNDO),
    step(
      "CLEAR_FAULT",
      "failback",
      "End the outage: the server of {source} starts again, as a standby",
      { region: "source" },
      60,
    ),
    ...returnAsSecondary("source", "target", failbackPhase, s),
    ...lossless("target", "source", failbackPhase, s),
    restoreSize("target"),
  ];
}

/** The steps of `runbook` for a deployment whose driver is `driverKind`. */
export function runbookStepsFor(
  runbook: TRunbook,
  driverKind: string,
  s: RunbookSettings = DEFAULT_SETTINGS,
): StepSpec[] {
  if (!actsOnRealServers(driverKind)) return runbookSteps(runbook, s);
  switch (runbook) {
    case "SWITCHOVER":
      return postgresSwitchover(s);
    case "FAILOVER":
      return outage(s.falseAlarmAfterSeconds, DEAD_PRIMARY_UNDO);
    case "FAILBACK":
      return postgresFailback(s);
    case "DRILL":
      return postgresDrill(s);
    case "DRAIN_REGION":
    case "RETURN_REGION":
      // Written for real servers already (the plan refuses them on the twin).
      return runbookSteps(runbook, s);
  }
}
