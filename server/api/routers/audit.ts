// The audit trail, for every signed-in user: the record of who changed what is not a secret here.
import { ZAuditFilter } from "@/lib/audit/contracts";
import { authedProcedure, router } from "@/server/api/trpc";
import { listAuditRecords } from "@/server/domain/audit/list-audit-records";
import { verifyAuditChain } from "@/server/domain/audit/verify-audit-chain";

export const auditRouter = router({
  list: authedProcedure.input(ZAuditFilter).query(({ ctx, input }) => listAuditRecords(ctx.db, input)),
  verify: authedProcedure.query(({ ctx }) => verifyAuditChain(ctx.db)),
});
