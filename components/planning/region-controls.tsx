"use client";

// One region of the scenario: its provider, whether it stays, and each component's tier and count.
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import {
  PROVIDERS,
  TIERS,
  type TComponentKind,
  type TProvider,
  type TRegion,
  type TScenarioChange,
  type TTier,
} from "@/lib/cost";
import { label } from "@/lib/topology/words";

import { CountInput } from "./count-input";

export function RegionControls({
  region,
  onPropose,
}: {
  region: TRegion;
  onPropose: (change: TScenarioChange) => void;
}) {
  const providerId = `scenario-provider-${region.id}`;
  const kindWords = (kind: TComponentKind) => label(kind).toLowerCase();
  return (
    <section
      aria-label={`Region ${region.code}`}
      className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <h4 className="text-sm font-semibold">{region.code}</h4>
        <span className="text-xs text-slate-500">{label(region.continent)}</span>
        {region.isPrimary ? <Badge tone="info">primary</Badge> : null}
        <div className="ml-auto flex items-center gap-2">
          <label htmlFor={providerId} className="text-xs text-slate-600 dark:text-slate-400">
            Provider
          </label>
          <div className="w-32">
            <Select
              id={providerId}
              options={PROVIDERS}
              value={region.provider}
              onChange={(e) =>
                onPropose({ kind: "setProvider", regionId: region.id, provider: e.target.value as TProvider })
              }
            />
          </div>
          {/* The primary cannot go: the cost model (and a real estate) needs one to fail over from. */}
          {region.isPrimary ? null : (
            <Button
              variant="dangerQuiet"
              size="sm"
              aria-label={`Remove region ${region.code}`}
              onClick={() => onPropose({ kind: "removeRegion", regionId: region.id })}
            >
              Remove
            </Button>
          )}
        </div>
      </header>
      {region.components.length === 0 ? (
        <p className="text-xs text-slate-500">No components.</p>
      ) : (
        <Table caption={`Components of ${region.code}`}>
          <thead>
            <tr>
              <Th>Component</Th>
              <Th>Tier</Th>
              <Th>Instances</Th>
            </tr>
          </thead>
          <tbody>
            {region.components.map((component) => {
              const tierId = `scenario-tier-${region.id}-${component.kind}`;
              const countId = `scenario-count-${region.id}-${component.kind}`;
              return (
                <tr key={component.kind}>
                  <Td>
                    {label(component.kind)}{" "}
                    <span className="text-xs text-slate-500">{component.modelSize ?? component.instanceSize}</span>
                  </Td>
                  <Td>
                    <label
                      htmlFor={tierId}
                      className="sr-only"
                    >{`Tier of ${kindWords(component.kind)} in ${region.code}`}</label>
                    <div className="w-36">
                      <Select
                        id={tierId}
                        options={TIERS}
                        value={component.tier}
                        onChange={(e) =>
                          onPropose({
                            kind: "setTier",
                            regionId: region.id,
                            component: component.kind,
                            tier: e.target.value as TTier,
                          })
                        }
                      />
                    </div>
                  </Td>
                  <Td>
                    <label
                      htmlFor={countId}
                      className="sr-only"
                    >{`Instances of ${kindWords(component.kind)} in ${region.code}`}</label>
                    <CountInput
                      id={countId}
                      value={component.instanceCount}
                      onCount={(instanceCount) =>
                        onPropose({
                          kind: "setInstanceCount",
                          regionId: region.id,
                          component: component.kind,
                          instanceCount,
                        })
                      }
                    />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
