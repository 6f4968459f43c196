// Runs before each test file's imports: points the Prisma client at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
