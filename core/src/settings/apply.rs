//! A checked [`ClientSettings`] set on the core's configuration builder, over what the host's
//! environment and shared files gave.

use super::{ClientSettings, SettingNaming};
use crate::client::ConfigBuilder;
use crate::error::Error;
use std::time::Duration;

impl ClientSettings {
    /// Checks every setting ([`check`](Self::check), errors named as `naming` spells them) and
    /// sets those that are set on `builder`, which holds what the environment and shared files
    /// gave. The user agent gets `agent` (the binding, such as `binding/uniffi`), then the app name
    /// set here, then the one `builder` holds. `profile` is for [`load`](Self::load) alone.
    pub fn apply(self, builder: ConfigBuilder, agent: &str, naming: SettingNaming) -> Result<ConfigBuilder, Error> {
        self.check(naming)?;
        // Destructured whole, so a new setting does not compile until it is applied here.
        let ClientSettings {
            region,
            profile: _,
            endpoint_url,
            use_fips,
            use_dual_stack,
            max_attempts,
            retry_mode,
            retry_base_delay_ms,
            use_retry_quota,
            connect_timeout_ms,
            attempt_timeout_ms,
            call_timeout_ms,
            app_name,
        } = self;
        let loaded = builder.build();
        let agent = [agent, app_name.as_deref().unwrap_or(""), loaded.app_name().unwrap_or("")]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let mut builder = loaded.into_builder().app_name(agent);
        // The rules were checked: counts are from 1 to u32::MAX, durations non-negative.
        let millis = |ms: i64| Duration::from_millis(ms.unsigned_abs());
        if let Some(region) = region {
            builder = builder.region(region);
        }
        if let Some(url) = endpoint_url {
            builder = builder.endpoint_url(url);
        }
        if let Some(on) = use_fips {
            builder = builder.use_fips(on);
        }
        if let Some(on) = use_dual_stack {
            builder = builder.use_dual_stack(on);
        }
        if let Some(attempts) = max_attempts {
            builder = builder.max_attempts(u32::try_from(attempts).unwrap_or(u32::MAX));
        }
        if let Some(mode) = retry_mode {
            builder = builder.retry_mode(mode);
        }
        if let Some(base) = retry_base_delay_ms {
            builder = builder.initial_backoff(millis(base));
        }
        if let Some(on) = use_retry_quota {
            builder = builder.use_retry_quota(on);
        }
        if let Some(connect) = connect_timeout_ms {
            builder = builder.connect_timeout(millis(connect));
        }
        if let Some(attempt) = attempt_timeout_ms {
            builder = builder.attempt_timeout(millis(attempt));
        }
        if let Some(call) = call_timeout_ms {
            builder = builder.call_timeout(millis(call));
        }
        Ok(builder)
    }

    /// Checks the settings, loads the shared configuration as the SDKs do (the region, profile
    /// and retry settings set here are used while loading, and a retry setting set here is not
    /// read from the environment or the files), and applies the settings over it
    /// ([`apply`](Self::apply)). The client signs with `credentials` when given, else with the
    /// default credential chain's; in a build without the shared configuration, that is the
    /// environment's keys or a `Configuration` error naming the missing cargo feature
    /// ([`SharedConfigLoader::load`](crate::shared_config::SharedConfigLoader::load)).
    #[cfg(not(target_arch = "wasm32"))]
    pub async fn load(
        self,
        agent: &str,
        naming: SettingNaming,
        credentials: Option<std::sync::Arc<dyn crate::credentials::ProvideCredentials>>,
    ) -> Result<ConfigBuilder, Error> {
        self.check(naming)?;
        let mut loader = crate::shared_config::SharedConfigLoader::default();
        if let Some(provider) = credentials {
            loader = loader.credentials_provider(provider);
        }
        if let Some(region) = &self.region {
            loader = loader.region(region.clone());
        }
        if let Some(profile) = &self.profile {
            loader = loader.profile_name(profile.clone());
        }
        if let Some(attempts) = self.max_attempts {
            loader = loader.max_attempts(u32::try_from(attempts).unwrap_or(u32::MAX));
        }
        if let Some(mode) = self.retry_mode {
            loader = loader.retry_mode(mode);
        }
        self.apply(loader.load().await?, agent, naming)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::RetryMode;

    #[test]
    fn every_setting_reaches_the_configuration() {
        let settings = ClientSettings {
            region: Some("eu-west-1".into()),
            endpoint_url: Some("https://iot.example".into()),
            use_fips: Some(true),
            use_dual_stack: Some(true),
            max_attempts: Some(5),
            retry_mode: Some(RetryMode::Adaptive),
            retry_base_delay_ms: Some(20),
            use_retry_quota: Some(false),
            connect_timeout_ms: Some(100),
            attempt_timeout_ms: Some(200),
            call_timeout_ms: Some(300),
            app_name: Some("app/console".into()),
            profile: None,
        };
        let config = settings.apply(ConfigBuilder::default().app_name("app/env"), "lang/js", SettingNaming::Js);
        let config = config.unwrap().build();
        let endpoint = config.endpoint();
        assert_eq!(endpoint.region.as_deref(), Some("eu-west-1"));
        assert_eq!(endpoint.endpoint_url.as_deref(), Some("https://iot.example"));
        assert!(endpoint.use_fips && endpoint.use_dual_stack);
        let retry = config.retry();
        assert_eq!((retry.max_attempts, retry.mode, retry.use_retry_quota), (5, RetryMode::Adaptive, false));
        assert_eq!(retry.initial_backoff, Duration::from_millis(20));
        let timeouts = config.timeouts();
        assert_eq!(timeouts.connect, Duration::from_millis(100));
        assert_eq!(
            (timeouts.attempt, timeouts.call),
            (Some(Duration::from_millis(200)), Some(Duration::from_millis(300)))
        );
        assert_eq!(config.app_name(), Some("lang/js app/console app/env"));
    }

    #[test]
    fn nothing_is_applied_when_a_rule_is_broken() {
        let settings = ClientSettings { call_timeout_ms: Some(-1), ..ClientSettings::default() };
        assert!(settings.apply(ConfigBuilder::default(), "", SettingNaming::Swift).is_err());
    }
}
