// Runs before each test file's imports: points the Prisma client at this run's database, as the
// console's role, with this run's audit key and checkpoint file.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.MERIDIAN_AUDIT_KEY = inject("auditKey");
process.env.MERIDIAN_AUDIT_CHECKPOINTS = inject("auditCheckpoints");
// Test files run in processes of their own on one database, each ticking the engine over every
// operation in it: as one worker, they never wait for each other's leases (lease tests name theirs).
process.env.MERIDIAN_WORKER_NAME = "vitest";
