"use client";
// Who is deciding: the role from the console layout, the user id from `identity.me` (the layout's
// actor carries no id, and the requester check needs one). Null until the id is known.
import { useQuery } from "@tanstack/react-query";
import { useActor } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import type { TDecider } from "./can-decide";

export function useDecider(): TDecider | null {
  const trpc = useTRPC();
  const actor = useActor();
  const me = useQuery(trpc.identity.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return me.data ? { userId: me.data.id, role: actor.role } : null;
}
