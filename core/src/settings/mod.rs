//! The client settings, declared once ([`for_each_setting!`](crate::for_each_setting)) and
//! expanded here into the record every binding fills ([`ClientSettings`]), the table the
//! generator and the environment reader walk ([`SETTINGS`]), each setting's name in each
//! language ([`SettingNaming`]), and the rules the core checks for every language.

mod apply;
mod build_feature;
mod declaration;
mod rules;

pub use build_feature::{BuildFeature, SHARED_CONFIG};
pub use rules::MAX_DURATION_MS;

use crate::operation::lower_camel;
use crate::retry::RetryMode;

/// The value types of the setting kinds, as [`ClientSettings`] carries them.
pub mod kinds {
    /// Text.
    pub type Text = String;
    /// On or off.
    pub type Flag = bool;
    /// A count of attempts, signed so a negative one reaches the core's rule.
    pub type Attempts = i64;
    /// A duration in milliseconds, signed so a negative one reaches the core's rule.
    pub type Millis = i64;
    /// The retry mode.
    pub type Mode = crate::retry::RetryMode;
}

/// What a setting holds, which decides its type in every language and the rule it obeys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// Text.
    Text,
    /// On or off.
    Flag,
    /// Attempts per call: a whole number from 1 to 4294967295.
    Attempts,
    /// A duration: milliseconds from 0 to [`MAX_DURATION_MS`] (seconds in Python, a `Duration`
    /// in Kotlin).
    Millis,
    /// `standard` or `adaptive`.
    Mode,
}

/// One declared setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting {
    /// Its declared (snake-case) name, such as `connect_timeout_ms`.
    pub name: &'static str,
    /// What it holds.
    pub kind: SettingKind,
    /// Its doc comment, one line per line of the declaration.
    pub doc: &'static str,
    /// The boto3 keyword argument.
    pub python: &'static str,
    /// The JS SDK's member (`timeouts.connect` for a nested one), if the npm package offers it.
    pub js: Option<&'static str>,
    /// The environment variables it is read from where the environment is all there is, first
    /// set wins.
    pub env: &'static [&'static str],
    /// The cargo feature without which it cannot be honoured, if any (the profile needs the
    /// shared configuration).
    pub needs: Option<BuildFeature>,
}

/// One setting's value, of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingValue {
    /// Text.
    Text(String),
    /// On or off.
    Flag(bool),
    /// Attempts per call.
    Attempts(i64),
    /// Milliseconds.
    Millis(i64),
    /// The retry mode.
    Mode(RetryMode),
}

/// The naming a language's users know a setting by, for messages that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingNaming {
    /// The declaration's: `connect_timeout_ms` (Rust).
    Declared,
    /// The uniffi record's, as Swift spells it: `connectTimeoutMs`.
    Swift,
    /// The Kotlin builder's: `connectTimeout` (a duration is a `Duration`).
    Kotlin,
    /// boto3's keyword arguments: `connect_timeout`.
    Python,
    /// The JS SDK's members: `timeouts.connect`.
    Js,
}

impl Setting {
    /// The setting's name in `naming`; `None` in JavaScript for a setting the npm package does
    /// not offer.
    pub fn name_in(&self, naming: SettingNaming) -> Option<String> {
        match naming {
            SettingNaming::Declared => Some(self.name.to_owned()),
            SettingNaming::Swift => Some(lower_camel(self.name)),
            SettingNaming::Kotlin => Some(lower_camel(self.kotlin_stem())),
            SettingNaming::Python => Some(self.python.to_owned()),
            SettingNaming::Js => self.js.map(str::to_owned),
        }
    }

    /// The name without its unit where the language's type carries the unit (a duration).
    fn kotlin_stem(&self) -> &'static str {
        match self.kind {
            SettingKind::Millis => self.name.trim_end_matches("_ms"),
            _ => self.name,
        }
    }

    /// The setting named `name` in the declaration. Panics for another name: callers pass
    /// declared names.
    pub fn named(name: &str) -> &'static Setting {
        SETTINGS.iter().find(|setting| setting.name == name).unwrap_or_else(|| panic!("no setting {name}"))
    }
}

macro_rules! expand_settings {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident: $kind:ident { python: $python:literal $(, js: $js:literal)? $(, env: [$($env:literal),* $(,)?])? $(, needs: $needs:ident)? $(,)? },
    )*) => {
        /// Every client setting, as one record: each binding fills it from its host's values and
        /// hands it to the core, which checks and applies it. Unset settings come from the
        /// environment and the shared files, else from the SDKs' defaults.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct ClientSettings {
            $( $(#[doc = $doc])* pub $name: Option<kinds::$kind>, )*
        }

        /// Every declared setting, in declaration order.
        pub static SETTINGS: &[Setting] = &[ $(
            Setting {
                name: stringify!($name),
                kind: SettingKind::$kind,
                doc: concat!($($doc, "\n"),*),
                python: $python,
                js: first(&[$($js)?]),
                env: &[$($($env),*)?],
                needs: first(&[$($needs)?]),
            },
        )* ];

        impl ClientSettings {
            /// Each setting that is set, with its value.
            pub fn values(&self) -> Vec<(&'static Setting, SettingValue)> {
                let mut values = Vec::new();
                $(
                    if let Some(value) = &self.$name {
                        values.push((Setting::named(stringify!($name)), SettingValue::$kind(value.clone())));
                    }
                )*
                values
            }

            /// Whether the setting named `name` is set.
            pub fn is_set(&self, name: &str) -> bool {
                match name {
                    $( stringify!($name) => self.$name.is_some(), )*
                    _ => false,
                }
            }

            /// Sets the setting named `name`; a value of another kind, or an unknown name, changes
            /// nothing (the environment reader parses each variable by its setting's kind).
            pub fn set(&mut self, name: &str, value: SettingValue) {
                match (name, value) {
                    $( (stringify!($name), SettingValue::$kind(value)) => self.$name = Some(value), )*
                    _ => {}
                }
            }
        }
    };
}

/// The first of at most one item (an optional part of the declaration).
const fn first<T: Copy>(items: &[T]) -> Option<T> {
    match items {
        [item, ..] => Some(*item),
        [] => None,
    }
}

crate::for_each_setting!(expand_settings);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_names_a_setting_its_way() {
        let connect = Setting::named("connect_timeout_ms");
        let names: Vec<_> = [
            SettingNaming::Declared,
            SettingNaming::Swift,
            SettingNaming::Kotlin,
            SettingNaming::Python,
            SettingNaming::Js,
        ]
        .into_iter()
        .map(|naming| connect.name_in(naming))
        .collect();
        let expected =
            ["connect_timeout_ms", "connectTimeoutMs", "connectTimeout", "connect_timeout", "timeouts.connect"];
        assert_eq!(names, expected.map(|name| Some(name.to_owned())));
        assert_eq!(Setting::named("use_dual_stack").name_in(SettingNaming::Kotlin).as_deref(), Some("useDualStack"));
        assert_eq!(Setting::named("profile").name_in(SettingNaming::Js), None);
    }

    #[test]
    fn the_table_and_the_record_agree() {
        let mut settings = ClientSettings::default();
        for setting in SETTINGS {
            assert!(!settings.is_set(setting.name));
            let value = match setting.kind {
                SettingKind::Text => SettingValue::Text("x".into()),
                SettingKind::Flag => SettingValue::Flag(true),
                SettingKind::Attempts => SettingValue::Attempts(2),
                SettingKind::Millis => SettingValue::Millis(5),
                SettingKind::Mode => SettingValue::Mode(RetryMode::Adaptive),
            };
            settings.set(setting.name, value.clone());
            assert!(settings.is_set(setting.name), "{}", setting.name);
            assert!(settings.values().contains(&(setting, value)));
        }
        assert_eq!(settings.values().len(), SETTINGS.len());
        assert!(SETTINGS.iter().all(|setting| !setting.doc.trim().is_empty()));
    }
}
