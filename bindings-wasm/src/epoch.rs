//! Times from JavaScript: a `Date` or a number of milliseconds since the epoch, as the signing
//! date of a presigned request and the expiry of credentials.

use iot_transfer::signing::signing_time_from_epoch_millis;
use iot_transfer::{InputField, TransferCertificateError, ValidationError, ValidationRule};
use js_sys::Date;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wasm_bindgen::{JsCast, JsValue};

/// What a time member must be, as the validation rule says it.
pub(crate) const EXPECTED: &str = "valid Date or a finite number of milliseconds since the epoch";

/// The value is neither a valid `Date` nor a finite number.
#[derive(Debug)]
pub(crate) struct NotATime;

/// Milliseconds since the epoch of a valid `Date` or a finite number; `None` for `null` and
/// `undefined`.
pub(crate) fn epoch_millis(value: &JsValue) -> Result<Option<f64>, NotATime> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let millis = match value.dyn_ref::<Date>() {
        Some(date) => date.get_time(),
        None => value.as_f64().ok_or(NotATime)?,
    };
    if millis.is_finite() {
        Ok(Some(millis))
    } else {
        Err(NotATime)
    }
}

/// The time `millis` milliseconds after the epoch (before it when negative), or `None` when
/// `SystemTime` cannot hold it. On wasm32 it holds no time before 1970: std keeps it as a
/// duration since the epoch there, and `UNIX_EPOCH - d` would panic.
pub(crate) fn time_from_millis(millis: f64) -> Option<SystemTime> {
    if !millis.is_finite() || millis.abs() >= u64::MAX as f64 {
        return None;
    }
    // Whole milliseconds (a `Date` has no finer ones); `as u64` cannot overflow after the check.
    let span = Duration::from_millis(millis.abs() as u64);
    if millis >= 0.0 {
        UNIX_EPOCH.checked_add(span)
    } else {
        UNIX_EPOCH.checked_sub(span)
    }
}

/// The `signingDate` of `signTransferCertificate`: `None` to sign now. A value that is not a time
/// is a validation error; the core converts the number and judges its range.
pub(crate) fn signing_date(value: &JsValue) -> Result<Option<SystemTime>, TransferCertificateError> {
    let wrong_type =
        |_| ValidationError::new(InputField::SigningDate, ValidationRule::WrongType { expected: EXPECTED });
    let Some(millis) = epoch_millis(value).map_err(wrong_type)? else {
        return Ok(None);
    };
    Ok(Some(signing_time_from_epoch_millis(millis)?))
}
