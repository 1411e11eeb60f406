//! The default native credentials chain (environment, then shared files) and region lookup.

use super::{Credentials, CredentialsError, Environment, EnvironmentProvider, ProfileProvider, ProvideCredentials};
use crate::runtime::BoxFuture;
use std::sync::Arc;

/// Tries providers in order; a provider that finds nothing passes to the next, any other error
/// stops the chain.
pub struct ProviderChain {
    providers: Vec<Arc<dyn ProvideCredentials>>,
}

impl std::fmt::Debug for ProviderChain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderChain").field("providers", &self.providers.len()).finish()
    }
}

impl ProviderChain {
    /// A chain of `providers`, tried first to last.
    pub fn new(providers: Vec<Arc<dyn ProvideCredentials>>) -> Self {
        Self { providers }
    }
}

impl ProvideCredentials for ProviderChain {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        Box::pin(async move {
            let mut looked = Vec::new();
            for provider in &self.providers {
                match provider.provide_credentials().await {
                    Err(CredentialsError::NotFound(why)) => looked.push(why),
                    result => return result,
                }
            }
            Err(CredentialsError::NotFound(looked.join("; ")))
        })
    }
}

/// The environment variables, then the shared credentials and config files.
pub fn default_provider_chain(env: &Environment) -> ProviderChain {
    ProviderChain::new(vec![
        Arc::new(EnvironmentProvider::new(env.clone())),
        Arc::new(ProfileProvider::new(env.clone())),
    ])
}

/// The region from `AWS_REGION`, `AWS_DEFAULT_REGION`, or the selected profile's `region`.
pub fn region_from_environment(env: &Environment) -> Option<String> {
    env.get("AWS_REGION")
        .or_else(|| env.get("AWS_DEFAULT_REGION"))
        .map(str::to_owned)
        .or_else(|| ProfileProvider::new(env.clone()).readable_profile()?.get("region").cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block<T>(future: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(future)
    }

    #[test]
    fn the_environment_comes_first() {
        let env = Environment::from_vars([
            ("AWS_ACCESS_KEY_ID", "ENVKEY"),
            ("AWS_SECRET_ACCESS_KEY", "S"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"),
        ]);
        let credentials = block(default_provider_chain(&env).provide_credentials()).unwrap();
        assert_eq!(credentials.access_key_id(), "ENVKEY");
    }

    #[test]
    fn nothing_found_lists_where_it_looked() {
        let env = Environment::from_vars([
            ("AWS_CONFIG_FILE", "/nonexistent/config"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"),
        ]);
        let error = block(default_provider_chain(&env).provide_credentials()).unwrap_err();
        assert!(
            matches!(&error, CredentialsError::NotFound(text) if text.contains("AWS_ACCESS_KEY_ID") && text.contains("[default]")),
            "{error}"
        );
    }

    #[test]
    fn a_half_set_environment_stops_the_chain() {
        let env = Environment::from_vars([("AWS_ACCESS_KEY_ID", "ENVKEY")]);
        let error = block(default_provider_chain(&env).provide_credentials()).unwrap_err();
        assert!(matches!(error, CredentialsError::Invalid(_)));
    }

    #[test]
    fn region_precedence() {
        let env = Environment::from_vars([("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "us-east-1")]);
        assert_eq!(region_from_environment(&env).as_deref(), Some("eu-west-1"));
        let env = Environment::from_vars([("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_CONFIG_FILE", "/nonexistent")]);
        assert_eq!(region_from_environment(&env).as_deref(), Some("us-east-1"));
        let env = Environment::from_vars([("AWS_CONFIG_FILE", "/nonexistent"), ("HOME", "/nonexistent")]);
        assert_eq!(region_from_environment(&env), None);
    }
}
