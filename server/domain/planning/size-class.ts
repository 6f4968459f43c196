// The model stores instance sizes as operators write them ("xlarge", "GP_Gen5_8", "P2v3", "standard");
// the price catalog prices four size classes. This maps the one to the other, and says how.
import type { TComponentKind } from "@/lib/cost";

export const SIZE_CLASSES = ["small", "medium", "large", "xlarge"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** What a size with nothing to read from is priced as: the catalog's middle class. */
export const DEFAULT_SIZE_CLASS: SizeClass = "medium";

/** Catalog classes by vCPU (lib/cost/catalog.ts): small 2, medium 4, large 8, xlarge 16. */
function classOfVcpus(vcpus: number): SizeClass {
  if (vcpus <= 2) return "small";
  if (vcpus <= 4) return "medium";
  if (vcpus <= 8) return "large";
  return "xlarge";
}

const AWS_SUFFIX_VCPUS: Record<string, number> = { nano: 2, micro: 2, small: 2, medium: 2, large: 2, xlarge: 4 };

/** vCPUs read from well-known SKU names, or null when the name says nothing about them. */
function vcpusOf(kind: TComponentKind, size: string): number | null {
  // AWS: m7i.2xlarge, db.r7g.large, cache.r7g.4xlarge -> the part after the last dot.
  const aws = /\.(\d*)(nano|micro|small|medium|large|xlarge)$/i.exec(size);
  if (aws) {
    const base = AWS_SUFFIX_VCPUS[aws[2]!.toLowerCase()]!;
    return aws[1] ? Number(aws[1]) * base : base;
  }
  // Azure VM-based SKUs: Standard_D4s_v5, Standard_E8as_v5, GP_Standard_D4s_v3 -> the digits after the family letter.
  const vm = /_[A-Z]+(\d+)[a-z]*_v\d+$/i.exec(size);
  if (vm) return Number(vm[1]);
  // Azure SQL vCore SKUs: GP_Gen5_8, BC_Gen5_16.
  const vcore = /^(GP|BC|HS)_Gen\d+_(\d+)$/i.exec(size);
  if (vcore) return Number(vcore[2]);
  // Azure App Service premium plans: P0v3 1 vCPU, P1v3 2, P2v3 4, P3v3 8 (P1mv3 etc. alike).
  const appService = kind === "COMPUTE" ? /^P(\d)m?v\d$/i.exec(size) : null;
  if (appService) return 2 ** Number(appService[1]);
  // Azure Cache for Redis: C0-C6 (standard) and P1-P5 (premium), by their vCPU-ish steps.
  const redis = kind === "CACHE" ? /^([CP])(\d)$/i.exec(size) : null;
  if (redis) return redis[1]!.toUpperCase() === "P" ? 2 ** Number(redis[2]) : Math.max(1, Number(redis[2]));
  // GCP: n2-standard-8, e2-highmem-4.
  const gcp = /-(\d+)$/.exec(size);
  if (gcp && /^[a-z]\d?[a-z]?-/.test(size)) return Number(gcp[1]);
  return null;
}

/**
 * The catalog class an instance size is priced as, and a note when it was not one already.
 * Object storage and CDN sizes stand for data held or served; their names in the model are
 * storage classes ("standard", "RA-GRS"), which say nothing of the amount, so they price as medium.
 */
export function sizeClassOf(kind: TComponentKind, instanceSize: string): { sizeClass: SizeClass; note: string | null } {
  const lower = instanceSize.trim().toLowerCase();
  if ((SIZE_CLASSES as readonly string[]).includes(lower)) return { sizeClass: lower as SizeClass, note: null };
  const vcpus = kind === "OBJECT_STORAGE" || kind === "CDN" ? null : vcpusOf(kind, instanceSize.trim());
  if (vcpus !== null) {
    const sizeClass = classOfVcpus(vcpus);
    return { sizeClass, note: `${instanceSize} (${vcpus} vCPU) priced as ${sizeClass}` };
  }
  return {
    sizeClass: DEFAULT_SIZE_CLASS,
    note: `${instanceSize} is not a size the catalog knows: priced as ${DEFAULT_SIZE_CLASS}`,
  };
}
