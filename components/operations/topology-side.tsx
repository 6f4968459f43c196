// One side of the before/after comparison: replicas (role, writable), links, routing rules.
// With `compareWith`, rows that differ from it are highlighted as changed.
import type { TPlanTopology } from "@/lib/operations/contracts";
import { label } from "@/lib/topology/words";

const CHANGED = "rounded bg-sky-50 ring-1 ring-sky-300 dark:bg-sky-950/50 dark:ring-sky-800";

export function TopologySide({
  title,
  topology,
  compareWith,
}: {
  title: string;
  topology: TPlanTopology;
  compareWith?: TPlanTopology;
}) {
  const nameOf = (id: string) =>
    topology.replicas.find((replica) => replica.id === id)?.name ??
    compareWith?.replicas.find((replica) => replica.id === id)?.name ??
    id;
  const replicaChanged = (replica: TPlanTopology["replicas"][number]) => {
    const was = compareWith?.replicas.find((one) => one.id === replica.id);
    return !!compareWith && (!was || was.role !== replica.role || was.writable !== replica.writable);
  };
  const linkChanged = (link: TPlanTopology["links"][number]) =>
    !!compareWith && !compareWith.links.some((one) => one.source === link.source && one.target === link.target);
  const ruleChanged = (rule: TPlanTopology["routing"][number]) =>
    !!compareWith &&
    !compareWith.routing.some(
      (one) =>
        one.policy === rule.policy &&
        one.region === rule.region &&
        one.weight === rule.weight &&
        one.priority === rule.priority &&
        one.drained === rule.drained,
    );

  return (
    <section
      aria-label={`Topology ${title.toLowerCase()}`}
      data-testid={`topology-${title.toLowerCase()}`}
      className="space-y-3 text-sm"
    >
      <h3 className="font-semibold">{title}</h3>
      <div>
        <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Replicas</h4>
        <ul className="mt-1 space-y-1">
          {topology.replicas.map((replica) => (
            <li
              key={replica.id}
              className={`flex items-center justify-between gap-2 px-1.5 py-0.5 ${replicaChanged(replica) ? CHANGED : ""}`}
            >
              <span>
                {replica.name} <span className="text-xs text-slate-500">{replica.regionCode}</span>
              </span>
              <span className="text-xs">
                <span
                  className={replica.role === "PRIMARY" ? "font-semibold text-emerald-700 dark:text-emerald-400" : ""}
                >
                  {label(replica.role)}
                </span>
                <span className="text-slate-500"> · {replica.writable ? "writable" : "read-only"}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Replication</h4>
        {topology.links.length === 0 ? <p className="text-xs text-slate-500">No links.</p> : null}
        <ul className="mt-1 space-y-1">
          {topology.links.map((link) => (
            <li key={link.id} className={`px-1.5 py-0.5 ${linkChanged(link) ? CHANGED : ""}`}>
              {nameOf(link.source)} → {nameOf(link.target)}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">Routing</h4>
        {topology.routing.length === 0 ? <p className="text-xs text-slate-500">No routing rules.</p> : null}
        <ul className="mt-1 space-y-1">
          {topology.routing.map((rule) => (
            <li
              key={`${rule.policy}-${rule.region}`}
              className={`flex justify-between gap-2 px-1.5 py-0.5 ${ruleChanged(rule) ? CHANGED : ""}`}
            >
              <span>
                {rule.policy} → {rule.region}
              </span>
              <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
                weight {rule.weight} · priority {rule.priority}
                {rule.drained ? (
                  <span className="ml-1 font-medium text-amber-700 dark:text-amber-400">· drained</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
