-- CreateTable
CREATE TABLE "ReplicaConnection" (
    "replicaId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "database" TEXT NOT NULL,
    "user" TEXT NOT NULL,
    "passwordEncrypted" TEXT NOT NULL,
    "sslMode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReplicaConnection_pkey" PRIMARY KEY ("replicaId")
);

-- CreateIndex
CREATE INDEX "ReplicaConnection_deploymentId_idx" ON "ReplicaConnection"("deploymentId");

-- AddForeignKey
ALTER TABLE "ReplicaConnection" ADD CONSTRAINT "ReplicaConnection_replicaId_fkey" FOREIGN KEY ("replicaId") REFERENCES "Replica"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backstops of the contract (lib/connections/contracts.ts): a real port and a known TLS mode.
ALTER TABLE "ReplicaConnection" ADD CONSTRAINT "ReplicaConnection_port_check" CHECK ("port" BETWEEN 1 AND 65535);
ALTER TABLE "ReplicaConnection" ADD CONSTRAINT "ReplicaConnection_sslMode_check" CHECK ("sslMode" IN ('disable', 'require', 'verify-full'));
