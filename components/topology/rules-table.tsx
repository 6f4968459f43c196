"use client";

// A policy's rules: one per region, with weight, priority, geo match, and whether traffic flows there.
import { useMutation } from "@tanstack/react-query";
import { Fragment, useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Badge } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { PRIORITY_ACTS, WEIGHT_ACTS } from "@/lib/topology/steering";

import { DeleteButton } from "./delete-button";
import type { CatalogRegion, Policy, Rule } from "./model-types";
import { RuleAddForm, RuleEditForm } from "./rule-form";
import { useRefreshModel } from "./use-refresh-model";

export function RulesTable({ policy, regions }: { policy: Policy; regions: CatalogRegion[] }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const codeOf = (regionId: string) => regions.find((region) => region.id === regionId)?.code ?? "—";
  const columns = canEdit ? 6 : 5;

  return (
    <div className="space-y-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Rules</h3>
      {policy.rules.length === 0 ? (
        <p className="text-sm text-slate-500">No rules yet: this policy sends traffic nowhere.</p>
      ) : (
        <Table caption={`Rules of ${policy.name}`}>
          <thead>
            <tr>
              <Th>Region</Th>
              <Th className="text-right">Weight</Th>
              <Th className="text-right">Priority</Th>
              <Th>Geo match</Th>
              <Th>State</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {policy.rules.map((rule) => {
              const code = codeOf(rule.regionId);
              return (
                <Fragment key={rule.id}>
                  <tr>
                    <Td className="font-mono text-xs font-medium">{code}</Td>
                    <Td className="text-right">{WEIGHT_ACTS[policy.steering] ? rule.weight : <Unused />}</Td>
                    <Td className="text-right">{PRIORITY_ACTS[policy.steering] ? rule.priority : <Unused />}</Td>
                    <Td>
                      {rule.geoMatch.length ? rule.geoMatch.join(", ") : <span className="text-slate-500">any</span>}
                    </Td>
                    <Td>
                      <span className="flex flex-wrap gap-1">
                        {rule.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="bad">Disabled</Badge>}
                        {rule.drained ? <Badge tone="warn">Drained</Badge> : null}
                      </span>
                    </Td>
                    {canEdit ? (
                      <Td>
                        <RuleRowActions rule={rule} regionCode={code} onEdit={() => setEditingId(rule.id)} />
                      </Td>
                    ) : null}
                  </tr>
                  {editingId === rule.id ? (
                    <tr>
                      <Td colSpan={columns}>
                        <RuleEditForm rule={rule} regionCode={code} onDone={() => setEditingId(null)} />
                      </Td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      )}
      {canEdit && !adding ? (
        <Button size="sm" onClick={() => setAdding(true)}>
          Add rule
        </Button>
      ) : null}
      {adding ? <RuleAddForm policy={policy} regions={regions} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

/** Drain and disable are the everyday switches, so they are one click; weight and priority open a form. */
function RuleRowActions({ rule, regionCode, onEdit }: { rule: Rule; regionCode: string; onEdit: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const update = useMutation(trpc.topology.updateRule.mutationOptions({ onSuccess: () => refreshModel() }));
  const remove = useMutation(trpc.topology.deleteRule.mutationOptions({ onSuccess: () => refreshModel() }));
  const drainLabel = rule.drained ? "Undrain" : "Drain";
  const enableLabel = rule.enabled ? "Disable" : "Enable";

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-start justify-end gap-1">
        <Button
          size="sm"
          aria-label={`${drainLabel} ${regionCode}`}
          disabled={update.isPending}
          onClick={() => update.mutate({ id: rule.id, drained: !rule.drained })}
        >
          {drainLabel}
        </Button>
        <Button
          size="sm"
          aria-label={`${enableLabel} ${regionCode}`}
          disabled={update.isPending}
          onClick={() => update.mutate({ id: rule.id, enabled: !rule.enabled })}
        >
          {enableLabel}
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Edit rule for ${regionCode}`} onClick={onEdit}>
          Edit
        </Button>
        <DeleteButton
          label="Remove"
          ariaLabel={`Remove rule for ${regionCode}`}
          confirmText={`Remove the rule that routes to ${regionCode}?`}
          onDelete={() => remove.mutate({ id: rule.id })}
          isPending={remove.isPending}
          error={remove.error}
        />
      </div>
      {update.error ? (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {errorMessage(update.error)}
        </p>
      ) : null}
    </div>
  );
}

/** A figure the policy's steering does not act on (lib/topology/steering.ts). */
function Unused() {
  return (
    <span className="text-slate-500" title="Not used by this policy's steering">
      —<span className="sr-only">not used by this policy&apos;s steering</span>
    </span>
  );
}
