//! The client configuration record, expanded from the core's declaration of the settings
//! ([`iot_transfer::for_each_setting!`]), and the core configuration it gives: the shared
//! configuration the SDKs read (environment, shared files), with what the record sets on top,
//! checked by the core's rules.

use crate::error::IotTransferError;
use iot_transfer::settings::{kinds, ClientSettings};
use iot_transfer::{ConfigBuilder, ProvideCredentials};
use std::sync::Arc;

pub use iot_transfer::settings::SettingNaming;
pub use iot_transfer::RetryMode;

macro_rules! client_config {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $kind:ident { $($faces:tt)* },
    )*) => {
        /// Where the service is and how to retry and time out; durations in milliseconds. A
        /// setting left unset comes from the environment and the shared AWS files, as in the AWS
        /// SDKs, else from the SDKs' defaults.
        #[derive(Debug, Clone, Default, uniffi::Record)]
        pub struct ClientConfig {
            $( $(#[doc = $doc])* #[uniffi(default = None)] pub $name: Option<kinds::$kind>, )*
        }

        impl From<ClientConfig> for ClientSettings {
            fn from(config: ClientConfig) -> Self {
                ClientSettings { $( $name: config.$name, )* }
            }
        }
    };
}

iot_transfer::for_each_setting!(client_config);

/// How failed attempts are retried, as the SDKs' `retry_mode`.
#[uniffi::remote(Enum)]
pub enum RetryMode {
    /// Attempts with full-jitter backoff and a retry quota.
    Standard,
    /// The standard mode plus a client-side rate limiter once the service throttles.
    Adaptive,
}

/// The naming a language's users know a setting by, for the message of a setting that breaks
/// its rule.
#[uniffi::remote(Enum)]
pub enum SettingNaming {
    /// The declaration's: `connect_timeout_ms`.
    Declared,
    /// The record's, as Swift spells it: `connectTimeoutMs`.
    Swift,
    /// The Kotlin builder's: `connectTimeout`.
    Kotlin,
    /// boto3's keyword arguments: `connect_timeout`.
    Python,
    /// The JS SDK's members: `timeouts.connect`.
    Js,
}

/// Checks `config` against the core's rules, naming a setting that breaks one as `naming`
/// spells it (a face checks before it builds a client, so its users read their own names).
#[uniffi::export]
pub fn check_client_config(config: ClientConfig, naming: SettingNaming) -> Result<(), IotTransferError> {
    Ok(ClientSettings::from(config).check(naming)?)
}

impl ClientConfig {
    /// The shared configuration, loaded as the SDKs load it (the region, profile and retry
    /// settings set here are used while loading), with this record's settings on top; signing
    /// with `credentials` when given, else with the default chain's (the core decides what a
    /// build without the shared configuration does: `ClientSettings::load`).
    pub(crate) async fn load(
        self,
        credentials: Option<Arc<dyn ProvideCredentials>>,
    ) -> Result<ConfigBuilder, iot_transfer::Error> {
        ClientSettings::from(self).load("binding/uniffi", SettingNaming::Swift, credentials).await
    }
}
