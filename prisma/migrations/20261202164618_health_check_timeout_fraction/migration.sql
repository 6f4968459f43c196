-- AlterTable
ALTER TABLE "TrafficPolicy" ALTER COLUMN "healthCheckTimeoutSeconds" SET DATA TYPE DOUBLE PRECISION;
