// A link's lag from real log positions, as an SRE would read it by hand:
//   physical (single-primary): bytes = the source's pg_current_wal_lsn() minus the standby's
//     pg_last_wal_replay_lsn(); time = pg_stat_replication.replay_lag while the walsender runs,
//     else the age of the standby's last replayed transaction (pg_last_xact_replay_timestamp()).
//     A standby that does not answer is measured from its slot on the primary (restart_lsn).
//   logical (active-active): bytes = the publisher's pg_current_wal_lsn() minus the subscription
//     slot's confirmed_flush_lsn; time = the walsender's replay_lag.
// When the source itself does not answer, nobody knows what it committed: the lag is unknown,
// reported with the reason, never as zero.
import type { LinkLagObservation, LinkLagUnknown, TopologyLink } from "../types";
import type { PostgresMemory } from "./memory";
import type { ServerReading, ServerState, SlotReading } from "./read-server";

export type LinkLag =
  ({ known: true } & LinkLagObservation & { slot: string | null }) | ({ known: false } & LinkLagUnknown);

/** What a server holds of its log: committed on a primary, received on a standby. */
export const heldLsn = (s: ServerReading): number | null =>
  s.inRecovery ? (s.receiveLsn ?? s.replayLsn) : s.currentLsn;

function physicalSlot(source: ServerReading, target: ServerState, remembered: string | undefined): SlotReading | null {
  const name = target.reachable ? target.primarySlot : remembered;
  return source.slots.find((s) => s.slotType === "physical" && s.slotName === name) ?? null;
}

function logicalSlot(source: ServerReading, target: ServerState, remembered: string | undefined): SlotReading | null {
  const names = target.reachable ? target.subscriptions.map((s) => s.slotName) : [remembered];
  return source.slots.find((s) => s.slotType === "logical" && names.includes(s.slotName)) ?? null;
}

export function linkLag(
  link: TopologyLink,
  logical: boolean,
  source: ServerState,
  target: ServerState,
  memory: PostgresMemory,
  sourceBytesPerSecond: number | null,
): LinkLag {
  if (!source.reachable) return { known: false, linkId: link.id, error: `source unreachable: ${source.error}` };
  const committed = heldLsn(source);
  if (committed === null) return { known: false, linkId: link.id, error: "the source reports no log position" };
  const remembered = memory.linkSlots[link.id];
  const slot = logical ? logicalSlot(source, target, remembered) : physicalSlot(source, target, remembered);
  const applied = !logical && target.reachable ? target.replayLsn : (slot?.confirmedLsn ?? null);
  if (applied === null) {
    const why = target.reachable
      ? "no replication slot of the target on the source"
      : `target unreachable: ${target.error}`;
    return { known: false, linkId: link.id, error: why };
  }
  const lagBytes = Math.max(0, committed - applied);
  return {
    known: true,
    linkId: link.id,
    lagBytes,
    lagMs: lagTimeMs(lagBytes, slot, target, sourceBytesPerSecond),
    slot: slot?.slotName ?? null,
  };
}

function lagTimeMs(
  lagBytes: number,
  slot: SlotReading | null,
  target: ServerState,
  sourceBytesPerSecond: number | null,
): number {
  if (lagBytes === 0) return 0;
  const measured = slot?.sender?.replayLagMs;
  if (measured !== null && measured !== undefined) return Math.round(measured);
  if (target.reachable && target.inRecovery && target.lastReplayMs !== null)
    return Math.max(0, Math.round(target.serverNowMs - target.lastReplayMs));
  // No walsender and no standby to ask: the backlog over the rate the source writes.
  return sourceBytesPerSecond && sourceBytesPerSecond > 0 ? Math.round((lagBytes / sourceBytesPerSecond) * 1000) : 0;
}
