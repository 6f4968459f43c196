"use client";

// An instance count that proposes a change on every valid keystroke. While the field is being typed
// in it shows the draft, so clearing it to type "12" does not snap back to the old count.
import { useState } from "react";

import { Input } from "@/components/ui/field";

export function CountInput({
  id,
  value,
  onCount,
  ...aria
}: {
  id: string;
  value: number;
  onCount: (count: number) => void;
  "aria-label"?: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // The shared Input sets its own classes (a className would replace them): the wrapper sizes it.
  return (
    <div className="w-24">
      <Input
        id={id}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={draft ?? String(value)}
        onChange={(e) => {
          setDraft(e.target.value);
          const count = e.target.valueAsNumber;
          if (Number.isInteger(count) && count >= 0) onCount(count);
        }}
        // Leaving the field shows the count the scenario holds, whatever was left half-typed.
        onBlur={() => setDraft(null)}
        {...aria}
      />
    </div>
  );
}
