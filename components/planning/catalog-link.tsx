"use client";

// The price catalog is edited by admins; others reach it read-only from a deployment's plan.
import Link from "next/link";

import { useCan } from "@/components/shell/actor-context";

export function CatalogLink() {
  const isAdmin = useCan("catalog.edit");
  if (!isAdmin) return null;
  return (
    <Link
      href="/planning/catalog"
      className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
    >
      Price catalog
    </Link>
  );
}
