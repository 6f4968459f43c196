"use client";

// The graph's display controls: regions only or everything (zooming does the same on a large
// graph), one cluster or all, what to find, lag labels and the minimap.
import { FIND_OPTIONS, type FindFilter } from "./graph-filters";

export type Detail = "regions" | "everything";

const CONTROL =
  "h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

export function GraphToolbar({
  detail,
  onDetail,
  clusters,
  cluster,
  onCluster,
  find,
  onFind,
  labels,
  onLabels,
  minimap,
  onMinimap,
}: {
  detail: Detail;
  onDetail: (detail: Detail) => void;
  clusters: readonly string[];
  cluster: string;
  onCluster: (cluster: string) => void;
  find: FindFilter;
  onFind: (find: FindFilter) => void;
  labels: boolean;
  onLabels: (labels: boolean) => void;
  minimap: boolean;
  onMinimap: (minimap: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      <label className="flex items-center gap-1">
        Show
        <select
          aria-label="Detail"
          value={detail}
          onChange={(e) => onDetail(e.target.value as Detail)}
          className={CONTROL}
        >
          <option value="regions">Regions only</option>
          <option value="everything">Everything</option>
        </select>
      </label>
      <label className="flex items-center gap-1">
        Cluster
        <select aria-label="Cluster" value={cluster} onChange={(e) => onCluster(e.target.value)} className={CONTROL}>
          <option value="">All</option>
          {clusters.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Find
        <select
          aria-label="Find regions"
          value={find}
          onChange={(e) => onFind(e.target.value as FindFilter)}
          className={CONTROL}
        >
          {FIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={labels} onChange={(e) => onLabels(e.target.checked)} />
        Lag labels
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={minimap} onChange={(e) => onMinimap(e.target.checked)} />
        Minimap
      </label>
    </div>
  );
}
