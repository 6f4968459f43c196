"use client";

// Adds a hypothetical region to the scenario. Its stack is left to the cost model, which shapes it
// from the primary by the DR model, so the operator only says where it is.
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { PROVIDERS, type TEstate, type TProvider, type TScenarioChange } from "@/lib/cost";
import { CONTINENTS } from "@/lib/enums";

export function AddRegionForm({
  estate,
  onPropose,
}: {
  estate: TEstate;
  onPropose: (change: TScenarioChange) => void;
}) {
  const [code, setCode] = useState("");
  const [provider, setProvider] = useState<TProvider>("AWS");
  const [continent, setContinent] = useState<string>("EUROPE");
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) return setError("code is required, like eu-central-1");
    // A scenario region is not in the model: its id only has to be unique within the scenario.
    const id = `scenario-${trimmed}`;
    if (estate.regions.some((region) => region.id === id || region.code === trimmed))
      return setError(`the scenario already has a region ${trimmed}`);
    setError(null);
    onPropose({ kind: "addRegion", region: { id, code: trimmed, provider, continent } });
    setCode("");
  }

  return (
    <form onSubmit={submit} aria-label="Add a region to the scenario" className="grid items-end gap-3 sm:grid-cols-4">
      <Field id="scenario-add-code" label="New region code" error={error ?? undefined}>
        <Input
          id="scenario-add-code"
          value={code}
          placeholder="eu-central-1"
          onChange={(e) => setCode(e.target.value)}
          invalid={!!error}
        />
      </Field>
      <Field id="scenario-add-provider" label="Provider">
        <Select
          id="scenario-add-provider"
          options={PROVIDERS}
          value={provider}
          onChange={(e) => setProvider(e.target.value as TProvider)}
        />
      </Field>
      <Field id="scenario-add-continent" label="Continent">
        <Select
          id="scenario-add-continent"
          options={CONTINENTS}
          value={continent}
          onChange={(e) => setContinent(e.target.value)}
        />
      </Field>
      <div className={error ? "self-center" : undefined}>
        <Button type="submit">Add region</Button>
      </div>
    </form>
  );
}
