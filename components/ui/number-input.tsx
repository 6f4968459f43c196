// A number field whose empty state is NaN in the form (so zod says "must be a number") and "" on screen.
import type { InputHTMLAttributes } from "react";

import { Input } from "@/components/ui/field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: number;
  onValueChange: (value: number) => void;
  invalid?: boolean;
};

export function NumberInput({ value, onValueChange, ...props }: Props) {
  return (
    <Input
      type="number"
      value={Number.isNaN(value) ? "" : value}
      onChange={(e) => onValueChange(e.target.valueAsNumber)}
      {...props}
    />
  );
}
