// The table the lab's workload writes to on the lab servers: one row per write, keyed by the ids
// the workload chose (its run and a counter), so the ledger can ask for each acknowledged id.
export const WORKLOAD_TABLE = "meridian_lab_writes";

export const CREATE_WORKLOAD_TABLE = `
  create table if not exists ${WORKLOAD_TABLE} (
    run_id uuid not null,
    id bigint not null,
    written_at timestamptz not null default now(),
    primary key (run_id, id)
  )`;

/** `cluster_name` of a lab server is `<deployment>/<region>`: the region that answered. */
export function regionOfClusterName(clusterName: string): string {
  return clusterName.split("/").at(-1) ?? clusterName;
}
