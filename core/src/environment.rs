//! The settings the AWS SDKs read from environment variables, for hosts where the environment is
//! all there is to read: Node through the npm package, and the native library built without the
//! cargo feature `shared-config` (the mobile library; no shared files, no metadata service).
//! Natively, with that feature, the whole shared configuration comes from `aws-config` instead
//! (`crate::shared_config`).

use crate::credentials::Credentials;
use crate::settings::{ClientSettings, SettingKind, SettingValue, SETTINGS};
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

impl From<EnvironmentError> for crate::Error {
    /// A `Configuration` error saying which variable must hold what, with the variable's error as
    /// its source.
    fn from(error: EnvironmentError) -> Self {
        crate::Error::configuration(error.to_string()).with_source(Some(Box::new(error)))
    }
}

/// The variable that, set to `true`, makes the SDKs ignore the configured endpoint URLs.
const IGNORE_ENDPOINT_URLS: &str = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

/// Sets each declared setting that `settings` leaves unset from its environment variables
/// ([`Setting::env`](crate::settings::Setting::env), first set wins), as the JS SDK reads them in
/// Node: `AWS_REGION`; `AWS_ENDPOINT_URL_IOT`, else `AWS_ENDPOINT_URL` (unless
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`); `AWS_USE_FIPS_ENDPOINT` and
/// `AWS_USE_DUALSTACK_ENDPOINT` (`true` or `false`); `AWS_RETRY_MODE` (`standard` or
/// `adaptive`); `AWS_MAX_ATTEMPTS` (a whole number of at least 1). An empty variable is unset; the
/// variables of a setting that is set are not read (nor refused), as in the JS SDK.
pub fn fill_from_environment(
    settings: &mut ClientSettings,
    get: impl Fn(&str) -> Option<String>,
) -> Result<(), EnvironmentError> {
    let read = |name: &str| get(name).filter(|value| !value.is_empty());
    for setting in SETTINGS {
        if settings.is_set(setting.name) {
            continue;
        }
        if setting.name == "endpoint_url" && ignores_endpoint_urls(&read)? {
            continue;
        }
        if let Some((variable, text)) = setting.env.iter().find_map(|variable| Some((*variable, read(variable)?))) {
            let value = setting.kind.parse(&text).map_err(|expected| EnvironmentError { variable, expected })?;
            settings.set(setting.name, value);
        }
    }
    Ok(())
}

/// Whether `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`.
fn ignores_endpoint_urls(read: &impl Fn(&str) -> Option<String>) -> Result<bool, EnvironmentError> {
    match read(IGNORE_ENDPOINT_URLS) {
        None => Ok(false),
        Some(text) => match SettingKind::Flag.parse(&text) {
            Ok(value) => Ok(value == SettingValue::Flag(true)),
            Err(expected) => Err(EnvironmentError { variable: IGNORE_ENDPOINT_URLS, expected }),
        },
    }
}

/// `AWS_ACCESS_KEY_ID` with `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), both or neither:
/// half a key pair is no credentials, as the JS SDK's `fromEnv` finds none in it. Empty variables
/// are unset.
pub fn credentials_from_environment(get: impl Fn(&str) -> Option<String>) -> Option<Credentials> {
    let read = |name: &str| get(name).filter(|value| !value.is_empty());
    let (key, secret) = (read("AWS_ACCESS_KEY_ID")?, read("AWS_SECRET_ACCESS_KEY")?);
    Some(Credentials::new(key, secret, read("AWS_SESSION_TOKEN"), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::RetryMode;

    fn lookup<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    fn fill(vars: &[(&str, &str)]) -> Result<ClientSettings, EnvironmentError> {
        let mut settings = ClientSettings::default();
        fill_from_environment(&mut settings, lookup(vars)).map(|()| settings)
    }

    #[test]
    fn reads_each_setting() {
        let settings = fill(&[
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "https://global.example"),
            ("AWS_ENDPOINT_URL_IOT", "https://iot.example"),
            ("AWS_USE_FIPS_ENDPOINT", "true"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "false"),
            ("AWS_MAX_ATTEMPTS", "5"),
            ("AWS_RETRY_MODE", "adaptive"),
        ])
        .unwrap();
        let expected = ClientSettings {
            region: Some("eu-west-1".into()),
            endpoint_url: Some("https://iot.example".into()),
            use_fips: Some(true),
            use_dual_stack: Some(false),
            max_attempts: Some(5),
            retry_mode: Some(RetryMode::Adaptive),
            ..ClientSettings::default()
        };
        assert_eq!(settings, expected);
        assert_eq!(
            fill(&[("AWS_ENDPOINT_URL", "https://global.example")]).unwrap().endpoint_url.as_deref(),
            Some("https://global.example")
        );
    }

    #[test]
    fn a_setting_given_is_not_read_from_its_variables() {
        let vars = [("AWS_RETRY_MODE", "legacy"), ("AWS_MAX_ATTEMPTS", "0"), ("AWS_ENDPOINT_URL", "https://x")];
        let mut settings = ClientSettings {
            retry_mode: Some(RetryMode::Standard),
            max_attempts: Some(2),
            endpoint_url: Some("https://given".into()),
            ..ClientSettings::default()
        };
        fill_from_environment(&mut settings, lookup(&vars)).unwrap();
        assert_eq!(settings.endpoint_url.as_deref(), Some("https://given"));
    }

    #[test]
    fn configured_endpoint_urls_can_be_ignored() {
        let vars = [("AWS_ENDPOINT_URL_IOT", "https://iot.example"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")];
        assert_eq!(fill(&vars).unwrap().endpoint_url, None);
    }

    #[test]
    fn half_a_key_pair_is_no_credentials() {
        assert!(credentials_from_environment(lookup(&[("AWS_ACCESS_KEY_ID", "AKID")])).is_none());
        assert!(credentials_from_environment(lookup(&[("AWS_SECRET_ACCESS_KEY", "S")])).is_none());
        let pair = [("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "S")];
        assert!(credentials_from_environment(lookup(&pair)).is_some());
    }

    #[test]
    fn empty_variables_are_unset() {
        let settings = fill(&[("AWS_REGION", ""), ("AWS_MAX_ATTEMPTS", "")]).unwrap();
        assert_eq!(settings, ClientSettings::default());
        assert!(credentials_from_environment(lookup(&[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "S")]))
            .is_none());
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
            (vec![("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "yes")], "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
        ] {
            let error = fill(&vars).unwrap_err();
            assert_eq!(error.variable, variable);
            assert!(!error.to_string().contains("s3cr3t"));
        }
    }
}
