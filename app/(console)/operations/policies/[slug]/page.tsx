import { redirect } from "next/navigation";

// The shared deployment picker links to <basePath>/<slug>; the policies page takes ?deployment=<slug>.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/operations/policies?deployment=${encodeURIComponent(slug)}`);
}
