// A plausible input for any zod schema, read from the schema itself, so that a procedure added
// tomorrow gets one too. Plausible, not valid: ids point at real rows where the field's name says
// which (`deploymentId`...), the rest is the simplest value of its type. The fuzz test bends these.
import type { z } from "zod";

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

export function sampleInput(schema: z.ZodType | undefined, ids: Record<string, string>, key = ""): unknown {
  if (!schema) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.fromEntries(
        Object.entries(shape)
          .map(([k, inner]) => [k, sampleInput(inner, ids, k)])
          .filter(([, v]) => v !== undefined),
      );
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return sampleInput(def.innerType as z.ZodType, ids, key);
    case "pipe":
      return sampleInput(def.in as z.ZodType, ids, key);
    case "lazy":
      return sampleInput((def.getter as () => z.ZodType)(), ids, key);
    case "union":
      return sampleInput((def.options as z.ZodType[])[0], ids, key);
    case "intersection":
      return {
        ...(sampleInput(def.left as z.ZodType, ids) as object),
        ...(sampleInput(def.right as z.ZodType, ids) as object),
      };
    case "string":
      if (ids[key]) return ids[key];
      return (def as { format?: string }).format === "email" ? "someone@test.local" : "x";
    case "number":
      return 1;
    case "bigint":
      return 1n;
    case "boolean":
      return false;
    case "date":
      return new Date();
    case "enum":
      return Object.values(def.entries as Record<string, string>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "array":
      return [sampleInput(def.element as z.ZodType, ids)];
    case "record":
      return {};
    case "custom":
      return [];
    default:
      return "x";
  }
}
