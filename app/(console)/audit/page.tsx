import type { Metadata } from "next";

import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every change of state: who, what, which object, before and after, when. Records are chained by hash, so an edit or a deletion shows."
      />
      <AuditLog />
    </>
  );
}
