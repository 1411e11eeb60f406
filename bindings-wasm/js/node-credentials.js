// In Node, the credentials of a client whose configuration and environment give none, as the JS
// SDK finds them: its default chain (`defaultProvider` of `@aws-sdk/credential-provider-node`,
// which `@aws-sdk/client-iot` installs), loaded on first use when it is installed: shared files
// and profiles, SSO, credential_process, web identity, the ECS and EC2 metadata endpoints.

let loaded;

/**
 * A new client's default credentials: a function resolving to credentials from its own instance
 * of the JS SDK's default chain (one per client, as the JS SDK's clients have), or rejecting,
 * saying what to pass or install, when `@aws-sdk/credential-provider-node` cannot be loaded.
 */
export function defaultCredentials() {
  let provide;
  return () => {
    loaded ??= import("@aws-sdk/credential-provider-node").then(
      (module) => ({ module }),
      (error) => ({ error }),
    );
    return loaded.then(({ module, error }) => {
      if (error) {
        throw new Error(
          "no credentials: pass `credentials`, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or install " +
            "@aws-sdk/credential-provider-node for the JS SDK's default chain (shared files, SSO, ...)",
          { cause: error },
        );
      }
      provide ??= module.defaultProvider();
      return provide();
    });
  };
}
