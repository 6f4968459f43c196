-- CreateTable
CREATE TABLE "OperationLease" (
    "operationId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acquiredAt" TIMESTAMPTZ(3) NOT NULL,
    "renewedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OperationLease_pkey" PRIMARY KEY ("operationId")
);

-- CreateIndex
CREATE INDEX "OperationLease_holder_idx" ON "OperationLease"("holder");
