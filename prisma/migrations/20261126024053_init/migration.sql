-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'OPERATOR', 'APPROVER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DrModel" AS ENUM ('BACKUP_RESTORE', 'PILOT_LIGHT', 'WARM_STANDBY', 'ACTIVE_ACTIVE');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('AWS', 'AZURE', 'GCP', 'CLOUDFLARE', 'ON_PREM', 'LAB');

-- CreateEnum
CREATE TYPE "Continent" AS ENUM ('NORTH_AMERICA', 'SOUTH_AMERICA', 'EUROPE', 'ASIA', 'OCEANIA', 'AFRICA');

-- CreateEnum
CREATE TYPE "StackKind" AS ENUM ('COMPUTE', 'DATABASE', 'CACHE', 'OBJECT_STORAGE', 'CDN');

-- CreateEnum
CREATE TYPE "StackTier" AS ENUM ('FULL', 'SCALED_DOWN', 'OFF');

-- CreateEnum
CREATE TYPE "WriteTopology" AS ENUM ('SINGLE_PRIMARY', 'MULTI_PRIMARY');

-- CreateEnum
CREATE TYPE "ConflictStrategy" AS ENUM ('NONE', 'LAST_WRITE_WINS', 'CRDT', 'APPLICATION_MERGE');

-- CreateEnum
CREATE TYPE "ConsistencyLevel" AS ENUM ('STRONG', 'BOUNDED_STALENESS', 'SESSION', 'CONSISTENT_PREFIX', 'EVENTUAL');

-- CreateEnum
CREATE TYPE "ReplicaRole" AS ENUM ('PRIMARY', 'READ_REPLICA', 'MULTI_MASTER');

-- CreateEnum
CREATE TYPE "LinkMode" AS ENUM ('ASYNC', 'SYNC');

-- CreateEnum
CREATE TYPE "RoutingLayer" AS ENUM ('DNS', 'ANYCAST_PROXY');

-- CreateEnum
CREATE TYPE "RoutingProduct" AS ENUM ('ROUTE53', 'CLOUDFLARE_LB', 'AZURE_FRONT_DOOR', 'AZURE_TRAFFIC_MANAGER', 'LAB');

-- CreateEnum
CREATE TYPE "Steering" AS ENUM ('LATENCY', 'GEO', 'WEIGHTED', 'FAILOVER', 'RANDOM', 'HASH');

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "drModel" "DrModel" NOT NULL,
    "rtoTargetSeconds" INTEGER NOT NULL,
    "rpoTargetSeconds" INTEGER NOT NULL,
    "availabilityTargetPct" DOUBLE PRECISION NOT NULL,
    "driverKind" TEXT NOT NULL DEFAULT 'sim',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "code" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "continent" "Continent" NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentRegion" (
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentRegion_pkey" PRIMARY KEY ("deploymentId","regionId")
);

-- CreateTable
CREATE TABLE "StackComponent" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "kind" "StackKind" NOT NULL,
    "tier" "StackTier" NOT NULL,
    "instanceCount" INTEGER NOT NULL,
    "instanceSize" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StackComponent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatabaseCluster" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "writeTopology" "WriteTopology" NOT NULL,
    "conflictStrategy" "ConflictStrategy" NOT NULL,
    "consistencyLevel" "ConsistencyLevel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DatabaseCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Replica" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ReplicaRole" NOT NULL,
    "epoch" INTEGER NOT NULL DEFAULT 1,
    "endpoint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Replica_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplicationLink" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "sourceReplicaId" TEXT NOT NULL,
    "targetReplicaId" TEXT NOT NULL,
    "mode" "LinkMode" NOT NULL,
    "expectedVolumeGbPerDay" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplicationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrafficPolicy" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "layer" "RoutingLayer" NOT NULL,
    "product" "RoutingProduct" NOT NULL,
    "steering" "Steering" NOT NULL,
    "dnsTtlSeconds" INTEGER NOT NULL,
    "healthCheckIntervalSeconds" INTEGER NOT NULL,
    "healthCheckTimeoutSeconds" INTEGER NOT NULL,
    "healthCheckFailureThreshold" INTEGER NOT NULL,
    "healthCheckProbeLocations" TEXT[],
    "healthCheckQuorum" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrafficPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "priority" INTEGER NOT NULL,
    "geoMatch" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "drained" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "AuditRecord_hash_key" ON "AuditRecord"("hash");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "AuditRecord_objectType_objectId_idx" ON "AuditRecord"("objectType", "objectId");

-- CreateIndex
CREATE INDEX "AuditRecord_actorId_idx" ON "AuditRecord"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_slug_key" ON "Deployment"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Region_provider_code_key" ON "Region"("provider", "code");

-- CreateIndex
CREATE INDEX "DeploymentRegion_regionId_idx" ON "DeploymentRegion"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "StackComponent_deploymentId_regionId_kind_key" ON "StackComponent"("deploymentId", "regionId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DatabaseCluster_deploymentId_name_key" ON "DatabaseCluster"("deploymentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DatabaseCluster_id_deploymentId_key" ON "DatabaseCluster"("id", "deploymentId");

-- CreateIndex
CREATE INDEX "Replica_deploymentId_regionId_idx" ON "Replica"("deploymentId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "Replica_clusterId_name_key" ON "Replica"("clusterId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Replica_id_clusterId_key" ON "Replica"("id", "clusterId");

-- CreateIndex
CREATE INDEX "ReplicationLink_clusterId_idx" ON "ReplicationLink"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "ReplicationLink_sourceReplicaId_targetReplicaId_key" ON "ReplicationLink"("sourceReplicaId", "targetReplicaId");

-- CreateIndex
CREATE UNIQUE INDEX "TrafficPolicy_deploymentId_name_key" ON "TrafficPolicy"("deploymentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_policyId_regionId_key" ON "RoutingRule"("policyId", "regionId");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentRegion" ADD CONSTRAINT "DeploymentRegion_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentRegion" ADD CONSTRAINT "DeploymentRegion_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StackComponent" ADD CONSTRAINT "StackComponent_deploymentId_regionId_fkey" FOREIGN KEY ("deploymentId", "regionId") REFERENCES "DeploymentRegion"("deploymentId", "regionId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatabaseCluster" ADD CONSTRAINT "DatabaseCluster_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Replica" ADD CONSTRAINT "Replica_clusterId_deploymentId_fkey" FOREIGN KEY ("clusterId", "deploymentId") REFERENCES "DatabaseCluster"("id", "deploymentId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Replica" ADD CONSTRAINT "Replica_deploymentId_regionId_fkey" FOREIGN KEY ("deploymentId", "regionId") REFERENCES "DeploymentRegion"("deploymentId", "regionId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationLink" ADD CONSTRAINT "ReplicationLink_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "DatabaseCluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationLink" ADD CONSTRAINT "ReplicationLink_sourceReplicaId_clusterId_fkey" FOREIGN KEY ("sourceReplicaId", "clusterId") REFERENCES "Replica"("id", "clusterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplicationLink" ADD CONSTRAINT "ReplicationLink_targetReplicaId_clusterId_fkey" FOREIGN KEY ("targetReplicaId", "clusterId") REFERENCES "Replica"("id", "clusterId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrafficPolicy" ADD CONSTRAINT "TrafficPolicy_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "TrafficPolicy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_deploymentId_regionId_fkey" FOREIGN KEY ("deploymentId", "regionId") REFERENCES "DeploymentRegion"("deploymentId", "regionId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: rules Prisma's schema language cannot express. The domain checks each of them
-- first with a message a person can act on, and these make them hold even against a bug or a script.

-- A single-primary cluster never has two primaries, whatever races between requests.
CREATE UNIQUE INDEX "Replica_one_primary_per_cluster" ON "Replica"("clusterId") WHERE "role" = 'PRIMARY';

ALTER TABLE "ReplicationLink" ADD CONSTRAINT "ReplicationLink_not_to_itself" CHECK ("sourceReplicaId" <> "targetReplicaId");
ALTER TABLE "ReplicationLink" ADD CONSTRAINT "ReplicationLink_volume_non_negative" CHECK ("expectedVolumeGbPerDay" >= 0);
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_weight_range" CHECK ("weight" BETWEEN 0 AND 100);
ALTER TABLE "StackComponent" ADD CONSTRAINT "StackComponent_instances_non_negative" CHECK ("instanceCount" >= 0);
ALTER TABLE "Replica" ADD CONSTRAINT "Replica_epoch_positive" CHECK ("epoch" >= 1);

-- The audit trail is append-only for the application: edits and deletions are refused here, and
-- the hash chain detects any that bypass this (a superuser, a restored backup).
-- Prisma's migration runner splits scripts at every semicolon, dollar quotes included, so the
-- function body is an escaped string: \073 is the semicolon that ends the RAISE.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN RAISE EXCEPTION ''audit records are append-only (% refused)'', TG_OP\073 END';
CREATE TRIGGER "AuditRecord_append_only" BEFORE UPDATE OR DELETE ON "AuditRecord"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
