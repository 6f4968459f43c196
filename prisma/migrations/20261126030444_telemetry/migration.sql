-- CreateTable
CREATE TABLE "DriverState" (
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" JSONB,
    "lastObservedAt" TIMESTAMP(3),
    "ticks" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DriverState_pkey" PRIMARY KEY ("deploymentId")
);

-- CreateTable
CREATE TABLE "Fault" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "clearedById" TEXT,

    CONSTRAINT "Fault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LagSample" (
    "linkId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "lagMs" DOUBLE PRECISION NOT NULL,
    "lagBytes" BIGINT NOT NULL,

    CONSTRAINT "LagSample_pkey" PRIMARY KEY ("linkId","at")
);

-- CreateTable
CREATE TABLE "HealthSample" (
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "probeLocation" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "healthy" BOOLEAN NOT NULL,
    "latencyMs" DOUBLE PRECISION,

    CONSTRAINT "HealthSample_pkey" PRIMARY KEY ("deploymentId","regionId","probeLocation","at")
);

-- CreateTable
CREATE TABLE "TrafficSample" (
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "requestsPerSecond" DOUBLE PRECISION NOT NULL,
    "errorRate" DOUBLE PRECISION NOT NULL,
    "latencyP50Ms" DOUBLE PRECISION,

    CONSTRAINT "TrafficSample_pkey" PRIMARY KEY ("deploymentId","regionId","at")
);

-- CreateTable
CREATE TABLE "ConflictSample" (
    "clusterId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "conflicts" BIGINT NOT NULL,
    "conflictsPerSecond" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ConflictSample_pkey" PRIMARY KEY ("clusterId","at")
);

-- CreateTable
CREATE TABLE "Rollup" (
    "series" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "bucketSeconds" INTEGER NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "p50" DOUBLE PRECISION NOT NULL,
    "p95" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Rollup_pkey" PRIMARY KEY ("series","key","bucketSeconds","bucketStart")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "details" JSONB,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "id" BIGSERIAL NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Fault_deploymentId_clearedAt_idx" ON "Fault"("deploymentId", "clearedAt");

-- CreateIndex
CREATE INDEX "LagSample_at_idx" ON "LagSample"("at");

-- CreateIndex
CREATE INDEX "HealthSample_at_idx" ON "HealthSample"("at");

-- CreateIndex
CREATE INDEX "TrafficSample_at_idx" ON "TrafficSample"("at");

-- CreateIndex
CREATE INDEX "ConflictSample_at_idx" ON "ConflictSample"("at");

-- CreateIndex
CREATE INDEX "Rollup_bucketSeconds_bucketStart_idx" ON "Rollup"("bucketSeconds", "bucketStart");

-- CreateIndex
CREATE INDEX "Alert_deploymentId_resolvedAt_idx" ON "Alert"("deploymentId", "resolvedAt");

-- CreateIndex
CREATE INDEX "LiveEvent_deploymentId_id_idx" ON "LiveEvent"("deploymentId", "id");

-- CreateIndex
CREATE INDEX "LiveEvent_at_idx" ON "LiveEvent"("at");

-- Written by hand: one open alert per condition and target, even with several workers evaluating.
CREATE UNIQUE INDEX "Alert_one_open_per_target" ON "Alert"("deploymentId", "kind", "targetId") WHERE "resolvedAt" IS NULL;
