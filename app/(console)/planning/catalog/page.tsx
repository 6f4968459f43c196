import type { Metadata } from "next";

import { PriceCatalog } from "@/components/planning/price-catalog";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Price catalog" };

// The prices every plan is computed from; admins edit them in place, everyone else reads them.
export default function CatalogPage() {
  return (
    <>
      <PageHeader
        title="Price catalog"
        description="Unit prices per provider, with where each figure comes from and the date it holds from."
      />
      <PriceCatalog />
    </>
  );
}
