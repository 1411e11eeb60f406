//! Every kind of error, declared once. [`for_each_error_kind!`](crate::for_each_error_kind) holds
//! the list; the core's [`ErrorKind`], the mapping from a service error code to its kind, and
//! [`ERROR_KINDS`] (which the JavaScript package's error classes are generated from) are expanded
//! from it here, and the uniffi binding expands its error enum from the same list. A new service
//! error code is one line in this file.

use super::TimeoutKind;
use crate::endpoint::EndpointError;
use crate::operation::ValidationError;
use crate::runtime::TransportErrorKind;

/// Calls `$callback!` with every error kind, in four groups:
/// - `modelled`: `Variant = "ServiceCode" / HTTP status`, the exceptions the IoT model declares
///   for the operations this crate implements, and `VersionConflictException`, which none of
///   them declares but IoT's versioned updates return;
/// - `service`: `Variant = "Name"`, errors the service returned that are not one modelled code;
/// - `validation`: the one kind that names an input member and a rule;
/// - `local`: `Variant(payload type)? = "Code"`, other errors raised before sending or below HTTP.
///
/// Each entry carries its doc comment, and may end with `=> "hint"`: what to do next, which every
/// error of the kind gives (`Error::hint`) unless a check of the certificate wrote a better one.
/// Bindings expand their own error forms from it, so that adding a kind here adds it everywhere.
#[macro_export]
macro_rules! for_each_error_kind {
    ($callback:ident) => {
        $callback! {
            modelled {
                /// `InvalidRequestException` (400): the service found the request invalid.
                InvalidRequest = "InvalidRequestException" / 400,
                /// `ResourceNotFoundException` (404): no such certificate or policy in this
                /// account and region (or one the caller may not see).
                ResourceNotFound = "ResourceNotFoundException" / 404
                    => "Check the certificate ID and that the region is the certificate's region.",
                /// `CertificateStateException` (406): the certificate's status forbids the call,
                /// e.g. it is ACTIVE; deactivate it first.
                CertificateState = "CertificateStateException" / 406
                    => "Only an INACTIVE certificate can be transferred: if it is ACTIVE, deactivate it \
                        (UpdateCertificate with newStatus INACTIVE). If it is PENDING_TRANSFER, check with \
                        DescribeCertificate and ListOutgoingCertificates to whom before changing anything: it may \
                        be a transfer you made.",
                /// `TransferConflictException` (409): policies are still attached; detach them first.
                TransferConflict = "TransferConflictException" / 409
                    => "Detach every policy from the certificate (ListAttachedPolicies, then DetachPolicy) and try again.",
                /// `TransferAlreadyCompletedException` (410): the transfer was already accepted,
                /// rejected or cancelled.
                TransferAlreadyCompleted = "TransferAlreadyCompletedException" / 410
                    => "The transfer is no longer pending: it was accepted, rejected or cancelled. Check the \
                        certificate with DescribeCertificate to see which.",
                /// `VersionConflictException` (409): an expected version did not match the latest.
                VersionConflict = "VersionConflictException" / 409,
                /// `LimitExceededException` (410): a limit was exceeded (retried as throttling).
                LimitExceeded = "LimitExceededException" / 410,
                /// `ThrottlingException` (400): the rate limit was exceeded.
                Throttling = "ThrottlingException" / 400
                    => "Slow down, or raise maxAttempts, and try again later.",
                /// `UnauthorizedException` (401): the caller may not do this, e.g. accept a
                /// transfer offered to another account.
                Unauthorized = "UnauthorizedException" / 401
                    => "Check the credentials, the region and the local clock, and that the caller is allowed the call.",
                /// `ServiceUnavailableException` (503).
                ServiceUnavailable = "ServiceUnavailableException" / 503,
                /// `InternalFailureException` (500).
                InternalFailure = "InternalFailureException" / 500,
            }
            service {
                /// The service refused the request's authentication: a bad signature, an expired
                /// token, a skewed clock or a denied action (usually HTTP 403).
                Auth = "Auth"
                    => "Check the credentials, the region and the local clock, and that the caller is allowed the call.",
                /// An error code the model does not define, or an error response without any code.
                UnknownService = "UnknownService",
            }
            validation {
                /// The input broke a model constraint; nothing was sent. The error names the
                /// member and the rule.
                Validation(ValidationError) = "ValidationError",
            }
            local {
                /// A success status whose body could not be understood (malformed JSON, no ARN).
                InvalidResponse = "InvalidResponseError",
                /// The HTTP exchange failed below HTTP.
                Transport(TransportErrorKind) = "TransportError",
                /// A timeout expired.
                Timeout(TimeoutKind) = "TimeoutError",
                /// The caller cancelled the call (a `Cancellation`, a JavaScript `AbortSignal`, a
                /// Swift task).
                Cancelled = "CancelledError",
                /// A bug: the library panicked. A binding that catches the panic at its boundary
                /// reports it with `Error::from_panic`.
                Internal = "InternalError",
                /// No credentials could be obtained; nothing was sent.
                Credentials = "CredentialsError",
                /// The endpoint configuration is invalid; nothing was sent.
                Endpoint(EndpointError) = "EndpointError",
                /// A setting read from the environment or the shared AWS files cannot be used (the
                /// message names it and where it was found); nothing was sent.
                Configuration = "ConfigurationError",
                /// A batch's journal cannot be used: it records another batch, has a line that is
                /// not an entry, or cannot be read or written. Nothing more was sent.
                Journal = "JournalError",
            }
        }
    };
}

/// Where an error kind comes from, as [`ERROR_KINDS`] describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorOrigin {
    /// A modelled service exception with one error code and HTTP status.
    Modelled {
        /// The service's error code, such as `CertificateStateException`.
        code: &'static str,
        /// The HTTP status the model gives it.
        http_status: u16,
    },
    /// A service error that is not one modelled code (`Auth`, `UnknownService`).
    Service,
    /// Raised before sending or below HTTP; `code` is the error's code (`ValidationError`, ...).
    Local {
        /// The code errors of this kind carry.
        code: &'static str,
    },
}

/// One error kind, for generators of bindings' error forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorKindInfo {
    /// The kind's stable name, as [`ErrorKind::name`] gives it.
    pub name: &'static str,
    /// Where it comes from, with its code.
    pub origin: ErrorOrigin,
    /// Its documentation, one paragraph.
    pub doc: &'static str,
}

macro_rules! expand_error_kinds {
    (
        modelled { $( $(#[doc = $mdoc:literal])* $modelled:ident = $code:literal / $status:literal $(=> $mhint:literal)?, )* }
        service { $( $(#[doc = $sdoc:literal])* $service:ident = $sname:literal $(=> $shint:literal)?, )* }
        validation { $(#[doc = $vdoc:literal])* $validation:ident($vpayload:ty) = $vcode:literal, }
        local { $( $(#[doc = $ldoc:literal])* $local:ident $(($payload:ty))? = $lcode:literal, )* }
    ) => {
        /// What went wrong, for callers to branch on. Service kinds match the model's error shapes.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[doc = $mdoc])* $modelled, )*
            $( $(#[doc = $sdoc])* $service, )*
            $(#[doc = $vdoc])* $validation($vpayload),
            $( $(#[doc = $ldoc])* $local $(($payload))?, )*
        }

        impl ErrorKind {
            /// A stable name for the kind, the same in every binding: `Validation`,
            /// `CertificateState`, `Auth`, `UnknownService`, `Transport`, `Timeout`, ...
            pub fn name(&self) -> &'static str {
                match self {
                    $( ErrorKind::$modelled => stringify!($modelled), )*
                    $( ErrorKind::$service => stringify!($service), )*
                    ErrorKind::$validation(_) => stringify!($validation),
                    $( expand_error_kinds!(@pattern $local $(($payload))?) => stringify!($local), )*
                }
            }

            /// The code every error of this kind carries, as the declaration fixes it
            /// (`CertificateStateException`, `ValidationError`, `TimeoutError`, ...); `None` for
            /// the service kinds whose code is the service's (`Auth`, `UnknownService`).
            pub fn code(&self) -> Option<&'static str> {
                match self {
                    $( ErrorKind::$modelled => Some($code), )*
                    $( ErrorKind::$service => None, )*
                    ErrorKind::$validation(_) => Some($vcode),
                    $( expand_error_kinds!(@pattern $local $(($payload))?) => Some($lcode), )*
                }
            }

            /// The hint the declaration gives every error of this kind, if any.
            pub(crate) fn declared_hint(&self) -> Option<&'static str> {
                match self {
                    $( ErrorKind::$modelled => None $(.or(Some($mhint)))?, )*
                    $( ErrorKind::$service => None $(.or(Some($shint)))?, )*
                    _ => None,
                }
            }

            /// Whether the error came back from the service (as opposed to being raised before
            /// sending, by a timeout, or by the network).
            pub fn is_service_error(&self) -> bool {
                match self {
                    $( ErrorKind::$modelled => true, )*
                    $( ErrorKind::$service => true, )*
                    _ => false,
                }
            }

            /// The modelled kind of a service error code (`CertificateStateException`, ...).
            pub(crate) fn from_modelled_code(code: &str) -> Option<ErrorKind> {
                match code {
                    $( $code => Some(ErrorKind::$modelled), )*
                    _ => None,
                }
            }
        }

        /// Every error kind, in declaration order: modelled service exceptions, other service
        /// errors, then local errors.
        pub const ERROR_KINDS: &[ErrorKindInfo] = &[
            $( ErrorKindInfo {
                name: stringify!($modelled),
                origin: ErrorOrigin::Modelled { code: $code, http_status: $status },
                doc: concat!($($mdoc),*),
            }, )*
            $( ErrorKindInfo { name: stringify!($service), origin: ErrorOrigin::Service, doc: concat!($($sdoc),*) }, )*
            ErrorKindInfo {
                name: stringify!($validation),
                origin: ErrorOrigin::Local { code: $vcode },
                doc: concat!($($vdoc),*),
            },
            $( ErrorKindInfo {
                name: stringify!($local),
                origin: ErrorOrigin::Local { code: $lcode },
                doc: concat!($($ldoc),*),
            }, )*
        ];
    };
    (@pattern $local:ident ($payload:ty)) => { ErrorKind::$local(_) };
    (@pattern $local:ident) => { ErrorKind::$local };
}

for_each_error_kind!(expand_error_kinds);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_with_its_doc() {
        let mut names: Vec<_> = ERROR_KINDS.iter().map(|info| info.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ERROR_KINDS.len());
        assert!(ERROR_KINDS.iter().all(|info| !info.doc.trim().is_empty()));
    }

    #[test]
    fn modelled_codes_map_to_their_kinds() {
        for info in ERROR_KINDS {
            if let ErrorOrigin::Modelled { code, .. } = info.origin {
                let kind = ErrorKind::from_modelled_code(code).unwrap();
                assert_eq!(kind.name(), info.name);
                assert_eq!(kind.code(), Some(code));
                assert!(kind.is_service_error());
            }
        }
        assert_eq!(ErrorKind::from_modelled_code("NoSuchThing"), None);
        assert_eq!(ErrorKind::Cancelled.code(), Some("CancelledError"));
        assert_eq!(ErrorKind::Auth.code(), None);
        assert!(!ErrorKind::Cancelled.is_service_error());
        assert!(ErrorKind::Auth.is_service_error());
    }
}
