import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { actorFromHeaders } from "@/server/domain/identity/session-actor";

// Every console page needs a session: without one, the browser goes to sign in.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await actorFromHeaders(await headers());
  if (!actor) redirect("/sign-in");
  return <AppShell actor={{ email: actor.email, name: actor.name, role: actor.role }}>{children}</AppShell>;
}
