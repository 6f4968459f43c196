// The runbooks as data: each is a list of typed steps with a phase, a timeout, retries and what
// abort does to it. The engine runs them; the plan shows them; nothing here touches a driver.
//
// Steps name replicas by their part in the operation ("source": the primary when the run begins,
// "target": the replica to promote) so a failover can choose its target while it runs.
import type { TPhase, TPlannedStep, TRollback, TRunbook, TStepKind } from "@/lib/operations/contracts";

export type Part = "source" | "target";
type Params = TPlannedStep["params"];

export type StepSpec = Omit<TPlannedStep, "index" | "gated" | "estimateSeconds"> & { estimateSeconds?: number };

const ROLLBACK_WORDS: Record<TStepKind, { rollback: TRollback; words: string }> = {
  PRECHECK: { rollback: "none", words: "Reads only; nothing to undo." },
  INJECT_FAULT: { rollback: "compensate", words: "Clears the injected fault." },
  CONFIRM_OUTAGE: { rollback: "none", words: "Reads only; nothing to undo." },
  CHOOSE_TARGET: { rollback: "none", words: "Reads only; nothing to undo." },
  FENCE: {
    rollback: "compensate",
    words: "Lets the old primary accept writes again (only while it is still the cluster's writer).",
  },
  WAIT_CATCH_UP: { rollback: "none", words: "Waits only; nothing to undo." },
  DEMOTE: {
    rollback: "compensate",
    words:
      "Promotes the old primary back, at a new epoch (it holds every write: it was fenced and the target caught up).",
  },
  PROMOTE: {
    rollback: "irreversible",
    words:
      "Point of no return: the new primary may have taken writes. Abort is refused from here; let the run finish or plan a switchover back.",
  },
  REPOINT: {
    rollback: "irreversible",
    words: "Replicas follow the new primary; undoing it would point them at a demoted replica.",
  },
  SHIFT_ROUTING: {
    rollback: "compensate",
    words: "Restores the routing rules' previous weights, priorities and drain flags.",
  },
  SCALE_UP: { rollback: "compensate", words: "Restores the previous size of the stack." },
  VERIFY_WRITES: { rollback: "none", words: "Reads only; nothing to undo." },
  CLEAR_FAULT: { rollback: "none", words: "The fault is over; nothing to undo." },
  WAIT_STABLE: { rollback: "none", words: "Waits only; nothing to undo." },
  RESTORE_SIZE: { rollback: "compensate", words: "Scales the stack back up to the size it had before." },
  FENCE_CLIENTS: { rollback: "compensate", words: "Lets the region's applications connect and write again." },
  WAIT_APPLIED: { rollback: "none", words: "Waits only; nothing to undo." },
  LIFT_FENCE: { rollback: "compensate", words: "Fences the region's client writes again." },
};

export function step(
  kind: TStepKind,
  phase: TPhase,
  title: string,
  params: Params,
  timeoutSeconds: number,
  maxAttempts = 3,
  undo = ROLLBACK_WORDS[kind],
): StepSpec {
  return {
    kind,
    phase,
    title,
    params,
    timeoutSeconds,
    maxAttempts,
    rollback: undo.rollback,
    rollbackDescription: undo.words,
  };
}

/** A returning replica following the current primary is right whatever happens next: nothing to undo. */
const REJOIN_UNDO = {
  rollback: "none" as TRollback,
  words: "The returning replica keeps following the current primary; nothing to undo.",
};

export type RunbookSettings = {
  /** Lag (RPO figure) under which a returning region counts as caught up while it still streams. */
  stableLagMs: number;
  /** How long the lag must stay under stableLagMs before failing back. */
  stableSeconds: number;
  /** Longest wait for the target to apply everything the fenced primary committed. */
  catchUpTimeoutSeconds: number;
  /** Longest wait for the probes to agree that a region a drill took down is down. */
  confirmTimeoutSeconds: number;
  /** A requested failover whose outage no quorum confirms within this long is a false alarm. */
  falseAlarmAfterSeconds: number;
};

export const DEFAULT_SETTINGS: RunbookSettings = {
  stableLagMs: 1000,
  stableSeconds: 10,
  catchUpTimeoutSeconds: 120,
  confirmTimeoutSeconds: 300,
  falseAlarmAfterSeconds: 60,
};

/**
 * Fence, catch up, demote, promote, route, verify, then repoint: the lossless move of the primary
 * from `from` to `to`. The engine runs fence to verify back to back (engine/critical-section.ts).
 */
function losslessMove(from: Part, to: Part, phaseOf: (phase: TPhase) => TPhase, s: RunbookSettings): StepSpec[] {
  return [
    step("FENCE", phaseOf("fence"), `Fence writes on the current primary, {${from}}`, { replica: from }, 30),
    step(
      "WAIT_CATCH_UP",
      phaseOf("catch-up"),
      `Wait until {${to}} has applied everything the fenced primary committed`,
      { from, to },
      s.catchUpTimeoutSeconds,
      1,
    ),
    step("DEMOTE", phaseOf("promote"), `Demote the old primary, {${from}}, to a read replica`, { replica: from }, 30),
    step("PROMOTE", phaseOf("promote"), `Promote {${to}} with a new epoch`, { replica: to, lossless: true }, 60),
    step("SHIFT_ROUTING", phaseOf("routing"), `Shift routing to the region of {${to}}`, { to, drain: null }, 60),
    step("VERIFY_WRITES", phaseOf("verify"), `Verify writes land on {${to}}`, { replica: to }, 60, 1),
    // After the outage: the other replicas follow the new primary once writes are back.
    step("REPOINT", phaseOf("repoint"), `Repoint the other replicas to the new primary, {${to}}`, { primary: to }, 60),
  ];
}

export const same = (phase: TPhase) => phase;
export const failbackPhase = (): TPhase => "failback";

/**
 * In a real failover the old primary's region is down: lifting its fence or promoting it back cannot
 * give the cluster a writer (the promotion is refused), so the fence is the point of no return and
 * the run finishes by promoting the chosen replica. A drill's outage is its own and is cleared first
 * on the way out, so there the old primary can take writes again.
 */
export const DEAD_PRIMARY_UNDO = {
  rollback: "irreversible" as TRollback,
  words:
    "Point of no return in a failover: the old primary's region is down, so lifting its fence or promoting it back would leave the cluster with no writer. Abort is refused from here; the run finishes by promoting the chosen replica.",
};

/** `confirmSeconds`: how long probes may take to agree; an operator's failover ends as a false alarm after it. */
function failoverSteps(s: RunbookSettings, confirmSeconds: number, drill: boolean): StepSpec[] {
  const undo = (kind: "FENCE" | "DEMOTE") => (drill ? ROLLBACK_WORDS[kind] : DEAD_PRIMARY_UNDO);
  return [
    step(
      "CONFIRM_OUTAGE",
      "detect",
      "Confirm the outage of the primary's region from a quorum of probe locations",
      { region: "source" },
      confirmSeconds,
      1,
    ),
    step("CHOOSE_TARGET", "detect", "Choose the most caught-up reachable replica", {}, 30),
    step(
      "FENCE",
      "fence",
      "Fence the old primary where it can be reached",
      { replica: "source" },
      30,
      3,
      undo("FENCE"),
    ),
    step("DEMOTE", "promote", "Demote the old primary to a read replica", { replica: "source" }, 30, 3, undo("DEMOTE")),
    step("PROMOTE", "promote", "Promote the chosen replica with a new epoch", { replica: "target" }, 60),
    step("REPOINT", "repoint", "Repoint the other replicas to the new primary", { primary: "target" }, 60),
    step(
      "SHIFT_ROUTING",
      "routing",
      "Shift routing to the new primary's region and drain the failed one",
      { to: "target", drain: "source" },
      60,
    ),
    step("SCALE_UP", "scale-up", "Scale up the new primary region's stack", { region: "target" }, 120),
    step("VERIFY_WRITES", "verify", "Verify writes land in the new region", { replica: "target" }, 60, 1),
  ];
}

/** The article's failback: the original region returns as a secondary, catches up, then a planned switchover back. */
export function returnAsSecondary(
  original: Part,
  current: Part,
  phaseOf: (phase: TPhase) => TPhase,
  s: RunbookSettings,
): StepSpec[] {
  return [
    step(
      "REPOINT",
      phaseOf("repoint"),
      `{${original}} returns as a secondary and receives replication from {${current}}`,
      { primary: current, rejoin: original },
      60,
      3,
      REJOIN_UNDO,
    ),
    step(
      "WAIT_STABLE",
      phaseOf("catch-up"),
      `Wait for the lag of {${original}} to reach zero (under ${s.stableLagMs} ms) and stay there ${s.stableSeconds} s`,
      { from: current, to: original, stableLagMs: s.stableLagMs, stableSeconds: s.stableSeconds },
      s.catchUpTimeoutSeconds + s.stableSeconds,
      1,
    ),
  ];
}

/**
 * The region the primary leaves on failing back ran at the primary's size only because the move
 * that brought the primary there scaled it up: once writes and traffic are back, it returns to
 * the size it had before (the modelled warm standby), after the outage window, so it costs no RTO.
 */
export function restoreSize(region: Part): StepSpec {
  return step(
    "RESTORE_SIZE",
    "failback",
    `Return the stack in the region of {${region}} to its size before it was scaled up`,
    { region },
    60,
  );
}

/** The longest one wait for the other regions inside its move (the step's own timeout bounds the retries). */
export const APPLIED_WAIT_MS = 10_000;

/**
 * Active-active, one region ("source"; "target" is another region that takes its traffic): a drain
 * routes new connections away and closes the open ones, fences the region's client writes (its
 * server keeps running and replicating), then waits until every other region has applied what it
 * committed. The return waits until the region has applied what the others committed meanwhile,
 * lifts the fence, and routes traffic back.
 */
function regionSteps(runbook: "DRAIN_REGION" | "RETURN_REGION", s: RunbookSettings): StepSpec[] {
  const precheck = step(
    "PRECHECK",
    "detect",
    "Pre-checks: {source} and {target} are regions of an active-active cluster, {target} takes writes, no other operation",
    { to: "target" },
    30,
    1,
  );
  if (runbook === "DRAIN_REGION")
    return [
      precheck,
      step(
        "SHIFT_ROUTING",
        "routing",
        "Route new connections away from the region of {source} and close its open client connections",
        { to: "target", drain: "source" },
        60,
      ),
      step(
        "FENCE_CLIENTS",
        "fence",
        "Fence client writes on {source}: its applications' role is refused and their sessions ended; replication keeps flowing",
        { replica: "source" },
        30,
      ),
      step(
        "WAIT_APPLIED",
        "catch-up",
        "Wait until every other region has applied everything {source} committed",
        { from: "source", to: "others", waitMs: APPLIED_WAIT_MS },
        s.catchUpTimeoutSeconds,
        1,
      ),
    ];
  return [
    precheck,
    step(
      "WAIT_APPLIED",
      "catch-up",
      "Wait until {source} has applied everything the other regions committed while it was drained",
      { from: "others", to: "source", waitMs: APPLIED_WAIT_MS },
      s.catchUpTimeoutSeconds,
      1,
    ),
    step("LIFT_FENCE", "fence", "Let the applications of {source} connect and write again", { replica: "source" }, 30),
    step("SHIFT_ROUTING", "routing", "Route traffic back to the region of {source}", { to: "source", drain: null }, 60),
  ];
}

export function runbookSteps(runbook: TRunbook, s: RunbookSettings = DEFAULT_SETTINGS): StepSpec[] {
  switch (runbook) {
    case "DRAIN_REGION":
    case "RETURN_REGION":
      return regionSteps(runbook, s);
    case "SWITCHOVER":
      return [
        step(
          "PRECHECK",
          "detect",
          "Pre-checks: target healthy, lag under the threshold, no other operation",
          { to: "target" },
          30,
          1,
        ),
        // A warm standby runs scaled down: it takes the primary's size before it takes the traffic, while writes still flow.
        step(
          "SCALE_UP",
          "scale-up",
          "Scale up the stack in the region of {target} before it takes the traffic",
          { region: "target" },
          120,
        ),
        ...losslessMove("source", "target", same, s),
      ];
    case "FAILBACK":
      return [
        step(
          "PRECHECK",
          "detect",
          "Pre-checks: the original region is up, no other operation",
          { to: "target" },
          30,
          1,
        ),
        ...returnAsSecondary("target", "source", same, s),
        ...losslessMove("source", "target", same, s),
        restoreSize("source"),
      ];
    case "FAILOVER":
      return failoverSteps(s, s.falseAlarmAfterSeconds, false);
    case "DRILL":
      return [
        step("INJECT_FAULT", "fault", "Inject an outage of the primary's region", { region: "source" }, 30),
        ...failoverSteps(s, s.confirmTimeoutSeconds, true),
        step("CLEAR_FAULT", "failback", "End the injected outage", { region: "source" }, 30),
        ...returnAsSecondary("source", "target", failbackPhase, s),
        ...losslessMove("target", "source", failbackPhase, s),
        restoreSize("target"),
      ];
  }
}

/** Titles name replicas as "{source}" and "{target}"; the plan writes in their names. */
export function nameReplicas<T extends { title: string }>(specs: T[], names: Record<Part, string>): T[] {
  return specs.map((spec) => ({
    ...spec,
    title: spec.title.replaceAll("{source}", names.source).replaceAll("{target}", names.target),
  }));
}

/** Steps between a fence and the promotion it leads to: writes are stopped while they run. */
export const FENCED_WINDOW_KINDS: readonly TStepKind[] = ["WAIT_CATCH_UP", "DEMOTE", "PROMOTE"];

/**
 * The steps with their indexes and gates. No gate stands inside a fenced window (people deciding
 * while nothing can write): a gate on a step there is asked before the fence that opens the window,
 * with the same context, so the window runs from fence to promotion without waiting for anyone.
 */
export function withIndexes(
  specs: StepSpec[],
  gatedKinds: readonly string[],
  estimate: (spec: StepSpec) => number,
): TPlannedStep[] {
  const gated = specs.map((spec) => gatedKinds.includes(spec.kind));
  let fence: number | null = null;
  specs.forEach((spec, index) => {
    if (spec.kind === "FENCE") fence = index;
    else if (!FENCED_WINDOW_KINDS.includes(spec.kind)) fence = null;
    else if (fence !== null && gated[index]) {
      gated[fence] = true;
      gated[index] = false;
    }
    if (spec.kind === "PROMOTE") fence = null;
  });
  return specs.map((spec, index) => ({
    ...spec,
    index,
    gated: gated[index]!,
    estimateSeconds: estimate(spec),
  }));
}
