"use client";

// Finds nodes by name or code: every hit is highlighted as you type; Enter centres on the next one.
import { useReactFlow } from "@xyflow/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

import type { TopologyNode } from "./graph-types";

const TYPE_ORDER: Record<TopologyNode["type"], number> = {
  region: 0,
  mapRegion: 0,
  regionSummary: 0,
  replica: 1,
  policy: 2,
  stack: 3,
};

/** Nodes matching the query, best first: whole words, then prefixes, then anywhere; regions first. */
export function searchNodes(nodes: readonly TopologyNode[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { id: string; score: number }[] = [];
  for (const node of nodes) {
    const text = node.data.searchText;
    const words = text.split(/\s+/);
    const score = words.includes(q) ? 0 : words.some((word) => word.startsWith(q)) ? 1 : text.includes(q) ? 2 : -1;
    if (score >= 0) scored.push({ id: node.id, score: score * 10 + TYPE_ORDER[node.type] });
  }
  return scored.sort((a, b) => a.score - b.score).map((hit) => hit.id);
}

export function GraphSearch({
  query,
  onQueryChange,
  matches,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  matches: readonly string[];
}) {
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  const [cursor, setCursor] = useState(0);

  function centreOn(id: string) {
    const node = getInternalNode(id);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    void setCenter(x + (node.measured.width ?? 0) / 2, y + (node.measured.height ?? 0) / 2, {
      zoom: Math.max(getZoom(), 1),
      duration: 400,
    });
  }

  const status = !query.trim()
    ? ""
    : matches.length === 0
      ? `No node matches “${query.trim()}”`
      : `${matches.length} match${matches.length === 1 ? "" : "es"}${cursor > 0 ? `, showing ${((cursor - 1) % matches.length) + 1}` : ""}`;

  return (
    <form
      role="search"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const id = matches[cursor % Math.max(matches.length, 1)];
        if (!id) return;
        centreOn(id);
        setCursor(cursor + 1);
      }}
    >
      <label htmlFor="graph-search" className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Find node
      </label>
      <input
        id="graph-search"
        type="search"
        value={query}
        placeholder="Region code, replica, policy…"
        onChange={(e) => {
          onQueryChange(e.target.value);
          setCursor(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            onQueryChange("");
            setCursor(0);
          }
        }}
        aria-describedby="graph-search-status"
        className="h-8 w-56 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <Button type="submit" size="sm" disabled={matches.length === 0}>
        Find
      </Button>
      <span id="graph-search-status" role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {status}
      </span>
    </form>
  );
}
