// The seeded catalog must be editable as seeded: every item passes the edit contract unchanged.
import { describe, expect, it } from "vitest";

import { DEFAULT_CATALOG } from "@/lib/cost";

import { ZCatalogItemUpdate } from "./contracts";

describe("the default price catalog", () => {
  it("holds only items an admin can save back unchanged", () => {
    const refused = DEFAULT_CATALOG.items.filter(
      (item) =>
        !ZCatalogItemUpdate.safeParse({
          id: `${item.provider}/${item.item}`,
          unitPriceUsd: item.unitPriceUsd,
          source: item.source,
        }).success,
    );
    expect(refused.map((item) => `${item.provider} ${item.item}`)).toEqual([]);
  });
});
