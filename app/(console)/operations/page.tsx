import type { Metadata } from "next";

import { OperationsHome } from "@/components/operations/operations-home";

export const metadata: Metadata = { title: "Operations" };

// Every operation, running ones first; planning, approvals and policies start here.
export default function OperationsPage() {
  return <OperationsHome />;
}
