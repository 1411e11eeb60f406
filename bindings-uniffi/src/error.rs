//! The one error enum of the bindings, mapped once from the core's error.
//!
//! Every variant carries the same fields, readable in each host language: `code`,
//! `error_message` (not `message`, which Kotlin's `Throwable` owns),
//! `http_status`, `request_id`, `attempts`, `total_retry_delay_ms`, `retryable`,
//! `possibly_applied`, `reconciled` and `hint`; `Validation` also names the `field` and the `rule`,
//! and gives the member's name and the message in snake case (`snake_case_field`,
//! `snake_case_message`) for hosts whose arguments are spelled so (Python).

use crate::records::millis;
use iot_transfer::{ErrorKind, FieldNaming};
use std::fmt;

/// Expands the error enum, its accessors and its mapping from the core's error from the core's
/// one declaration of error kinds ([`iot_transfer::for_each_error_kind!`]): a kind added there
/// is a variant here, and in Python, Kotlin and Swift.
macro_rules! uniffi_error {
    (
        modelled { $( $(#[doc = $mdoc:literal])* $modelled:ident = $code:literal / $status:literal, )* }
        service { $( $(#[doc = $sdoc:literal])* $service:ident = $sname:literal, )* }
        validation { $(#[doc = $vdoc:literal])* $validation:ident($vpayload:ty) = $vcode:literal, }
        local { $( $(#[doc = $ldoc:literal])* $local:ident $(($payload:ty))? = $lcode:literal, )* }
    ) => {
        /// A failed call of any operation of the client: one variant per
        /// service error code, plus validation, auth, transport, timeout, credentials, endpoint
        /// and unknown-code variants.
        #[derive(Debug, uniffi::Error)]
        pub enum IotTransferError {
            $( $(#[doc = $mdoc])* $modelled { code: String,
                error_message: String,
                http_status: Option<u16>,
                request_id: Option<String>,
                attempts: u32,
                total_retry_delay_ms: u64,
                retryable: bool,
                possibly_applied: bool,
                reconciled: bool,
                hint: Option<String>,
                }, )*
            $( $(#[doc = $sdoc])* $service { code: String,
                error_message: String,
                http_status: Option<u16>,
                request_id: Option<String>,
                attempts: u32,
                total_retry_delay_ms: u64,
                retryable: bool,
                possibly_applied: bool,
                reconciled: bool,
                hint: Option<String>,
                }, )*
            $(#[doc = $vdoc])*
            $validation { code: String,
                error_message: String,
                http_status: Option<u16>,
                request_id: Option<String>,
                attempts: u32,
                total_retry_delay_ms: u64,
                retryable: bool,
                possibly_applied: bool,
                reconciled: bool,
                hint: Option<String>,
                field: String, rule: String, snake_case_field: String, snake_case_message: String },
            $( $(#[doc = $ldoc])* $local { code: String,
                error_message: String,
                http_status: Option<u16>,
                request_id: Option<String>,
                attempts: u32,
                total_retry_delay_ms: u64,
                retryable: bool,
                possibly_applied: bool,
                reconciled: bool,
                hint: Option<String>,
                }, )*
        }

        impl IotTransferError {
            /// The error code (`CertificateStateException`, `ValidationError`, ...).
            pub fn code(&self) -> &str {
                match self {
                    $( Self::$modelled { code, .. } )|* | $( Self::$service { code, .. } )|* |
                    Self::$validation { code, .. } | $( Self::$local { code, .. } )|* => code,
                }
            }

            /// The human-readable message.
            pub fn message(&self) -> &str {
                match self {
                    $( Self::$modelled { error_message, .. } )|* | $( Self::$service { error_message, .. } )|* |
                    Self::$validation { error_message, .. } | $( Self::$local { error_message, .. } )|* => error_message,
                }
            }
        }

        impl From<iot_transfer::Error> for IotTransferError {
            fn from(error: iot_transfer::Error) -> Self {
                let metadata = error.metadata();
                let (code, error_message) = (error.code().to_owned(), error.message().to_owned());
                let (http_status, request_id) = (metadata.http_status, metadata.request_id.clone());
                let (attempts, total_retry_delay_ms) = (metadata.attempts, millis(metadata.total_retry_delay));
                let (retryable, possibly_applied) = (error.is_retryable(), error.possibly_applied());
                let reconciled = metadata.reconciled;
                let hint = error.hint().map(str::to_owned);
                match error.kind() {
                    $( ErrorKind::$modelled => Self::$modelled {
                        code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                        possibly_applied, reconciled, hint,
                    }, )*
                    $( ErrorKind::$service => Self::$service {
                        code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                        possibly_applied, reconciled, hint,
                    }, )*
                    ErrorKind::$validation(validation) => Self::$validation {
                        code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                        possibly_applied, reconciled, hint,
                        field: validation.field().model_name().to_owned(),
                        rule: validation.rule().to_string(),
                        snake_case_field: validation.field().snake_case_name().to_owned(),
                        snake_case_message: validation.message(FieldNaming::SnakeCase),
                    },
                    $( uniffi_error!(@pattern $local $(($payload))?) => Self::$local {
                        code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                        possibly_applied, reconciled, hint,
                    }, )*
                    // Kinds a newer core adds before this binding is rebuilt from the declaration.
                    _ => Self::UnknownService {
                        code, error_message, http_status, request_id, attempts, total_retry_delay_ms, retryable,
                        possibly_applied, reconciled, hint,
                    },
                }
            }
        }
    };
    (@pattern $local:ident ($payload:ty)) => { ErrorKind::$local(_) };
    (@pattern $local:ident) => { ErrorKind::$local };
}

iot_transfer::for_each_error_kind!(uniffi_error);

impl fmt::Display for IotTransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for IotTransferError {}
