-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('ATTEMPTING', 'APPLIED', 'REFUSED', 'NOT_APPLIED');

-- AlterEnum
ALTER TYPE "StepStatus" ADD VALUE 'IN_DOUBT';

-- CreateTable
CREATE TABLE "StepAttempt" (
    "token" BIGSERIAL NOT NULL,
    "operationId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "clusterId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'ATTEMPTING',
    "holder" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),
    "reconciledAt" TIMESTAMP(3),

    CONSTRAINT "StepAttempt_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "StepAttempt_operationId_status_idx" ON "StepAttempt"("operationId", "status");
