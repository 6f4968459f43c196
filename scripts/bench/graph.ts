// `npm run bench:graph`: the live graph in Chromium at 50, 200, 500 and 1,000 nodes. It serves the
// production build (built first if stale) with the e2e server script (fresh PostgreSQL, demo seed,
// worker at a 1-second interval) on BENCH_PORT (default E2E_PORT + 2, else 3502), builds each deployment through the API as an
// operator, and in a 1440x900 page measures:
//   - navigation to every region drawn, the longest main-thread task meanwhile, and the longest
//     while the layout ran (the page's "meridian-layout" performance measures, request to answer);
//   - opening everything on a large graph (the second layout) and its longest task; then, both
//     layouts known, a click on a region at the fitted view to its detail drawn, and its longest task;
//   - 30 s of live updates: long tasks (> 50 ms, PerformanceObserver "longtask"), frames over
//     50 ms (rAF gaps), a snapshot's arrival on the EventSource to the next rAF after the last
//     commit that shows it (the "as of" status line, or the graph's nodes and edges), and to the end
//     of that frame (its paint); to the graph's last DOM change (the tick's work, no frame wait);
//     how many snapshots the first frame after their arrival showed, and the wait for that frame
//     (the part of "snapshot to frame" no work on the page can save);
//   - search: key press (a region's code typed, then erased) to the end of the frame showing its
//     result (or, if it changes nothing but the box, the box's frame), a live tick's recolouring
//     meanwhile left out; wheel zoom and drag pan: input to frame;
//   - the JS heap after a GC; the region names' size on screen at the fitted view.
//   npm run bench:graph -- [sizes=50,200,500,1000] [liveSeconds=30]
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { chromium, type Page } from "@playwright/test";

import demoUsers from "../../prisma/seed/demo-users.json" with { type: "json" };
import { ensureBuild, root } from "../lib/steps.mjs";
import { buildEstate, type BuiltEstate, type Mutate } from "./large-estate";

const sizes = (process.argv[2] ?? "50,200,500,1000").split(",").map(Number);
const liveSeconds = Number(process.argv[3] ?? 30);
// Beside the engineer's e2e server (E2E_PORT + 2), or 3502.
const port = Number(process.env.BENCH_PORT ?? (process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 2 : 3502));
const base = `http://localhost:${port}`;

// BENCH_PROFILE=<folder>: a CPU profile of the live phase is written there and summed up per function;
// the live phase and the first search key are traced and summed up per trace event.
const profileDir = process.env.BENCH_PROFILE;

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

/** Self time per function (and per script) over the profile, per snapshot received. */
function summarize(profile: CpuProfile, snapshots: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const perScript = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const script = frame.url.split("/").at(-1) || "(native)";
    const name = `${frame.functionName || "(anonymous)"} ${script}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    perScript.set(script, (perScript.get(script) ?? 0) + dt);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, total]) => `  ${(total / Math.max(1, snapshots)).toFixed(2)} ms/snapshot  ${name}`)
      .join("\n");
  return `self time per script:\n${top(perScript, 8)}\nper function:\n${top(self, 25)}`;
}

type TraceEvent = { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } };

/** Time per event name on the renderer's main thread (complete events, nested ones counted too), per `per`. */
function summarizeTrace(events: TraceEvent[], count: number, per = "snapshot"): string {
  // The page's renderer: the main thread with the most work.
  const busy = new Map<string, number>();
  const mains = new Set(
    events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  for (const e of events)
    if (e.ph === "X" && e.dur && mains.has(`${e.pid}:${e.tid}`))
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map<string, number>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== "X" || !e.dur) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([name, total]) => `  ${(total / Math.max(1, count)).toFixed(2)} ms/${per}  ${name}`)
    .join("\n");
}

/**
 * With BENCH_PROFILE, a CPU profile and a trace from now until the returned function is called
 * (half a second after, so the frames that follow count): written to the folder as `<name>.*`,
 * and summed up per function and per trace event. Without it, nothing.
 */
async function profileWhile(page: Page, name: string): Promise<() => Promise<void>> {
  if (!profileDir) return async () => {};
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  return async () => {
    await page.waitForTimeout(500);
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
    writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(`${name}, CPU:\n${summarize(profile, 1).replaceAll("ms/snapshot", "ms")}`);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    writeFileSync(join(profileDir, `${name}.trace.json`), JSON.stringify(trace));
    console.log(`${name}, main thread:\n${summarizeTrace(trace.traceEvents, 1, "whole")}`);
    await cdp.detach();
  };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "—");
const spread = (values: number[]) =>
  values.length
    ? `${ms(quantile(values, 0.5))} (p95 ${ms(quantile(values, 0.95))}, max ${ms(Math.max(...values))}, n ${values.length})`
    : "—";

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Installed before any page script: long tasks, snapshot arrivals, and a "frame after" helper. */
const PROBES = () => {
  const bench = {
    longtasks: [] as { start: number; duration: number }[],
    messages: [] as number[],
    snapshotFrames: [] as number[],
    frameGaps: [] as number[],
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  // tRPC's subscriptions arrive over EventSource: the time each message reaches the page.
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener("message", () => bench.messages.push(performance.now()));
    }
  };
};

/**
 * `__afterFrame` resolves with the time just after the next frame was produced (rAF, then a task
 * after its paint); `__nextFrame` with the time the next requestAnimationFrame callback ran.
 */
const AFTER_FRAME = `window.__afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(performance.now()); channel.port2.postMessage(0);
}));
window.__nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));`;

type Figures = Record<string, string>;

/**
 * The layouts since `since` (the page's performance measures, request to answer) and the longest
 * main-thread task overlapping any of them: what the page could not do while laying out.
 */
async function layoutBlocking(page: Page, since: number): Promise<string> {
  const { layouts, tasks } = await page.evaluate((from) => {
    const layouts = performance
      .getEntriesByType("measure")
      .filter((entry) => entry.name.startsWith("meridian-layout") && entry.startTime >= from)
      .map((entry) => ({ start: entry.startTime, end: entry.startTime + entry.duration }));
    const all = (window as never as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench
      .longtasks;
    const tasks = all
      .filter((task) => layouts.some((l) => task.start < l.end && task.start + task.duration > l.start))
      .map((task) => task.duration);
    return { layouts: layouts.map((l) => l.end - l.start), tasks };
  }, since);
  if (!layouts.length) return "no layout measured";
  return `layout ${layouts.map(ms).join("+")}; longest task meanwhile ${ms(Math.max(0, ...tasks))} (${tasks.length} over 50)`;
}

async function measure(page: Page, estate: BuiltEstate): Promise<Figures> {
  const figures: Figures = { nodes: String(estate.nodes), regions: String(estate.regions.length) };
  const regionCount = estate.regions.length;
  const start = Date.now();
  await page.goto(`/topology/${estate.slug}`);
  const navStart = await page.evaluate(() => performance.timeOrigin);
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid^="region-summary-"], [data-testid^="region-node-"]').length >= count,
    regionCount,
    { timeout: 120_000, polling: 50 },
  );
  const drawnAt = await page.evaluate(() => performance.now());
  figures.navigation = `${ms(Date.now() - start)} (page ${ms(drawnAt)})`;
  const detail = await page.getByTestId("graph-canvas").getAttribute("data-detail");
  figures.view = detail === "overview" ? "regions" : "everything";
  const duringLoad = await page.evaluate(() =>
    (window as never as { __bench: { longtasks: { duration: number }[] } }).__bench.longtasks.map((t) => t.duration),
  );
  figures.loadLongestTask = `${ms(Math.max(0, ...duringLoad))} (${duringLoad.length} over 50)`;
  void navStart;
  figures.layoutBlocking = await layoutBlocking(page, 0);

  // The fitted view: region names' size on screen.
  await page.waitForTimeout(1500);
  figures.regionNamePx = await page.evaluate(() => {
    const viewport = document.querySelector(".react-flow__viewport") as HTMLElement;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const code = document.querySelector(
      '[data-testid^="region-summary-"] span, [data-testid^="region-node-"] span',
    ) as HTMLElement;
    return `${(parseFloat(getComputedStyle(code).fontSize) * zoom).toFixed(1)} (zoom ${zoom.toFixed(3)})`;
  });

  // 30 s of live updates in the view the page opened with.
  await page.evaluate(AFTER_FRAME);
  const profiler = profileDir ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
    await profiler.send("Profiler.start");
    await page
      .context()
      .browser()!
      .startTracing(page, {
        path: join(profileDir!, `live-${estate.nodes}.trace.json`),
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
      });
  }
  const live = await page.evaluate(async (seconds) => {
    const bench = (
      window as never as { __bench: { longtasks: { start: number; duration: number }[]; messages: number[] } }
    ).__bench;
    const { __afterFrame: afterFrame } = window as never as Record<"__afterFrame", () => Promise<number>>;
    const from = performance.now();
    const status = [...document.querySelectorAll('p[role="status"]')].find((p) => p.textContent?.includes("as of"))!;
    const canvas = document.querySelector('[data-testid="graph-canvas"]')!;
    // Per snapshot (by its arrival), the frames that painted the changes it caused: the "as of"
    // status line, and the graph's nodes and edges (their text, and the status colours and RPO
    // marks they carry as attributes). The graph may commit after the status line (React Flow takes
    // new nodes into its store in an effect), so the snapshot is shown when the last of them is.
    type Seen = {
      status?: number;
      graph?: number;
      statusFrame?: number;
      graphFrame?: number;
      statusPaint?: number;
      graphPaint?: number;
      graphCommit?: number;
      records?: number;
    };
    const seen = new Map<number, Seen>();
    const watch = (where: "status" | "graph") => (records: MutationRecord[]) => {
      const message = bench.messages.filter((t) => t >= from).at(-1);
      if (message === undefined) return;
      const entry = seen.get(message) ?? {};
      seen.set(message, entry);
      // The commit: the snapshot's work (parse, render, DOM) without the wait for a frame.
      if (where === "graph") {
        entry.graphCommit = performance.now() - message;
        entry.records = (entry.records ?? 0) + records.length;
      }
      // The status line's first change after a snapshot is its time; later ones are its clock.
      if (where === "status" && entry.status !== undefined) return;
      if (where === "status") entry.status = Infinity;
      // The rAF's timestamp names its frame: every callback of one frame gets the same one.
      requestAnimationFrame((frame) => {
        const at = performance.now() - message;
        if (where === "status") [entry.status, entry.statusFrame] = [at, frame];
        else if (at > (entry.graph ?? 0)) [entry.graph, entry.graphFrame] = [at, frame];
      });
      void afterFrame().then((done) => {
        const key = where === "status" ? "statusPaint" : "graphPaint";
        entry[key] = Math.max(entry[key] ?? 0, done - message);
      });
    };
    const statusObserver = new MutationObserver(watch("status"));
    statusObserver.observe(status, { subtree: true, childList: true, characterData: true });
    const graphObserver = new MutationObserver(watch("graph"));
    graphObserver.observe(canvas, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["data-status", "data-over-rpo", "aria-label"],
    });
    const gaps: number[] = [];
    // Every frame produced meanwhile: its rAF timestamp and when its callbacks ran.
    const frames: { stamp: number; ran: number }[] = [];
    let last = performance.now();
    let running = true;
    const loop = (now: number) => {
      gaps.push(now - last);
      frames.push({ stamp: now, ran: performance.now() });
      last = now;
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    running = false;
    // Let the last snapshot's frames land before reading them.
    await new Promise((r) => setTimeout(r, 200));
    statusObserver.disconnect();
    graphObserver.disconnect();
    const tasks = bench.longtasks.filter((t) => t.start >= from).map((t) => t.duration);
    const entries = [...seen.values()];
    const shown = (entry: Seen) => Math.max(entry.status ?? 0, entry.graph ?? 0);
    const painted = (entry: Seen) => Math.max(entry.statusPaint ?? 0, entry.graphPaint ?? 0);
    const withGraph = entries.filter((entry) => entry.graph !== undefined);
    // A snapshot's arrival is known only as the key of its entry: pair them back up.
    const arrivals = [...seen.entries()];
    // The frames produced after a snapshot arrived but before the one that showed it: 0 when the
    // snapshot reached the first frame it could, whatever the wait for that frame was.
    const framesMissed = arrivals.map(([message, entry]) => {
      const shownIn = Math.max(entry.statusFrame ?? 0, entry.graphFrame ?? 0);
      return frames.filter((frame) => frame.ran > message && frame.stamp < shownIn).length;
    });
    // The wait for the first frame after arrival: what no work on the page could save.
    const firstFrameWait = arrivals.map(
      ([message]) => (frames.find((frame) => frame.ran > message)?.ran ?? message) - message,
    );
    return {
      framesMissed,
      firstFrameWait,
      tasks,
      gaps: gaps.filter((g) => g > 50),
      toFrame: entries.map(shown),
      toPaint: entries.map(painted),
      statusToFrame: entries.filter((e) => e.status !== undefined).map((e) => e.status!),
      graphToFrame: withGraph.map((e) => e.graph!),
      graphCommit: withGraph.map((e) => e.graphCommit!),
      records: withGraph.map((e) => e.records!),
      graphLater: withGraph.filter((e) => e.statusFrame !== undefined && e.graphFrame! > e.statusFrame).length,
      messages: bench.messages.filter((t) => t >= from).length,
    };
  }, liveSeconds);
  if (profiler) {
    const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    console.log(`live trace, main thread:\n${summarizeTrace(trace.traceEvents, live.messages)}`);
    const { profile } = (await profiler.send("Profiler.stop")) as { profile: CpuProfile };
    const file = join(profileDir!, `live-${estate.nodes}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`live CPU profile: ${file}\n${summarize(profile, live.messages)}`);
    await profiler.detach();
  }
  figures.liveLongTasks = live.tasks.length
    ? `${live.tasks.length} (median ${ms(quantile(live.tasks, 0.5))}, max ${ms(Math.max(...live.tasks))})`
    : "0";
  figures.liveFramesOver50 = String(live.gaps.length);
  figures.snapshots = String(live.messages);
  figures.snapshotToFrame = spread(live.toFrame);
  figures.snapshotInFirstFrame = `${live.framesMissed.filter((n) => n === 0).length} of ${live.framesMissed.length}; one frame late ${live.framesMissed.filter((n) => n === 1).length}; later ${live.framesMissed.filter((n) => n > 1).length}`;
  figures.snapshotToFirstFrameAfterIt = spread(live.firstFrameWait);
  figures.snapshotToPaint = spread(live.toPaint);
  figures.statusLineToFrame = spread(live.statusToFrame);
  figures.snapshotToGraphCommit = spread(live.graphCommit);
  figures.graphMutationsPerSnapshot = spread(live.records);
  figures.graphToFrame = `${spread(live.graphToFrame)}; in a later frame than the status ${live.graphLater}`;

  // Search: each key press to the frame after the last change it caused (status or highlights).
  const search = page.locator("#graph-search");
  await search.click();
  const searchTimes: number[] = [];
  const searchKeys: string[] = [];
  const query = `${estate.regions[Math.min(14, regionCount - 1)]!.code}`;
  // Typed, then erased key by key: 16 keys, each one changing the hits.
  const typed = [...query.slice(-8)];
  // With BENCH_PROFILE, the first key (the costliest: it brings the match count in) is traced.
  let tracing = false;
  if (profileDir) {
    await page
      .context()
      .browser()!
      .startTracing(page, {
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
      });
    tracing = true;
  }
  for (const key of [...typed, ...typed.map(() => "Backspace")]) {
    await page.evaluate(() => {
      const w = window as never as { __key?: { at: number; last: number }; __keyObserver?: MutationObserver };
      const afterFrame = (window as never as { __afterFrame: () => Promise<number> }).__afterFrame;
      w.__key = { at: 0, last: 0 };
      // The key's own frame (the box shows the character) counts when it changes nothing else.
      document.addEventListener(
        "keydown",
        () => {
          w.__key!.at = performance.now();
          void afterFrame().then((done) => (w.__key!.last = Math.max(w.__key!.last, done)));
        },
        { capture: true, once: true },
      );
      w.__keyObserver?.disconnect();
      // Each change the key caused, to the end of the frame that paints it; the last one counts.
      // Only the search's own changes: a live tick meanwhile recolours nodes too, and is not the key's.
      const hit = (className: string | null) => !!className?.includes("ring-amber-400");
      w.__keyObserver = new MutationObserver((records) => {
        const own = records.some(
          (record) =>
            record.type !== "attributes" ||
            hit(record.oldValue) !== hit((record.target as Element).getAttribute("class")),
        );
        if (own) void afterFrame().then((done) => (w.__key!.last = Math.max(w.__key!.last, done)));
      });
      w.__keyObserver.observe(document.querySelector("#graph-search-status")!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      w.__keyObserver.observe(document.querySelector('[data-testid="graph-canvas"]')!, {
        subtree: true,
        attributes: true,
        attributeOldValue: true,
        attributeFilter: ["class"],
      });
    });
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
    const took = await page.evaluate(() => {
      const w = window as never as { __key: { at: number; last: number } };
      return w.__key.last && w.__key.at ? w.__key.last - w.__key.at : null;
    });
    if (took !== null) searchTimes.push(took);
    if (tracing) {
      tracing = false;
      const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      console.log(`first search key, main thread:\n${summarizeTrace(trace.traceEvents, 1, "key")}`);
    }
    searchKeys.push(`${key === "Backspace" ? "⌫" : key} ${took === null ? "-" : ms(took)}`);
  }
  figures.searchKeyToFrame = spread(searchTimes);
  figures.searchEachKey = searchKeys.join(", ");
  await search.fill("");

  // Wheel zoom (out, so the detail stays) and drag pan: input to the frame after the viewport moved.
  const canvas = (await page.getByTestId("graph-canvas").boundingBox())!;
  const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  const inputToFrame = async (act: () => Promise<void>) => {
    await page.evaluate(() => {
      const w = window as never as { __move: { at: number; moved: number } };
      w.__move = { at: 0, moved: 0 };
      const afterFrame = (window as never as { __afterFrame: () => Promise<number> }).__afterFrame;
      const viewport = document.querySelector(".react-flow__viewport")!;
      for (const type of ["wheel", "pointermove"])
        document.addEventListener(type, () => (w.__move.at ||= performance.now()), { capture: true, once: true });
      // The viewport's first move, to the end of the frame that paints it.
      const observer = new MutationObserver(() => {
        observer.disconnect();
        void afterFrame().then((done) => (w.__move.moved ||= done));
      });
      observer.observe(viewport, { attributes: true, attributeFilter: ["style"] });
    });
    await act();
    await page.waitForTimeout(150);
    return page.evaluate(() => {
      const w = window as never as { __move: { at: number; moved: number } };
      return w.__move.moved && w.__move.at ? w.__move.moved - w.__move.at : null;
    });
  };
  const zoomTimes: number[] = [];
  const panTimes: number[] = [];
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 8; i++) {
    const took = await inputToFrame(() => page.mouse.wheel(0, i % 2 ? -60 : 60));
    if (took !== null) zoomTimes.push(took);
  }
  await page.mouse.down();
  for (let i = 0; i < 12; i++) {
    const took = await inputToFrame(() => page.mouse.move(centre.x + (i % 2 ? 0 : 40), centre.y + 20 * (i % 3)));
    if (took !== null) panTimes.push(took);
  }
  await page.mouse.up();
  figures.zoomInputToFrame = spread(zoomTimes);
  figures.panInputToFrame = spread(panTimes);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  figures.heapMB = (heap.usedSize / 1e6).toFixed(1);

  // Opening everything on a large graph: the second layout, and what blocks meanwhile.
  if (figures.view === "regions") {
    const from = await page.evaluate(() => performance.now());
    const openProfile = await profileWhile(page, `open-${estate.nodes}`);
    const opened = Date.now();
    await page.getByLabel("Detail").selectOption("everything");
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="graph-canvas"]')?.getAttribute("data-detail") === "graph" &&
        document.querySelectorAll('[data-testid^="region-node-"]').length > 0,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    figures.openEverything = ms(Date.now() - opened);
    await openProfile();
    const tasks = await page.evaluate(
      (since) =>
        (window as never as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench.longtasks
          .filter((t) => t.start >= since)
          .map((t) => t.duration),
      from,
    );
    figures.openLongestTask = `${ms(Math.max(0, ...tasks))} (${tasks.length} over 50)`;
    figures.openLayoutBlocking = await layoutBlocking(page, from);
    await page.waitForTimeout(1000);
    const detailLive = await page.evaluate(
      async (seconds) => {
        const bench = (window as never as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench;
        const from = performance.now();
        await new Promise((r) => setTimeout(r, seconds * 1000));
        return bench.longtasks.filter((t) => t.start >= from).map((t) => t.duration);
      },
      Math.min(liveSeconds, 15),
    );
    figures.everythingLiveLongTasks = detailLive.length
      ? `${detailLive.length} in ${Math.min(liveSeconds, 15)} s (max ${ms(Math.max(...detailLive))})`
      : `0 in ${Math.min(liveSeconds, 15)} s`;

    // Back to the regions, then a click on one at the fitted view: the way an SRE opens a region.
    // Both layouts are known by now, so this is the switch and the mounting around the region.
    await page.getByLabel("Detail").selectOption("regions");
    const region = page.getByTestId(`region-summary-${estate.regions[Math.floor(regionCount / 2)]!.code}`);
    await region.waitFor();
    await page.waitForTimeout(1000);
    const clickedFrom = await page.evaluate(() => performance.now());
    const clickProfile = await profileWhile(page, `click-${estate.nodes}`);
    const clicked = Date.now();
    await region.click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="graph-canvas"]')?.getAttribute("data-detail") === "graph" &&
        document.querySelectorAll('[data-testid^="region-node-"]').length > 0,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    figures.clickRegionOpen = ms(Date.now() - clicked);
    await clickProfile();
    await page.waitForTimeout(1000);
    const clickTasks = await page.evaluate(
      (since) =>
        (window as never as { __bench: { longtasks: { start: number; duration: number }[] } }).__bench.longtasks
          .filter((t) => t.start >= since)
          .map((t) => t.duration),
      clickedFrom,
    );
    figures.clickRegionLongestTask = `${ms(Math.max(0, ...clickTasks))} (${clickTasks.length} over 50)`;
  }
  return figures;
}

async function main() {
  ensureBuild();
  const server = spawn("node", ["scripts/e2e-server.mjs", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => server.pid && process.kill(server.pid, "SIGTERM");
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    await waitFor(`${base}/sign-in`, 180_000);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    // tsx compiles with keepNames: functions handed to the page call its `__name` helper.
    await context.addInitScript({ content: "window.__name = (target) => target;" });
    await context.addInitScript(PROBES);
    const page = await context.newPage();
    const operator = demoUsers.find((user) => user.role === "OPERATOR")!;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(operator.email);
    await page.getByLabel("Password").fill(operator.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-user").waitFor();
    const mutate: Mutate = async (path, input) => {
      const response = await page.request.post(`/api/trpc/${path}`, {
        data: { json: input },
        headers: { "content-type": "application/json", origin: base },
      });
      const body = await response.json();
      if (!response.ok()) throw new Error(`${path} refused: ${JSON.stringify(body)}`);
      return body.result.data.json;
    };

    const rows: Figures[] = [];
    for (const size of sizes) {
      const built = Date.now();
      const estate = await buildEstate(mutate, { nodes: size, tag: `b${size}t${Date.now() % 10_000}` });
      console.log(`built ${estate.slug}: ${estate.nodes} nodes in ${((Date.now() - built) / 1000).toFixed(0)} s`);
      const figures = await measure(page, estate);
      console.log(figures);
      rows.push(figures);
      await page.goto("/topology");
    }
    const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    console.log(`\n| figure (ms unless said) | ${rows.map((row) => `${row.nodes} nodes`).join(" | ")} |`);
    console.log(`|---|${rows.map(() => "---").join("|")}|`);
    for (const key of keys) console.log(`| ${key} | ${rows.map((row) => row[key] ?? "—").join(" | ")} |`);
  } finally {
    await browser.close();
    stop();
    await new Promise((r) => setTimeout(r, 2000));
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
