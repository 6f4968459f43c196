// What a replica's sealed password is bound to (server/domain/secrets/secret-box.ts): the replica and
// its deployment, so a sealed value copied onto another replica's row does not open there.
import { openSecret, sealSecret } from "@/server/domain/secrets/secret-box";

const boundTo = (deploymentId: string, replicaId: string) =>
  `connection password of replica ${replicaId} in deployment ${deploymentId}`;

export const sealPassword = (password: string, deploymentId: string, replicaId: string) =>
  sealSecret(password, boundTo(deploymentId, replicaId));

export const openPassword = (sealed: string, deploymentId: string, replicaId: string) =>
  openSecret(sealed, boundTo(deploymentId, replicaId));
