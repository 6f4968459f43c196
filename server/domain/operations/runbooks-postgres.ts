// Runbooks shaped for PostgreSQL, for drivers that act on real servers (the lab): the same step
// kinds as the model's runbooks (the engine, its intents, tokens and reconciliation are the same),
// ordered for a real server. Preparation runs before the fence (pre-checks with a CHECKPOINT on the
// old primary, so that its shutdown checkpoint is short, and warm connections); the critical section
// runs back to back (fence by fast shutdown, catch-up to its final LSN polled every 15 ms, demotion
// of the stopped folder, pg_promote(), the router to the new region, a probe write); repointing the
// old primary and the other standbys comes after the verify, outside the write outage.
import type { TRunbook } from "@/lib/operations/contracts";

import {
  DEAD_PRIMARY_UNDO,
  DEFAULT_SETTINGS,
  runbookSteps,
  step,
  type RunbookSettings,
  type StepSpec,
} from "./runbooks";

/** Drivers whose runbooks are PostgreSQL's: those acting on real servers. */
export const actsOnRealServers = (driverKind: string) => driverKind === "lab" || driverKind === "postgres";

/** The longest one catch-up call waits inside its move (the step's own timeout bounds the retries). */
export const CATCH_UP_WAIT_MS = 10_000;

function postgresSwitchover(s: RunbookSettings): StepSpec[] {
  return [
    step(
      "PRECHECK",
      "detect",
      "Pre-checks: target healthy, lag under the threshold, no other operation; a CHECKPOINT on {source} and warm connections",
      { to: "target", prepare: true },
      30,
      1,
    ),
    step(
      "SCALE_UP",
      "scale-up",
      "Scale up the stack in the region of {target} before it takes the traffic",
      { region: "target" },
      120,
    ),
    step(
      "FENCE",
      "fence",
      "Fence {source}: a fast shutdown ends its clients and refuses new ones",
      { replica: "source" },
      30,
    ),
    step(
      "WAIT_CATCH_UP",
      "catch-up",
      "Wait until {target} has replayed the shutdown checkpoint of {source} (its final LSN)",
      { from: "source", to: "target", waitMs: CATCH_UP_WAIT_MS },
      s.catchUpTimeoutSeconds,
      1,
    ),
    step("DEMOTE", "promote", "Mark {source} a standby (it stays stopped until it rejoins)", { replica: "source" }, 30),
    step(
      "PROMOTE",
      "promote",
      "Promote {target} with pg_promote() and a new epoch",
      { replica: "target", lossless: true },
      60,
    ),
    step("SHIFT_ROUTING", "routing", "Point the router at the region of {target}", { to: "target", drain: null }, 60),
    step(
      "VERIFY_WRITES",
      "verify",
      "Verify with a probe write that {target} takes writes, alone",
      { replica: "target" },
      60,
      1,
    ),
    step(
      "REPOINT",
      "repoint",
      "Restart {source} as a standby of {target} on the new timeline, and repoint the other standbys",
      { primary: "target" },
      120,
    ),
  ];
}

/** Probes that must fail in a row, one a second, before a failover acts (with the policy's quorum each time). */
export const OUTAGE_PROBES = 3;
export const OUTAGE_PROBE_INTERVAL_MS = 1000;

/**
 * An unplanned failover on real servers: a quorum of probes confirms the outage three times a
 * second apart; the reachable standby with the highest received LSN is chosen (the dead primary is
 * never asked: what it held that the chosen one lacks is the lag last observed, the data at risk);
 * the dead server is fenced and demoted on its folder (it can only come back as a standby); then
 * promote, route, verify back to back; the other standbys are repointed after. The dead server
 * rejoins when it returns: following the new timeline when its WAL allows, re-cloned otherwise.
 */
function postgresFailover(s: RunbookSettings): StepSpec[] {
  return [
    step(
      "CONFIRM_OUTAGE",
      "detect",
      `Confirm the outage of {source}: a quorum of probe locations, ${OUTAGE_PROBES} times ${OUTAGE_PROBE_INTERVAL_MS / 1000} s apart`,
      { region: "source", consecutive: OUTAGE_PROBES, intervalMs: OUTAGE_PROBE_INTERVAL_MS },
      s.falseAlarmAfterSeconds,
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
      DEAD_PRIMARY_UNDO,
    ),
    step(
      "DEMOTE",
      "promote",
      "Mark {source} a standby: it can only come back as one",
      { replica: "source" },
      30,
      3,
      DEAD_PRIMARY_UNDO,
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

/** The steps of `runbook` for a deployment whose driver is `driverKind`. */
export function runbookStepsFor(
  runbook: TRunbook,
  driverKind: string,
  s: RunbookSettings = DEFAULT_SETTINGS,
): StepSpec[] {
  if (actsOnRealServers(driverKind) && runbook === "SWITCHOVER") return postgresSwitchover(s);
  if (actsOnRealServers(driverKind) && runbook === "FAILOVER") return postgresFailover(s);
  return runbookSteps(runbook, s);
}
