// Loads Prisma's schema engine compiled to WebAssembly: the native engine that `prisma migrate`
// downloads cannot be had on offline machines (shared/recipes/OFFLINE.md).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../schema.prisma");
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../migrations");
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return wasmReady;
}

export async function openSchemaEngine(connectionString: string): Promise<SchemaEngine> {
  await loadWasm();
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const log = (message: string) => {
    if (process.env.MERIDIAN_MIGRATE_DEBUG) console.error(message);
  };
  return (bg.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels: [[path.basename(SCHEMA_PATH), schemaText]] } as never,
    log,
    adapterFactory,
  );
}
