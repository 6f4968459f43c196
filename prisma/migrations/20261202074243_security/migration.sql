-- AlterTable
ALTER TABLE "AuditHead" ADD COLUMN     "mac" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email")
);

-- Hand-written (Prisma cannot express triggers). The audit trail refuses TRUNCATE as it refuses
-- UPDATE and DELETE, the head only moves forward and is never removed, and the console's role owns
-- neither table, so it cannot disable these (scripts/lib/db-roles.mjs).
CREATE TRIGGER "AuditRecord_no_truncate" BEFORE TRUNCATE ON "AuditRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE FUNCTION audit_head_forward() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN IF TG_OP = ''UPDATE'' THEN IF NEW.seq > OLD.seq THEN RETURN NEW\073 END IF\073 END IF\073 RAISE EXCEPTION ''the audit head only moves forward (% refused)'', TG_OP\073 END';
CREATE TRIGGER "AuditHead_forward" BEFORE UPDATE OR DELETE ON "AuditHead"
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward();
CREATE TRIGGER "AuditHead_no_truncate" BEFORE TRUNCATE ON "AuditHead"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward();
