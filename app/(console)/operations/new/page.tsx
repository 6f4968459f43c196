import type { Metadata } from "next";

import { NewOperationPage } from "@/components/operations/new-operation-page";

export const metadata: Metadata = { title: "Plan an operation" };

type Params = {
  deployment?: string | string[];
  runbook?: string | string[];
  cluster?: string | string[];
  target?: string | string[];
  region?: string | string[];
};
const one = (value: string | string[] | undefined) =>
  typeof value === "string" && value.length > 0 ? value : undefined;

// The plan of an operation, from the address (?deployment=<slug>&runbook=&cluster=&target=&region=) so it
// can be linked; the key starts the workspace afresh when the link names another deployment.
export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const initial = {
    deployment: one(params.deployment),
    runbook: one(params.runbook),
    cluster: one(params.cluster),
    target: one(params.target),
    region: one(params.region),
  };
  return <NewOperationPage key={initial.deployment ?? ""} initial={initial} />;
}
