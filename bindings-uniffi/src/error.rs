//! The one error enum of the bindings, mapped once from the core's error.
//!
//! Every variant carries the core's one record of an error, [`ErrorDetails`] (kind, code, message,
//! fault, retryable, throttling, possibly applied, hint, the member and rule of a validation
//! error, and the response metadata), which the generated faces expose on the base type (Kotlin
//! extension properties, a Swift extension, Python's face).

use iot_transfer::{ErrorDetails, ErrorKind};
use std::fmt;

/// Expands the error enum and its mapping from the core's error from the core's one declaration
/// of error kinds ([`iot_transfer::for_each_error_kind!`]): a kind added there is a variant here,
/// and in Python, Kotlin and Swift.
macro_rules! uniffi_error {
    (
        modelled { $( $(#[doc = $mdoc:literal])* $modelled:ident = $code:literal / $status:literal $(=> $mhint:literal)?, )* }
        service { $( $(#[doc = $sdoc:literal])* $service:ident = $sname:literal $(=> $shint:literal)?, )* }
        validation { $(#[doc = $vdoc:literal])* $validation:ident($vpayload:ty) = $vcode:literal, }
        local { $( $(#[doc = $ldoc:literal])* $local:ident $(($payload:ty))? = $lcode:literal, )* }
    ) => {
        /// A failed call of any operation of the client: one variant per service error code, plus
        /// validation, auth, transport, timeout, credentials, endpoint and unknown-code variants,
        /// each carrying the error's details.
        #[derive(Debug, uniffi::Error)]
        pub enum IotTransferError {
            $( $(#[doc = $mdoc])* $modelled { details: ErrorDetails }, )*
            $( $(#[doc = $sdoc])* $service { details: ErrorDetails }, )*
            $(#[doc = $vdoc])* $validation { details: ErrorDetails },
            $( $(#[doc = $ldoc])* $local { details: ErrorDetails }, )*
        }

        impl IotTransferError {
            /// What every variant carries.
            pub fn details(&self) -> &ErrorDetails {
                match self {
                    $( Self::$modelled { details } )|* | $( Self::$service { details } )|* |
                    Self::$validation { details } | $( Self::$local { details } )|* => details,
                }
            }
        }

        impl From<iot_transfer::Error> for IotTransferError {
            fn from(error: iot_transfer::Error) -> Self {
                let details = error.details();
                match error.kind() {
                    $( ErrorKind::$modelled => Self::$modelled { details }, )*
                    $( ErrorKind::$service => Self::$service { details }, )*
                    ErrorKind::$validation(_) => Self::$validation { details },
                    $( uniffi_error!(@pattern $local $(($payload))?) => Self::$local { details }, )*
                    // Kinds a newer core adds before this binding is rebuilt from the declaration.
                    _ => Self::UnknownService { details },
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
        write!(f, "{}: {}", self.details().code, self.details().message)
    }
}

impl std::error::Error for IotTransferError {}
