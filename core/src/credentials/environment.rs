//! A snapshot of environment variables and the provider that reads the `AWS_*` credentials.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::runtime::BoxFuture;
use std::collections::BTreeMap;
use std::fmt;

/// Environment variables, captured once. Tests build one from a list instead of touching the
/// process environment. `Debug` shows names only, never values.
#[derive(Clone, Default)]
pub struct Environment {
    vars: BTreeMap<String, String>,
}

impl Environment {
    /// The current process environment (variables that are not valid Unicode are skipped).
    pub fn from_process() -> Self {
        Self {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
        }
    }

    /// An environment holding exactly `vars`.
    pub fn from_vars<K: Into<String>, V: Into<String>>(vars: impl IntoIterator<Item = (K, V)>) -> Self {
        Self { vars: vars.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
    }

    /// The variable's value, treating an empty value as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }
}

impl fmt::Debug for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.vars.keys()).finish()
    }
}

/// Reads `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optional `AWS_SESSION_TOKEN`.
#[derive(Debug, Clone, Default)]
pub struct EnvironmentProvider {
    env: Environment,
}

impl EnvironmentProvider {
    /// A provider reading `env`.
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// The credentials the environment holds, without going through a future.
    pub fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let key = self.env.get("AWS_ACCESS_KEY_ID");
        let secret = self.env.get("AWS_SECRET_ACCESS_KEY");
        match (key, secret) {
            (Some(key), Some(secret)) => {
                Ok(Credentials::new(key, secret, self.env.get("AWS_SESSION_TOKEN").map(str::to_owned), None))
            }
            (None, None) => {
                Err(CredentialsError::NotFound("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set".to_owned()))
            }
            (Some(_), None) => {
                Err(CredentialsError::Invalid("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not".to_owned()))
            }
            (None, Some(_)) => {
                Err(CredentialsError::Invalid("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not".to_owned()))
            }
        }
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let result = self.credentials();
        Box::pin(async move { result })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_key_secret_and_token() {
        let env = Environment::from_vars([
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
            ("AWS_SESSION_TOKEN", "TOKEN"),
        ]);
        let credentials = EnvironmentProvider::new(env).credentials().unwrap();
        assert_eq!(
            (credentials.access_key_id(), credentials.secret_access_key(), credentials.session_token()),
            ("AKID", "SECRET", Some("TOKEN"))
        );
    }

    #[test]
    fn missing_or_half_set_variables() {
        let none = EnvironmentProvider::new(Environment::default()).credentials();
        assert!(matches!(none, Err(CredentialsError::NotFound(_))));
        let half = EnvironmentProvider::new(Environment::from_vars([
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", ""),
        ]));
        assert!(matches!(half.credentials(), Err(CredentialsError::Invalid(_))));
    }

    #[test]
    fn debug_shows_names_but_not_values() {
        let env = Environment::from_vars([("AWS_SECRET_ACCESS_KEY", "very-secret")]);
        let printed = format!("{:?}", EnvironmentProvider::new(env));
        assert!(printed.contains("AWS_SECRET_ACCESS_KEY"));
        assert!(!printed.contains("very-secret"));
    }
}
