// Explains in words why an estate's multiplier falls outside its DR model's band.
import type { TComponentKind, TDrModel, TTier } from "./schema";
import { PATH_WORDS, type TTransferPathKind } from "./transfer-path";

export type TSecondaryFacts = {
  code: string;
  stackMonthlyUsd: number;
  /** Tier of each component that is present, by kind. */
  tiers: Partial<Record<TComponentKind, TTier>>;
  /** Kinds with at least one instance billed (a replica counts as a running DATABASE). */
  runningKinds: TComponentKind[];
};

export type TBandFacts = {
  model: TDrModel;
  totalMonthlyUsd: number;
  singleRegionBaselineUsd: number;
  primaryStackMonthlyUsd: number;
  replicationMonthlyUsd: number;
  replicationGbPerDay: number;
  /** The path kind that costs the most replication money, if any replication is priced. */
  costliestPath?: TTransferPathKind;
  /** Routing and user egress: they do not grow with regions. */
  sharedMonthlyUsd: number;
  secondaries: TSecondaryFacts[];
};

const LABEL: Record<TDrModel, string> = {
  BACKUP_RESTORE: "backup & restore",
  PILOT_LIGHT: "pilot-light",
  WARM_STANDBY: "warm-standby",
  ACTIVE_ACTIVE: "active-active",
};

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const volume = (gbPerDay: number) =>
  gbPerDay >= 1000 ? `${+(gbPerDay / 1000).toFixed(1)} TB/day` : `${+gbPerDay.toFixed(1)} GB/day`;
const codes = (secondaries: TSecondaryFacts[]) => secondaries.map((secondary) => secondary.code).join(", ");
const runs = (secondary: TSecondaryFacts, kind: TComponentKind) => secondary.runningKinds.includes(kind);

/** Replication above this share of the bill, or of the extra over one region, is worth naming first. */
const NOTABLE_TRANSFER_SHARE = 0.2;
const NOTABLE_TRANSFER_SHARE_OF_EXTRA = 0.35;
/** Costs that do not grow with regions above this share flatten any multiplier. */
const NOTABLE_SHARED_SHARE = 0.3;
/** Regions the article's bands picture: a primary and one standby, or up to three active regions. */
const REGIONS_PICTURED: Record<TDrModel, number> = {
  BACKUP_RESTORE: 2,
  PILOT_LIGHT: 2,
  WARM_STANDBY: 2,
  ACTIVE_ACTIVE: 3,
};

function aboveFindings(facts: TBandFacts): string[] {
  const findings: string[] = [];
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const extraUsd = facts.totalMonthlyUsd - facts.singleRegionBaselineUsd;
  const transferIsNotable =
    share(facts.replicationMonthlyUsd, facts.totalMonthlyUsd) >= NOTABLE_TRANSFER_SHARE ||
    share(facts.replicationMonthlyUsd, extraUsd) >= NOTABLE_TRANSFER_SHARE_OF_EXTRA;
  if (transferIsNotable && facts.costliestPath) {
    findings.push(
      `replication transfer is ${percent(facts.replicationMonthlyUsd, facts.totalMonthlyUsd)}% of the total: ${volume(facts.replicationGbPerDay)}, mostly ${PATH_WORDS[facts.costliestPath]}`,
    );
  }
  const label = LABEL[facts.model];
  if (facts.model === "WARM_STANDBY") {
    const full = facts.secondaries.filter(
      (secondary) => secondary.tiers.COMPUTE === "FULL" && runs(secondary, "COMPUTE"),
    );
    if (full.length > 0)
      findings.push(
        `secondary regions run full tiers (${codes(full)}), which is active-active spending under a ${label} label`,
      );
  }
  if (facts.model === "PILOT_LIGHT") {
    const computing = facts.secondaries.filter((secondary) => runs(secondary, "COMPUTE"));
    if (computing.length > 0)
      findings.push(`secondary compute is running (${codes(computing)}), which a pilot light keeps off until failover`);
  }
  if (facts.model === "BACKUP_RESTORE") {
    const busy = facts.secondaries.filter((secondary) =>
      secondary.runningKinds.some((kind) => kind !== "OBJECT_STORAGE"),
    );
    if (busy.length > 0)
      findings.push(
        `secondary regions run more than object storage (${codes(busy)}), which backup & restore does not need until a restore`,
      );
  }
  // Secondaries holding only object storage (backups) are not a second stack.
  const regionCount =
    facts.secondaries.filter((secondary) => secondary.runningKinds.some((kind) => kind !== "OBJECT_STORAGE")).length +
    1;
  if (regionCount > REGIONS_PICTURED[facts.model]) {
    findings.push(
      `${regionCount} regions each run a stack, while the ${label} band pictures ${REGIONS_PICTURED[facts.model]}`,
    );
  }
  return findings;
}

function belowFindings(facts: TBandFacts): string[] {
  if (facts.secondaries.length === 0)
    return ["the estate has one region only: nothing stands by, so it costs what a single region costs"];
  const findings: string[] = [];
  const label = LABEL[facts.model];
  if (facts.model === "ACTIVE_ACTIVE") {
    const partial = facts.secondaries.filter(
      (secondary) => secondary.tiers.COMPUTE !== "FULL" || !runs(secondary, "COMPUTE"),
    );
    if (partial.length > 0)
      findings.push(
        `secondary compute is not at full tier (${codes(partial)}), which is warm-standby or pilot-light spending under an ${label} label`,
      );
  }
  if (facts.model === "WARM_STANDBY") {
    const idle = facts.secondaries.filter((secondary) => !runs(secondary, "COMPUTE"));
    if (idle.length > 0)
      findings.push(`secondary compute is OFF (${codes(idle)}), which is pilot-light spending under a ${label} label`);
  }
  if (facts.model === "PILOT_LIGHT") {
    const noDatabase = facts.secondaries.filter((secondary) => !runs(secondary, "DATABASE"));
    if (noDatabase.length > 0)
      findings.push(
        `no database replica runs in ${codes(noDatabase)}, which is backup & restore rather than a pilot light`,
      );
  }
  if (facts.totalMonthlyUsd > 0 && facts.sharedMonthlyUsd / facts.totalMonthlyUsd >= NOTABLE_SHARED_SHARE) {
    findings.push(
      `routing and user egress are ${percent(facts.sharedMonthlyUsd, facts.totalMonthlyUsd)}% of the total and do not grow with regions, which pulls the multiplier toward 1x`,
    );
  }
  return findings;
}

export function explainOutsideBand(direction: "above" | "below", facts: TBandFacts): string {
  const findings = direction === "above" ? aboveFindings(facts) : belowFindings(facts);
  if (findings.length > 0) return findings.join("; ");
  // Nothing structural stands out: say how big the standby is next to the primary.
  const secondaryUsd = facts.secondaries.reduce((total, secondary) => total + secondary.stackMonthlyUsd, 0);
  const share = percent(secondaryUsd, facts.primaryStackMonthlyUsd);
  return direction === "above"
    ? `secondary regions' stacks cost ${share}% of the primary region's stack, more than a ${LABEL[facts.model]} standby usually needs`
    : `secondary regions' stacks cost only ${share}% of the primary region's stack, less than a ${LABEL[facts.model]} setup usually carries`;
}
