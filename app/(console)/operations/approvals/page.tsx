import type { Metadata } from "next";

import { InboxPage } from "@/components/operations/inbox-page";

export const metadata: Metadata = { title: "Approvals" };

// The approvals inbox: what waits for a decision, and the decide form where the user may decide.
export default function Page() {
  return <InboxPage />;
}
