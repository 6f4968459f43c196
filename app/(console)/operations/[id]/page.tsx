import type { Metadata } from "next";

import { OperationPage } from "@/components/operations/operation-page";

export const metadata: Metadata = { title: "Operation" };

// One operation: run, approvals, live graph and report; everything is fetched in the browser.
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OperationPage key={id} id={id} />;
}
