// Runs before each test file's imports: points the Prisma client at this run's database, as the
// console's role, with this run's audit key and checkpoint file.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.MERIDIAN_AUDIT_KEY = inject("auditKey");
process.env.MERIDIAN_AUDIT_CHECKPOINTS = inject("auditCheckpoints");
