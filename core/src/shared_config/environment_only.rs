//! The loader of a build without the cargo feature `shared-config` (the mobile library: iOS and
//! Android have no shared files or instance metadata, and `aws-config` with its STS and SSO
//! clients would be half of the library): the environment variables the core reads itself
//! ([`crate::environment`], as in Node) and what is given in code. A profile, or no credentials
//! given and none in the environment, is a `Configuration` error naming the feature: never a
//! silent fallback.

use super::SharedConfigLoader;
use crate::client::ConfigBuilder;
use crate::credentials::ProvideCredentials;
use crate::environment::{credentials_from_environment, fill_from_environment};
use crate::error::Error;
use crate::settings::{ClientSettings, SettingNaming, SHARED_CONFIG};
use std::sync::Arc;

/// What to do instead of reading a profile.
const NO_PROFILE: &str = "give the region, the endpoint and the credentials in code instead";

/// What to do instead of the default credential chain.
const NO_DEFAULT_CHAIN: &str = "give credentials or a credentials provider (such as the host app's \
    session), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";

/// Reads the process environment (see [`SharedConfigLoader::load`]).
pub(super) async fn load(loader: SharedConfigLoader) -> Result<ConfigBuilder, Error> {
    load_from(loader, |name| std::env::var(name).ok())
}

/// [`load`] over the variables `get` returns.
fn load_from(loader: SharedConfigLoader, get: impl Fn(&str) -> Option<String>) -> Result<ConfigBuilder, Error> {
    let SharedConfigLoader { region, profile_name, ca_bundle, max_attempts, retry_mode, credentials } = loader;
    if let Some(name) = profile_name {
        return Err(SHARED_CONFIG.missing(&format!("the profile `{name}` cannot be read"), NO_PROFILE));
    }
    let mut settings =
        ClientSettings { region, max_attempts: max_attempts.map(i64::from), retry_mode, ..ClientSettings::default() };
    fill_from_environment(&mut settings, &get)?;
    let credentials: Arc<dyn ProvideCredentials> = match credentials {
        Some(provider) => provider,
        None => Arc::new(
            credentials_from_environment(&get)
                .ok_or_else(|| SHARED_CONFIG.missing("no credentials", NO_DEFAULT_CHAIN))?,
        ),
    };
    let mut builder = settings.apply(ConfigBuilder::default(), "", SettingNaming::Declared)?;
    if let Some(path) = ca_bundle {
        builder = builder.ca_bundle(path);
    }
    Ok(builder.credentials_provider(credentials))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::Credentials;
    use crate::ErrorKind;

    fn lookup<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    fn assert_names_the_feature(error: &Error, asked: &str) {
        assert_eq!(error.kind(), &ErrorKind::Configuration);
        let message = error.message();
        assert!(message.starts_with(asked) && message.contains("the cargo feature `shared-config`"), "{message}");
    }

    #[test]
    fn default_credentials_with_no_other_source_name_the_feature() {
        let error = load_from(SharedConfigLoader::default().region("eu-west-1"), lookup(&[])).unwrap_err();
        assert_names_the_feature(&error, "no credentials");
        assert!(error.message().contains("give credentials or a credentials provider"));
    }

    #[test]
    fn a_profile_names_the_feature() {
        let vars = [("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "S")];
        let error = load_from(SharedConfigLoader::default().profile_name("work"), lookup(&vars)).unwrap_err();
        assert_names_the_feature(&error, "the profile `work` cannot be read");
    }

    #[test]
    fn the_environment_and_given_credentials_are_read() {
        let vars =
            [("AWS_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL_IOT", "https://iot.example"), ("AWS_MAX_ATTEMPTS", "5")];
        let given = Arc::new(Credentials::new("AKID", "S", None, None));
        let loader = SharedConfigLoader::default().max_attempts(2).credentials_provider(given);
        let config = load_from(loader, lookup(&vars)).unwrap().build();
        assert_eq!(config.endpoint().region.as_deref(), Some("eu-west-1"));
        assert_eq!(config.endpoint().endpoint_url.as_deref(), Some("https://iot.example"));
        assert_eq!(config.retry().max_attempts, 2);
        let pair = [("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "S")];
        assert!(load_from(SharedConfigLoader::default(), lookup(&pair)).is_ok());
        let error = load_from(SharedConfigLoader::default(), lookup(&[("AWS_USE_FIPS_ENDPOINT", "yes")])).unwrap_err();
        assert!(error.message().contains("AWS_USE_FIPS_ENDPOINT"), "{}", error.message());
    }
}
