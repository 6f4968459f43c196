-- CreateTable
CREATE TABLE "LabLedgerWrite" (
    "runId" UUID NOT NULL,
    "writeId" BIGINT NOT NULL,
    "deployment" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL,
    "latencyMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "LabLedgerWrite_pkey" PRIMARY KEY ("runId","writeId")
);

-- CreateIndex
CREATE INDEX "LabLedgerWrite_deployment_cluster_acknowledgedAt_idx" ON "LabLedgerWrite"("deployment", "cluster", "acknowledgedAt");
