// The first admin of a database that has none (no demo users where passwords would be published):
// made by `npm run admin:first`, audited as Meridian itself.
import type { TUserCreate } from "@/lib/identity/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError } from "@/server/errors";

import { SYSTEM_ACTOR } from "./actor";
import { hashPassword, insertUser } from "./users";

export async function createFirstAdmin(db: Db, input: TUserCreate) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const admin = await tx.user.findFirst({ where: { role: "ADMIN", disabled: false } });
    if (admin)
      throw new AppError(
        "PRECONDITION_FAILED",
        `there is an admin already (${admin.email}): admins make every other user in Admin`,
      );
    if (await tx.user.findUnique({ where: { email: input.email } }))
      throw new AppError("CONFLICT", `a user with email ${input.email} exists: ask an admin, or choose another email`);
    const user = await insertUser(tx, { ...input, role: "ADMIN", passwordHash });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "user.create",
      objectType: "user",
      objectId: user.id,
      summary: `created the first admin, ${user.email}, with a one-time password (npm run admin:first)`,
      after: user,
    });
    return user;
  });
}
