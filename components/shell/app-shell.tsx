"use client";

// The console's frame: navigation by job, the signed-in user and role, theme, sign-out.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";

import { authClient } from "@/components/identity/auth-client";
import { ApprovalsBadge, useApprovalsWaiting } from "@/components/operations/approvals-badge";
import { can } from "@/lib/identity/permissions";
import { roleLabel } from "@/lib/identity/words";

import { ActorProvider, type ShellActor } from "./actor-context";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/topology", label: "Topology" },
  { href: "/telemetry", label: "Telemetry" },
  { href: "/planning", label: "Planning" },
  { href: "/operations", label: "Operations" },
  { href: "/operations/approvals", label: "Approvals", permission: "approvals.decide" },
  { href: "/audit", label: "Audit" },
  { href: "/admin", label: "Admin", permission: "users.manage" },
] as const;

/** The nav item a page belongs to: the longest href that is the path or a parent of it. */
function activeHref(pathname: string): string | undefined {
  return NAV.map((item) => item.href as string)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The Approvals item's count: a hook needs the actor's context, which AppShell provides. */
function ApprovalsNavCount() {
  const count = useApprovalsWaiting();
  return count !== undefined ? <ApprovalsBadge count={count} testId="nav-approvals-count" /> : null;
}

export function AppShell({ actor, children }: { actor: ShellActor; children: ReactNode }) {
  const pathname = usePathname();
  const current = activeHref(pathname);
  const router = useRouter();

  async function signOut() {
    await authClient.signOut();
    router.push("/sign-in");
    router.refresh();
  }

  return (
    <ActorProvider actor={actor}>
      <div className="flex min-h-screen flex-col">
        <header className="bg-slate-900 text-slate-100 dark:border-b dark:border-slate-800">
          <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <img src="/favicon.svg" alt="" className="size-5" />
              Meridian
            </Link>
            <nav aria-label="Main" className="flex gap-1">
              {NAV.filter((item) => !("permission" in item) || can(actor.role, item.permission)).map((item) => {
                const active = item.href === current;
                return (
                  <Link
                    key={item.href}
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
                  >
                    {item.label}
                    {item.href === "/operations/approvals" ? <ApprovalsNavCount /> : null}
                  </Link>
                );
              })}
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <ThemeToggle />
              <Link
                href="/account"
                title="Your account: change your password"
                className="text-slate-300 hover:text-white"
                data-testid="signed-in-user"
              >
                {actor.name} <span className="text-slate-500">·</span>{" "}
                <span className="rounded bg-slate-700 px-1.5 py-0.5 text-xs" data-testid="signed-in-role">
                  {roleLabel(actor.role)}
                </span>
              </Link>
              <button
                type="button"
                onClick={signOut}
                className="rounded-md px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 hover:text-white"
              >
                Sign out
              </button>
            </div>
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
      </div>
    </ActorProvider>
  );
}
