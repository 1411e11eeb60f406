//! The rules a setting's value obeys, by kind, checked in the core for every language, and the
//! parsing of a setting from an environment variable's text.

use super::{ClientSettings, SettingKind, SettingNaming, SettingValue};
use crate::error::Error;
use crate::retry::{max_attempts_from_text, RetryMode, MAX_ATTEMPTS_EXPECTED};

/// The longest duration a setting may hold: 24 days in milliseconds. Longer is no timeout a
/// caller means, and JavaScript's timers fire at once past 2^31 - 1 ms (24.8 days).
pub const MAX_DURATION_MS: i64 = 24 * 24 * 60 * 60 * 1000;

impl SettingValue {
    /// `Err(what it must be)` when the value breaks its kind's rule ([`SettingKind::expected`]).
    pub fn rule(&self) -> Result<(), &'static str> {
        let within = match self {
            SettingValue::Attempts(count) => (1..=i64::from(u32::MAX)).contains(count),
            SettingValue::Millis(millis) => (0..=MAX_DURATION_MS).contains(millis),
            SettingValue::Text(_) | SettingValue::Flag(_) | SettingValue::Mode(_) => true,
        };
        match within {
            true => Ok(()),
            false => Err(self.kind().expected().unwrap_or("valid")),
        }
    }

    /// The value's kind.
    pub fn kind(&self) -> SettingKind {
        match self {
            SettingValue::Text(_) => SettingKind::Text,
            SettingValue::Flag(_) => SettingKind::Flag,
            SettingValue::Attempts(_) => SettingKind::Attempts,
            SettingValue::Millis(_) => SettingKind::Millis,
            SettingValue::Mode(_) => SettingKind::Mode,
        }
    }
}

impl SettingKind {
    /// What a value of this kind must be, for a kind with a rule beyond its type: the text of
    /// every message about it, in every language (`must be ...`), also where a host value is not
    /// even a number.
    pub fn expected(self) -> Option<&'static str> {
        match self {
            SettingKind::Attempts => Some("a whole number from 1 to 4294967295"),
            SettingKind::Millis => Some("a duration from 0 to 24 days"),
            SettingKind::Text | SettingKind::Flag | SettingKind::Mode => None,
        }
    }

    /// The value an environment variable's `text` spells for a setting of this kind, or what the
    /// variable must hold. Flags are `true` or `false` exactly, as the JS SDK reads them.
    pub(crate) fn parse(self, text: &str) -> Result<SettingValue, &'static str> {
        match self {
            SettingKind::Text => Ok(SettingValue::Text(text.to_owned())),
            SettingKind::Flag => match text {
                "true" => Ok(SettingValue::Flag(true)),
                "false" => Ok(SettingValue::Flag(false)),
                _ => Err("true or false"),
            },
            SettingKind::Attempts => {
                max_attempts_from_text(text).map(|n| SettingValue::Attempts(n.into())).ok_or(MAX_ATTEMPTS_EXPECTED)
            }
            SettingKind::Millis => text.parse().map(SettingValue::Millis).map_err(|_| "a whole number of milliseconds"),
            SettingKind::Mode => RetryMode::from_name(text).map(SettingValue::Mode).ok_or("standard or adaptive"),
        }
    }
}

impl ClientSettings {
    /// Checks every setting that is set against its kind's rule, and that this build has the
    /// feature it [`needs`](super::Setting::needs): the first that fails is a `Configuration`
    /// error naming the setting as `naming` spells it (`timeouts.attempt must be a duration from
    /// 0 to 24 days`; `profile_name is set: this build has no shared configuration (the cargo
    /// feature ...`). The value is not repeated: it may be a secret put in the wrong setting.
    pub fn check(&self, naming: SettingNaming) -> Result<(), Error> {
        for (setting, value) in self.values() {
            let name = || setting.name_in(naming).unwrap_or_else(|| setting.name.to_owned());
            if let Err(rule) = value.rule() {
                return Err(Error::configuration(format!("{} must be {rule}", name())));
            }
            if let Some(feature) = setting.needs.filter(|feature| !feature.enabled) {
                return Err(feature.missing(&format!("{} is set", name()), "leave it unset"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn durations_and_counts_have_ranges() {
        for (value, ok) in [
            (SettingValue::Millis(-1), false),
            (SettingValue::Millis(0), true),
            (SettingValue::Millis(MAX_DURATION_MS), true),
            (SettingValue::Millis(MAX_DURATION_MS + 1), false),
            (SettingValue::Attempts(0), false),
            (SettingValue::Attempts(1), true),
            (SettingValue::Attempts(i64::from(u32::MAX)), true),
            (SettingValue::Attempts(i64::from(u32::MAX) + 1), false),
            (SettingValue::Attempts(-1), false),
        ] {
            assert_eq!(value.rule().is_ok(), ok, "{value:?}");
        }
    }

    #[test]
    fn a_broken_rule_names_the_setting_in_the_language() {
        let settings = ClientSettings { attempt_timeout_ms: Some(-5), ..ClientSettings::default() };
        let error = settings.check(SettingNaming::Js).unwrap_err();
        assert_eq!(*error.kind(), ErrorKind::Configuration);
        assert_eq!(error.message(), "timeouts.attempt must be a duration from 0 to 24 days");
        let error = settings.check(SettingNaming::Kotlin).unwrap_err();
        assert_eq!(error.message(), "attemptTimeout must be a duration from 0 to 24 days");
        let settings = ClientSettings { max_attempts: Some(-1), ..ClientSettings::default() };
        let error = settings.check(SettingNaming::Python).unwrap_err();
        assert_eq!(error.message(), "max_attempts must be a whole number from 1 to 4294967295");
        assert!(ClientSettings::default().check(SettingNaming::Declared).is_ok());
    }

    #[test]
    fn a_setting_needing_a_feature_this_build_lacks_names_the_feature() {
        let settings = ClientSettings { profile: Some("work".into()), ..ClientSettings::default() };
        let result = settings.check(SettingNaming::Python);
        assert_eq!(result.is_ok(), crate::settings::SHARED_CONFIG.enabled);
        if let Err(error) = result {
            assert_eq!(*error.kind(), ErrorKind::Configuration);
            let message = error.message();
            assert!(message.starts_with("profile_name is set: this build has no shared configuration"), "{message}");
            assert!(message.contains("the cargo feature `shared-config`"), "{message}");
        }
    }

    #[test]
    fn environment_text_is_parsed_by_kind() {
        assert_eq!(SettingKind::Flag.parse("true"), Ok(SettingValue::Flag(true)));
        assert_eq!(SettingKind::Flag.parse("TRUE"), Err("true or false"));
        assert_eq!(SettingKind::Attempts.parse("5"), Ok(SettingValue::Attempts(5)));
        assert!(SettingKind::Attempts.parse("0").is_err());
        assert_eq!(SettingKind::Mode.parse("adaptive"), Ok(SettingValue::Mode(RetryMode::Adaptive)));
        assert!(SettingKind::Mode.parse("legacy").is_err());
        assert_eq!(SettingKind::Millis.parse("250"), Ok(SettingValue::Millis(250)));
    }
}
