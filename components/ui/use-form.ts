"use client";

// Form state checked by the same zod schema the server uses: errors appear beside their field
// before a request is sent, and the server's field errors land in the same place.
import { useState, type FormEvent } from "react";
import type { z } from "zod";

import { fieldErrorsOf } from "./error-text";

export function useForm<S extends z.ZodType>(schema: S, initial: z.input<S>) {
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function set<K extends keyof z.input<S>>(key: K, value: z.input<S>[K]) {
    setValues((current) => ({ ...(current as object), [key]: value }) as z.input<S>);
    setErrors((current) => {
      const { [key as string]: _cleared, ...rest } = current;
      return rest;
    });
  }

  /** The parsed value, or null with the errors shown. */
  function validate(): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setErrors({});
      return parsed.data;
    }
    setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message])));
    return null;
  }

  function showServerError(error: unknown) {
    setErrors(fieldErrorsOf(error));
  }

  /** A form's onSubmit: sends the parsed value, or shows the errors and sends nothing. */
  function handleSubmit(send: (input: z.output<S>) => void) {
    return (event: FormEvent) => {
      event.preventDefault();
      const input = validate();
      if (input) send(input);
    };
  }

  return { values, set, errors, validate, handleSubmit, showServerError, reset: () => setValues(initial) };
}
