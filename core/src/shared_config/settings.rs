//! The settings this crate reads itself from the environment and the selected profile, before
//! `aws-config` loads the rest: `AWS_CA_BUNDLE`/`ca_bundle` (which `aws-config` does not read),
//! and `AWS_MAX_ATTEMPTS`/`max_attempts` and `AWS_RETRY_MODE`/`retry_mode` (which `aws-config`
//! reads with a panic on a value it cannot use: here such a value is a typed error).

use crate::error::{Error, ErrorKind};
use crate::retry::{max_attempts_from_text, RetryMode, MAX_ATTEMPTS_EXPECTED};
use aws_runtime::env_config::file::EnvConfigFiles;
use aws_runtime::env_config::section::EnvConfigSections;
use aws_runtime::env_config::EnvConfigValue;
use aws_types::os_shim_internal::{Env, Fs};
use std::borrow::Cow;
use std::path::PathBuf;

/// What was found; `None` where nothing is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Settings {
    pub(super) ca_bundle: Option<PathBuf>,
    pub(super) max_attempts: Option<u32>,
    pub(super) retry_mode: Option<RetryMode>,
}

/// Why a value cannot be used, as `EnvConfigValue` reports it with where it was found.
#[derive(Debug)]
struct Expected(&'static str);

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "it must be {}", self.0)
    }
}

impl std::error::Error for Expected {}

/// Reads the settings for `profile_name` (else `AWS_PROFILE`, else `default`) that `given` does
/// not already hold: a setting given in code is not read, so a value there that cannot be used
/// does not matter. Unreadable profile files are skipped here: the credential chain reports them.
pub(super) async fn read(profile_name: Option<&str>, given: Settings) -> Result<Settings, Error> {
    let env = Env::real();
    let profile = profile_name.map(|name| Cow::Owned(name.to_owned()));
    let profiles = aws_config::profile::load(&Fs::real(), &env, &EnvConfigFiles::default(), profile).await.ok();
    read_from(&env, profiles.as_ref(), given)
}

fn read_from(env: &Env, profiles: Option<&EnvConfigSections>, given: Settings) -> Result<Settings, Error> {
    let ca_bundle = given.ca_bundle.or_else(|| read_ca_bundle(env, profiles));
    let max_attempts = match given.max_attempts {
        Some(attempts) => Some(attempts),
        None => EnvConfigValue::new()
            .env("AWS_MAX_ATTEMPTS")
            .profile("max_attempts")
            .validate(env, profiles, |text| max_attempts_from_text(text).ok_or(Expected(MAX_ATTEMPTS_EXPECTED)))
            .map_err(unusable)?,
    };
    let retry_mode = match given.retry_mode {
        Some(mode) => Some(mode),
        None => EnvConfigValue::new()
            .env("AWS_RETRY_MODE")
            .profile("retry_mode")
            .validate(env, profiles, |text| RetryMode::from_name(text).ok_or(Expected("standard or adaptive")))
            .map_err(unusable)?,
    };
    Ok(Settings { ca_bundle, max_attempts, retry_mode })
}

fn read_ca_bundle(env: &Env, profiles: Option<&EnvConfigSections>) -> Option<PathBuf> {
    EnvConfigValue::new()
        .env("AWS_CA_BUNDLE")
        .profile("ca_bundle")
        .load(env, profiles)
        // An empty value is no value, as boto3 reads it.
        .filter(|(value, _)| !value.is_empty())
        .map(|(value, _)| PathBuf::from(value.as_ref()))
}

fn unusable(error: aws_runtime::env_config::EnvConfigError<Expected>) -> Error {
    Error::of_kind(ErrorKind::Configuration, format!("unusable setting: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)], config: &str) -> Result<Settings, Error> {
        let env = Env::from_slice(vars);
        let files = EnvConfigFiles::builder()
            .with_contents(aws_runtime::env_config::file::EnvConfigFileKind::Config, config.to_owned())
            .build();
        let profiles =
            futures_util::FutureExt::now_or_never(aws_config::profile::load(&Fs::from_slice(&[]), &env, &files, None))
                .unwrap()
                .ok();
        read_from(&env, profiles.as_ref(), Settings::default())
    }

    #[test]
    fn the_environment_wins_over_the_profile() {
        let found = settings(
            &[("AWS_MAX_ATTEMPTS", "5"), ("AWS_CA_BUNDLE", "/etc/ca.pem")],
            "[default]\nmax_attempts = 2\nretry_mode = adaptive\nca_bundle = /other.pem\n",
        )
        .unwrap();
        let expected = Settings {
            ca_bundle: Some("/etc/ca.pem".into()),
            max_attempts: Some(5),
            retry_mode: Some(RetryMode::Adaptive),
        };
        assert_eq!(found, expected);
        assert_eq!(settings(&[("AWS_CA_BUNDLE", "")], "").unwrap(), Settings::default());
    }

    #[test]
    fn an_unusable_value_is_a_configuration_error_naming_its_source() {
        for (vars, config, names) in [
            (vec![("AWS_MAX_ATTEMPTS", "0")], "", "AWS_MAX_ATTEMPTS"),
            (vec![("AWS_RETRY_MODE", "legacy")], "", "AWS_RETRY_MODE"),
            (vec![], "[default]\nretry_mode = legacy\n", "retry_mode"),
            (vec![], "[default]\nmax_attempts = many\n", "max_attempts"),
        ] {
            let error = settings(&vars, config).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::Configuration);
            assert!(error.message().contains(names), "{}", error.message());
        }
    }

    #[test]
    fn a_setting_given_in_code_is_not_read() {
        let env = Env::from_slice(&[("AWS_RETRY_MODE", "legacy"), ("AWS_MAX_ATTEMPTS", "0")]);
        let given = Settings { ca_bundle: None, max_attempts: Some(4), retry_mode: Some(RetryMode::Standard) };
        assert_eq!(read_from(&env, None, given.clone()).unwrap(), given);
    }
}
