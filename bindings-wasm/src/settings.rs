//! The declared client settings ([`iot_transfer::settings::SETTINGS`]) read from the JavaScript
//! configuration object by their JS SDK names (`timeouts.connect` inside `timeouts`). This reads
//! each member's JavaScript type; the core checks the rules. A message names the member and never
//! repeats its value (it may be a secret put in the wrong member).

use crate::js_value::MemberError;
use crate::member_types::{well_formed_text, NotText, LONE_SURROGATE};
use iot_transfer::settings::{ClientSettings, SettingKind, SettingValue, SETTINGS};
use iot_transfer::RetryMode;
use wasm_bindgen::JsValue;

/// The settings `config` (an object) sets; `null` and `undefined` members are not set, and
/// members that are not settings are left to the caller.
pub(crate) fn settings_from_js(config: &JsValue) -> Result<ClientSettings, MemberError> {
    let mut settings = ClientSettings::default();
    for setting in SETTINGS {
        let Some(path) = setting.js else { continue };
        let value = member_at(config, path)?;
        if is_unset(&value) {
            continue;
        }
        let read = value_of(setting.kind, &value).map_err(|message| MemberError::new(path, message))?;
        settings.set(setting.name, read);
    }
    Ok(settings)
}

/// The member at `path` (`a.b` for `b` of the object `a`), `undefined` where a parent is unset.
pub(crate) fn member_at(object: &JsValue, path: &str) -> Result<JsValue, MemberError> {
    let mut value = object.clone();
    let mut walked = String::new();
    for key in path.split('.') {
        if is_unset(&value) {
            return Ok(JsValue::UNDEFINED);
        }
        if !value.is_object() {
            return Err(MemberError::new(walked, "must be an object"));
        }
        value = js_sys::Reflect::get(&value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        walked = if walked.is_empty() { key.to_owned() } else { format!("{walked}.{key}") };
    }
    Ok(value)
}

/// `value` as a setting of `kind`, or what it must be. A number of attempts or milliseconds is
/// carried as it is (fractions of a millisecond dropped), for the core's rule to judge.
fn value_of(kind: SettingKind, value: &JsValue) -> Result<SettingValue, String> {
    let number = || value.as_f64().filter(|n| n.is_finite());
    let read = match kind {
        SettingKind::Text => {
            return match well_formed_text(value) {
                Ok(text) => Ok(SettingValue::Text(text)),
                Err(NotText::WrongType) => Err("must be a string".into()),
                Err(NotText::LoneSurrogate) => Err(LONE_SURROGATE.into()),
            }
        }
        SettingKind::Flag => value.as_bool().map(SettingValue::Flag),
        // `as i64` saturates: a huge number stays out of range for the rule.
        SettingKind::Attempts => number().filter(|n| n.fract() == 0.0).map(|n| SettingValue::Attempts(n as i64)),
        SettingKind::Millis => number().map(|n| SettingValue::Millis(n as i64)),
        SettingKind::Mode => {
            return value
                .as_string()
                .and_then(|name| RetryMode::from_name(&name))
                .map(SettingValue::Mode)
                .ok_or_else(|| "must be \"standard\" or \"adaptive\"".into())
        }
    };
    read.ok_or_else(|| match kind {
        SettingKind::Flag => "must be a boolean".into(),
        kind => format!("must be {}", kind.expected().unwrap_or("valid")),
    })
}

/// `null` and `undefined` mean "not set".
pub(crate) fn is_unset(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}
