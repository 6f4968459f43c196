"use client";

// One deployment's plan: its monthly cost (priced in the browser), a what-if scenario editor that
// re-prices on every change, the comparison, event costs, readiness and residency. A saved scenario
// opens from the address (?scenario=<id>), so a link to it can be shared.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { PageHeader } from "@/components/ui/layout";
import { costWithChanges, type TScenarioChange } from "@/lib/cost";
import type { PlanningInput, ScenarioRow } from "@/lib/planning/contracts";

import { BaselineSection } from "./baseline-section";
import { Comparison } from "./comparison";
import { EventCosts } from "./event-costs";
import { buildOptions } from "./plan-options";
import { Readiness } from "./readiness";
import { ResidencyRules } from "./residency-rules";
import { SaveScenario } from "./save-scenario";
import { SavedScenarios } from "./saved-scenarios";
import { ScenarioEditor } from "./scenario-editor";
import { withChange } from "./scenario-math";
import { ScenarioSummary } from "./scenario-summary";

export function PlanPage({ slug, scenarioId }: { slug: string; scenarioId?: string }) {
  const trpc = useTRPC();
  const input = useQuery(trpc.planning.input.queryOptions({ idOrSlug: slug }));
  const scenario = useQuery({
    ...trpc.planning.scenario.queryOptions({ id: scenarioId ?? "" }),
    enabled: scenarioId !== undefined,
  });
  // A scenario that no longer applies to the model is refused by `scenario`; the list still holds its
  // changes, so the editor can open them and show which one is at fault.
  const fallback = useQuery({
    ...trpc.planning.scenarios.queryOptions({ deploymentId: input.data?.deploymentId ?? "" }),
    enabled: scenario.isError && !!input.data,
  });

  if (
    input.isPending ||
    (scenarioId !== undefined && (scenario.isPending || (scenario.isError && fallback.isPending)))
  ) {
    return <p className="text-sm text-slate-500">Loading the plan…</p>;
  }
  if (input.isError)
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(input.error)}
      </p>
    );

  const loaded = scenario.data?.scenario ?? fallback.data?.find((row) => row.id === scenarioId);
  // A link can name a scenario of another deployment: open the plan without it rather than mix them.
  const foreign = !!loaded && loaded.deploymentId !== input.data.deploymentId;
  const scenarioProblem = foreign
    ? `The linked scenario “${loaded.name}” belongs to another deployment; the editor starts from this one instead.`
    : scenario.isError && !loaded
      ? `The linked scenario could not be opened: ${errorMessage(scenario.error)}`
      : null;
  return (
    <PlanWorkspace
      slug={slug}
      input={input.data}
      loadedScenario={loaded && !foreign ? loaded : null}
      scenarioProblem={scenarioProblem}
    />
  );
}

function PlanWorkspace({
  slug,
  input,
  loadedScenario,
  scenarioProblem,
}: {
  slug: string;
  input: PlanningInput;
  loadedScenario: ScenarioRow | null;
  scenarioProblem: string | null;
}) {
  const trpc = useTRPC();
  const canEdit = useCan("planning.edit");
  // The editor starts as a copy of the deployment, or of the scenario the address names.
  const [changes, setChanges] = useState<TScenarioChange[]>(loadedScenario?.changes ?? []);
  const [name, setName] = useState(loadedScenario?.name ?? "");
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(
    loadedScenario ? { id: loadedScenario.id, name: loadedScenario.name } : null,
  );
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [editProblem, setEditProblem] = useState<string | null>(null);
  const scenarios = useQuery(trpc.planning.scenarios.queryOptions({ deploymentId: input.deploymentId }));

  const { estate, catalog } = input;
  const baseline = useMemo(() => costWithChanges(estate, [], catalog), [estate, catalog]);
  const current = useMemo(() => costWithChanges(estate, changes, catalog), [estate, catalog, changes]);
  const currentName = name.trim() || (changes.length > 0 ? "Unsaved scenario" : "Scenario");

  const { options, problems } = useMemo(() => {
    const ticked = (scenarios.data ?? []).filter((row) => compareIds.includes(row.id) && row.id !== saved?.id);
    return buildOptions([
      { name: "Baseline", isBaseline: true, result: baseline, changes: [] },
      // With no changes the scenario is the baseline: a second identical column would say nothing.
      ...(changes.length > 0 ? [{ name: currentName, isBaseline: false, result: current, changes }] : []),
      ...ticked.map((row) => ({
        name: row.name,
        isBaseline: false,
        result: costWithChanges(estate, row.changes, catalog),
        changes: row.changes,
      })),
    ]);
  }, [scenarios.data, compareIds, saved, baseline, changes, currentName, current, estate, catalog]);

  /** Region codes for words; a region this scenario added or removed is not in every estate. */
  const regionCode = (regionId: string) =>
    (current.ok ? current.estate : estate).regions.find((region) => region.id === regionId)?.code ??
    estate.regions.find((region) => region.id === regionId)?.code ??
    changes.flatMap((change) =>
      change.kind === "addRegion" && change.region.id === regionId ? [change.region.code] : [],
    )[0] ??
    regionId;

  // Every control goes through here: the change is tried in the browser first, and one the cost
  // model refuses (removing the primary's last component, say) is explained, not stored.
  function propose(change: TScenarioChange) {
    const next = withChange(changes, change);
    const result = costWithChanges(estate, next, catalog);
    if (!result.ok) return setEditProblem(result.error);
    setEditProblem(null);
    setChanges(next);
  }

  function removeAt(index: number) {
    setEditProblem(null);
    setChanges(changes.filter((_, at) => at !== index));
  }

  function onSaved(row: { id: string; name: string }) {
    setSaved({ id: row.id, name: row.name });
    setName(row.name);
    // The address now names the saved scenario, so copying it from the browser shares it; no reload.
    window.history.replaceState(null, "", `/planning/${slug}?scenario=${row.id}`);
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Plan: ${input.name}`}
        description="Monthly cost of the deployment as it runs, and of what-if scenarios priced in your browser as you change them. Compare, export, and check readiness."
        actions={
          <Link href="/planning" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← All deployments
          </Link>
        }
      />
      {scenarioProblem ? (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {scenarioProblem}
        </p>
      ) : null}
      <BaselineSection baseline={baseline} catalogDate={catalog.effectiveDate} />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <ScenarioEditor
            baseEstate={estate}
            estate={current.ok ? current.estate : estate}
            changes={changes}
            regionCode={regionCode}
            problem={
              editProblem ??
              (current.ok
                ? null
                : `These changes cannot be applied: ${current.error}. Remove the change at fault below.`)
            }
            onPropose={propose}
            onRemove={removeAt}
            onReset={() => {
              setEditProblem(null);
              setChanges([]);
            }}
          />
        </div>
        <div className="space-y-4 xl:sticky xl:top-4">
          <ScenarioSummary name={currentName} baseline={baseline} current={current} />
          {canEdit ? (
            <SaveScenario
              deploymentId={input.deploymentId}
              slug={slug}
              name={name}
              onName={setName}
              changes={changes}
              savedScenario={saved}
              onSaved={onSaved}
            />
          ) : (
            <p className="text-xs text-slate-500">Viewers can try scenarios here; operators save them.</p>
          )}
        </div>
      </div>
      <SavedScenarios
        slug={slug}
        rows={scenarios.data ?? []}
        loading={scenarios.isPending}
        error={scenarios.error}
        compareIds={compareIds}
        editorId={saved?.id ?? null}
        canEdit={canEdit}
        onToggleCompare={(id) =>
          setCompareIds((ids) => (ids.includes(id) ? ids.filter((one) => one !== id) : [...ids, id]))
        }
        onDeleted={(id) => {
          setCompareIds((ids) => ids.filter((one) => one !== id));
          if (saved?.id === id) setSaved(null);
        }}
      />
      <Comparison slug={slug} options={options} problems={problems} baselineEstate={estate} catalog={catalog} />
      <EventCosts deploymentId={input.deploymentId} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <Readiness deploymentId={input.deploymentId} />
        <ResidencyRules deploymentId={input.deploymentId} regions={estate.regions} canEdit={canEdit} />
      </div>
    </div>
  );
}
