"use client";

// The signed-in user for client components: which controls to show. The server still checks
// every call; hiding a button is a courtesy, not the rule.
import { createContext, useContext, type ReactNode } from "react";

import type { TRole } from "@/lib/enums";
import { can, type TPermission } from "@/lib/identity/permissions";

export type ShellActor = { email: string; name: string; role: TRole };

const ActorContext = createContext<ShellActor | null>(null);

export function ActorProvider({ actor, children }: { actor: ShellActor; children: ReactNode }) {
  return <ActorContext.Provider value={actor}>{children}</ActorContext.Provider>;
}

export function useActor(): ShellActor {
  const actor = useContext(ActorContext);
  if (!actor) throw new Error("useActor needs the console layout");
  return actor;
}

/** Whether the signed-in user holds `permission` (lib/identity/permissions.ts), to show only the controls they may use. */
export const useCan = (permission: TPermission) => can(useActor().role, permission);
