import { redirect } from "next/navigation";

// The shared deployment picker links to <basePath>/<slug>; the plan page takes the deployment from
// ?deployment=<slug> (with the runbook and target beside it), so this only forwards.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/operations/new?deployment=${encodeURIComponent(slug)}`);
}
