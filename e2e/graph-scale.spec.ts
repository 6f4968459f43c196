// The live graph of a large deployment (about 300 nodes, built through the API): it opens zoomed
// out, one node per region, every region named on screen; a region outage shows red at that fit
// view; a click opens a region, zooming out closes them again, zooming in opens them; search finds
// a replica; a drag that starts on an edge pans; "everything" from the toolbar stays open at its fit.
import { expect, test, type Page } from "@playwright/test";

import { buildEstate, type Mutate } from "../scripts/bench/large-estate";
import { callMutation, signIn } from "./helpers";

function mutateAs(page: Page): Mutate {
  return async (path, input) => {
    const response = await callMutation(page, path, input);
    const body = await response.json();
    if (!response.ok()) throw new Error(`${path} refused: ${JSON.stringify(body)}`);
    return body.result.data.json;
  };
}

const viewportTransform = (page: Page) =>
  page.locator(".react-flow__viewport").evaluate((element) => getComputedStyle(element).transform);

test("a large deployment's graph: fit view of regions, outage, semantic zoom, search, pan from an edge", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, "OPERATOR");
  const estate = await buildEstate(mutateAs(page), { nodes: 300, tag: `e2e${Date.now() % 100_000}` });
  expect(estate.nodes).toBeGreaterThanOrEqual(280);

  await page.goto(`/topology/${estate.slug}`);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-detail", "overview");
  const summaries = page.locator('[data-testid^="region-summary-"]');
  await expect(summaries).toHaveCount(estate.regions.length, { timeout: 30_000 });
  const victim = estate.regions[7]!;
  const victimNode = page.getByTestId(`region-summary-${victim.code}`);
  await expect(victimNode).toHaveAttribute("data-status", "HEALTHY", { timeout: 30_000 });
  // The fit view shows every region (none cut off by the canvas's edge).
  await expect(summaries.last()).toBeInViewport();

  // An outage, injected through the API, shows at the fit view: the region turns DOWN once the
  // routing layer's checks fail (5 s x 3 in this estate) and stays named.
  const fault = await mutateAs(page)("telemetry.injectFault", {
    deploymentId: estate.deploymentId,
    kind: "REGION_OUTAGE",
    target: { regionId: victim.id },
  });
  await expect(victimNode).toHaveAttribute("data-status", "DOWN", { timeout: 60_000 });
  await expect(victimNode).toBeInViewport();
  await expect(victimNode).toContainText(victim.code);

  // A drag that starts on an edge pans the graph (React Flow alone would ignore it).
  const edge = page.locator(".react-flow__edge-regionLink path.react-flow__edge-path").first();
  const point = await edge.evaluate((path: SVGPathElement) => {
    const at = path.getPointAtLength(path.getTotalLength() / 2);
    const screen = new DOMPoint(at.x, at.y).matrixTransform(path.getScreenCTM()!);
    return { x: screen.x, y: screen.y };
  });
  const before = await viewportTransform(page);
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  await page.mouse.move(point.x + 60, point.y + 40, { steps: 6 });
  await page.mouse.up();
  expect(await viewportTransform(page)).not.toBe(before);

  // Search finds a replica by name (zoomed out, the region holding it).
  await page.locator("#graph-search").fill(`db2-${estate.slug.slice(6)}-c`);
  await expect(page.locator("#graph-search-status")).toHaveText(/^1 match$/);
  // The one region holding it is marked, and no other; clearing the search unmarks it.
  const marked = page.locator('[data-testid^="region-summary-"].ring-amber-400');
  await expect(marked).toHaveCount(1);
  await page.locator("#graph-search").fill("");
  await expect(marked).toHaveCount(0);

  // A click on a region opens everything, centred on it, and mounts only what is in view: the
  // most nodes in the page at any moment meanwhile (React Flow mounts every node whose size and
  // handles it does not know, in view or not).
  await canvas.evaluate((element) => {
    const w = window as never as { __mostNodes: number };
    w.__mostNodes = 0;
    new MutationObserver(() => {
      w.__mostNodes = Math.max(w.__mostNodes, element.querySelectorAll(".react-flow__node").length);
    }).observe(element, { childList: true, subtree: true });
  });
  await page.getByTestId(`region-summary-${estate.regions[3]!.code}`).click();
  await expect(canvas).toHaveAttribute("data-detail", "graph", { timeout: 30_000 });
  await expect(page.getByTestId(`region-node-${estate.regions[3]!.code}`)).toBeInViewport({ timeout: 30_000 });
  const mostNodes = await page.evaluate(() => (window as never as { __mostNodes: number }).__mostNodes);
  expect(mostNodes).toBeGreaterThan(0);
  expect(mostNodes).toBeLessThan(estate.nodes / 2);
  await expect(page.getByRole("complementary", { name: "Selected element" })).toContainText(estate.regions[3]!.code);
  await page.getByRole("button", { name: "Close details" }).click();

  // Zooming out far closes the regions again; zooming in opens them.
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12 && (await canvas.getAttribute("data-detail")) === "graph"; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(250);
  }
  await expect(canvas).toHaveAttribute("data-detail", "overview", { timeout: 30_000 });
  await expect(victimNode).toHaveAttribute("data-status", "DOWN");
  for (let i = 0; i < 20 && (await canvas.getAttribute("data-detail")) === "overview"; i++) {
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(250);
  }
  await expect(canvas).toHaveAttribute("data-detail", "graph", { timeout: 30_000 });

  // "Everything" from the toolbar fits the whole graph, far below the zoom that closes regions:
  // only the user's zoom closes them, not the fit itself.
  await page.getByLabel("Detail").selectOption("regions");
  await expect(canvas).toHaveAttribute("data-detail", "overview", { timeout: 30_000 });
  await page.getByLabel("Detail").selectOption("everything");
  await expect(page.locator('[data-testid^="region-node-"]').first()).toBeAttached({ timeout: 30_000 });
  // The fit ends within a few frames; before the fix it closed the regions right then.
  await page.waitForTimeout(1_500);
  await expect(canvas).toHaveAttribute("data-detail", "graph");

  const cleared = await callMutation(page, "telemetry.clearFault", { faultId: fault.id });
  expect(cleared.ok()).toBe(true);
});
