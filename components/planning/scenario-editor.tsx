"use client";

// The what-if controls. Each control adds (or replaces) one typed change; the page re-prices the
// scenario in the browser on every change, so the totals follow the controls without a round trip.
import type { ReactNode } from "react";

import { Field, Select } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import {
  DR_MODELS,
  ROUTING_PRODUCTS,
  type TDrModel,
  type TEstate,
  type TRoutingProduct,
  type TScenarioChange,
} from "@/lib/cost";

import { AddRegionForm } from "./add-region-form";
import { ChangeList } from "./change-list";
import { RegionControls } from "./region-controls";
import { ReplicationControls } from "./replication-controls";

export type TScenarioEditorProps = {
  baseEstate: TEstate;
  /** The scenario as it stands (the deployment itself when the changes cannot be applied). */
  estate: TEstate;
  changes: readonly TScenarioChange[];
  regionCode: (regionId: string) => string;
  /** The cost model's refusal of the last control touched, or of a loaded scenario. */
  problem: string | null;
  onPropose: (change: TScenarioChange) => void;
  onRemove: (index: number) => void;
  onReset: () => void;
};

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

export function ScenarioEditor({
  baseEstate,
  estate,
  changes,
  regionCode,
  problem,
  onPropose,
  onRemove,
  onReset,
}: TScenarioEditorProps) {
  return (
    <Card title="Scenario editor">
      <div className="space-y-6">
        {problem ? (
          <p
            role="alert"
            className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/60 dark:text-rose-300"
          >
            {problem}
          </p>
        ) : null}
        <Group title="Deployment">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="scenario-dr-model" label="DR model" hint="Reshapes every secondary region as the model runs it">
              <Select
                id="scenario-dr-model"
                options={DR_MODELS}
                value={estate.deployment.drModel}
                onChange={(e) => onPropose({ kind: "setDrModel", drModel: e.target.value as TDrModel })}
              />
            </Field>
            <Field id="scenario-routing" label="Routing product">
              <Select
                id="scenario-routing"
                options={ROUTING_PRODUCTS}
                value={estate.routing.product}
                onChange={(e) => onPropose({ kind: "setRoutingProduct", product: e.target.value as TRoutingProduct })}
              />
            </Field>
          </div>
        </Group>
        <Group title="Regions">
          <div className="grid gap-3 xl:grid-cols-2">
            {estate.regions.map((region) => (
              <RegionControls key={region.id} region={region} onPropose={onPropose} />
            ))}
          </div>
          <AddRegionForm estate={estate} onPropose={onPropose} />
        </Group>
        <Group title="Replication">
          <ReplicationControls baseEstate={baseEstate} estate={estate} regionCode={regionCode} onPropose={onPropose} />
        </Group>
        <Group title="Changes">
          <ChangeList changes={changes} regionCode={regionCode} onRemove={onRemove} onReset={onReset} />
        </Group>
      </div>
    </Card>
  );
}
