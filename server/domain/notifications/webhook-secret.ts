// What a webhook's sealed secret is bound to (server/domain/secrets/secret-box.ts): its deployment,
// so a sealed secret copied onto another deployment's webhook does not open there.
export const webhookSecretOf = (deploymentId: string) => `webhook of deployment ${deploymentId}`;
