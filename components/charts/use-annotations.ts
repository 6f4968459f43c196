"use client";

// The events drawn over every chart of a range (faults, alerts, operations: Grafana's annotations),
// read once per range for all the charts (one query key). A range that ends now reads them again
// when the live snapshot's open alerts or active faults change, as the alert list does: no polling.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useSnapshot } from "@/components/telemetry/use-live-snapshot";
import { useTRPC } from "@/components/trpc/client";
import { LAST_INSTANT_MS } from "@/lib/fields";

import type { TimeRange } from "./use-time-range";

export function useAnnotations(deploymentId: string, range: TimeRange) {
  const trpc = useTRPC();
  const { snapshot } = useSnapshot(deploymentId);
  // A live range asks for everything from its start on, so its key does not move with the clock.
  const toMs = range.live ? LAST_INSTANT_MS : range.query.toMs;
  const annotations = useQuery(
    trpc.telemetry.annotations.queryOptions(
      { deploymentId, fromMs: range.query.fromMs, toMs },
      { placeholderData: keepPreviousData, staleTime: range.live ? Infinity : 60_000 },
    ),
  );
  // What changes when an event begins or ends: open alerts, active faults, replicas' roles (an operation).
  const events = range.live
    ? [
        ...(snapshot?.alerts ?? []).map((alert) => alert.id),
        ...(snapshot?.faults ?? []).map((fault) => fault.id),
        ...(snapshot?.replicas ?? []).map((replica) => `${replica.replicaId}:${replica.role}:${replica.epoch}`),
      ]
        .sort()
        .join(" ")
    : "";
  const { refetch } = annotations;
  const seen = useRef(events);
  useEffect(() => {
    if (seen.current === events) return;
    seen.current = events;
    void refetch();
  }, [events, refetch]);
  return annotations.data ?? [];
}
