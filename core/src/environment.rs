//! The settings the AWS SDKs read from environment variables, for hosts where the environment is
//! all there is to read: Node through the npm package (no shared files, no metadata service).
//! Natively the whole shared configuration comes from `aws-config` instead
//! ([`crate::shared_config`]).

use crate::client::ConfigBuilder;
use crate::credentials::Credentials;
use crate::retry::{max_attempts_from_text, RetryMode, MAX_ATTEMPTS_EXPECTED};
use std::fmt;

/// A variable whose value cannot be used; nothing is sent with such a configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvironmentError {
    /// The variable's name.
    pub variable: &'static str,
    /// What it must hold.
    pub expected: &'static str,
}

impl fmt::Display for EnvironmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value is not echoed: it could be a secret set in the wrong variable.
        write!(f, "the environment variable {} must be {}", self.variable, self.expected)
    }
}

impl std::error::Error for EnvironmentError {}

/// Which settings the host gives explicitly: the variables for those are not read (nor refused),
/// as in the JS SDK, where a variable is only consulted for a member left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GivenSettings {
    /// The region.
    pub region: bool,
    /// The endpoint URL.
    pub endpoint_url: bool,
    /// FIPS on or off.
    pub use_fips: bool,
    /// Dual-stack on or off.
    pub use_dual_stack: bool,
    /// Attempts per call.
    pub max_attempts: bool,
    /// The retry mode.
    pub retry_mode: bool,
    /// Credentials or a credentials provider.
    pub credentials: bool,
}

/// Applies to `builder` what the variables `get` returns set, as the JS SDK reads them in Node:
/// `AWS_REGION`; `AWS_ENDPOINT_URL_IOT`, else `AWS_ENDPOINT_URL` (unless
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`); `AWS_USE_FIPS_ENDPOINT` and
/// `AWS_USE_DUALSTACK_ENDPOINT` (`true` or `false`); `AWS_RETRY_MODE` (`standard` or
/// `adaptive`); `AWS_MAX_ATTEMPTS` (a whole number of at least 1); `AWS_ACCESS_KEY_ID` with
/// `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), both or neither. An empty variable is
/// unset; the variables of a setting in `given` are not read.
pub fn apply_environment(
    mut builder: ConfigBuilder,
    get: impl Fn(&str) -> Option<String>,
    given: &GivenSettings,
) -> Result<ConfigBuilder, EnvironmentError> {
    let read = |name: &str, given: bool| if given { None } else { get(name).filter(|value| !value.is_empty()) };
    if let Some(region) = read("AWS_REGION", given.region) {
        builder = builder.region(region);
    }
    let ignore_urls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    if flag(read(ignore_urls, given.endpoint_url), ignore_urls)? != Some(true) {
        let iot = read("AWS_ENDPOINT_URL_IOT", given.endpoint_url);
        if let Some(url) = iot.or_else(|| read("AWS_ENDPOINT_URL", given.endpoint_url)) {
            builder = builder.endpoint_url(url);
        }
    }
    if let Some(on) = flag(read("AWS_USE_FIPS_ENDPOINT", given.use_fips), "AWS_USE_FIPS_ENDPOINT")? {
        builder = builder.use_fips(on);
    }
    let dual_stack = "AWS_USE_DUALSTACK_ENDPOINT";
    if let Some(on) = flag(read(dual_stack, given.use_dual_stack), dual_stack)? {
        builder = builder.use_dual_stack(on);
    }
    if let Some(name) = read("AWS_RETRY_MODE", given.retry_mode) {
        let expected = EnvironmentError { variable: "AWS_RETRY_MODE", expected: "standard or adaptive" };
        builder = builder.retry_mode(RetryMode::from_name(&name).ok_or(expected)?);
    }
    if let Some(text) = read("AWS_MAX_ATTEMPTS", given.max_attempts) {
        let expected = EnvironmentError { variable: "AWS_MAX_ATTEMPTS", expected: MAX_ATTEMPTS_EXPECTED };
        builder = builder.max_attempts(max_attempts_from_text(&text).ok_or(expected)?);
    }
    // Half a key pair is no credentials, as the JS SDK's `fromEnv` finds none in it.
    let key_pair = (read("AWS_ACCESS_KEY_ID", given.credentials), read("AWS_SECRET_ACCESS_KEY", given.credentials));
    if let (Some(key), Some(secret)) = key_pair {
        builder = builder.credentials(Credentials::new(key, secret, read("AWS_SESSION_TOKEN", false), None));
    }
    Ok(builder)
}

/// `true` or `false`, exactly, as the JS SDK's boolean settings.
fn flag(value: Option<String>, variable: &'static str) -> Result<Option<bool>, EnvironmentError> {
    match value.as_deref() {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(EnvironmentError { variable, expected: "true or false" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    fn apply(vars: &[(&str, &str)]) -> Result<Config, EnvironmentError> {
        let lookup = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
        apply_environment(Config::builder(), lookup, &GivenSettings::default()).map(ConfigBuilder::build)
    }

    #[test]
    fn reads_each_setting() {
        let config = apply(&[
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "https://global.example"),
            ("AWS_ENDPOINT_URL_IOT", "https://iot.example"),
            ("AWS_USE_FIPS_ENDPOINT", "true"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "false"),
            ("AWS_MAX_ATTEMPTS", "5"),
            ("AWS_RETRY_MODE", "adaptive"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
        ])
        .unwrap();
        let endpoint = config.endpoint();
        assert_eq!(endpoint.region.as_deref(), Some("eu-west-1"));
        assert_eq!(endpoint.endpoint_url.as_deref(), Some("https://iot.example"));
        assert!(endpoint.use_fips && !endpoint.use_dual_stack);
        assert_eq!(config.retry().max_attempts, 5);
        assert_eq!(config.retry().mode, RetryMode::Adaptive);
        assert!(config.credentials.is_some());
    }

    #[test]
    fn a_setting_given_is_not_read_from_its_variables() {
        let vars = [("AWS_RETRY_MODE", "legacy"), ("AWS_MAX_ATTEMPTS", "0"), ("AWS_ENDPOINT_URL", "https://x")];
        let lookup = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
        let given =
            GivenSettings { retry_mode: true, max_attempts: true, endpoint_url: true, ..GivenSettings::default() };
        let config = apply_environment(Config::builder(), lookup, &given).unwrap().build();
        assert_eq!(config.endpoint().endpoint_url, None);
    }

    #[test]
    fn configured_endpoint_urls_can_be_ignored() {
        let vars = [("AWS_ENDPOINT_URL_IOT", "https://iot.example"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")];
        assert_eq!(apply(&vars).unwrap().endpoint().endpoint_url, None);
    }

    #[test]
    fn half_a_key_pair_is_no_credentials() {
        assert!(apply(&[("AWS_ACCESS_KEY_ID", "AKID")]).unwrap().credentials.is_none());
        assert!(apply(&[("AWS_SECRET_ACCESS_KEY", "S")]).unwrap().credentials.is_none());
    }

    #[test]
    fn empty_variables_are_unset() {
        let config = apply(&[("AWS_REGION", ""), ("AWS_ACCESS_KEY_ID", ""), ("AWS_MAX_ATTEMPTS", "")]).unwrap();
        assert_eq!(config.endpoint().region, None);
        assert!(config.credentials.is_none());
    }

    #[test]
    fn unusable_values_name_the_variable_and_not_the_value() {
        for (vars, variable) in [
            (vec![("AWS_USE_FIPS_ENDPOINT", "yes")], "AWS_USE_FIPS_ENDPOINT"),
            (vec![("AWS_USE_DUALSTACK_ENDPOINT", "TRUE")], "AWS_USE_DUALSTACK_ENDPOINT"),
            (vec![("AWS_MAX_ATTEMPTS", "0")], "AWS_MAX_ATTEMPTS"),
            (vec![("AWS_MAX_ATTEMPTS", "three")], "AWS_MAX_ATTEMPTS"),
            (vec![("AWS_MAX_ATTEMPTS", "s3cr3t")], "AWS_MAX_ATTEMPTS"),
            (vec![("AWS_RETRY_MODE", "legacy")], "AWS_RETRY_MODE"),
        ] {
            let error = apply(&vars).unwrap_err();
            assert_eq!(error.variable, variable);
            assert!(!error.to_string().contains("s3cr3t"));
        }
    }
}
