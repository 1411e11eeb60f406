//! The error kinds of [`iot_transfer::for_each_error_kind!`], with their group, code and HTTP status.

use crate::names::doc;

/// Which group of the declaration a kind is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorGroup {
    /// A modelled service exception: one error code and HTTP status.
    Modelled,
    /// A service error that is not one modelled code (`Auth`, `UnknownService`).
    Service,
    /// The one kind that names an input member and a rule.
    Validation,
    /// Raised before sending or below HTTP.
    Local,
}

impl ErrorGroup {
    /// The group's name in the declaration: `modelled`, `service`, `validation` or `local`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorGroup::Modelled => "modelled",
            ErrorGroup::Service => "service",
            ErrorGroup::Validation => "validation",
            ErrorGroup::Local => "local",
        }
    }
}

/// An error kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorKind {
    /// The kind's stable name, as `ErrorKind::name` gives it: `ResourceNotFound`.
    pub kind: &'static str,
    /// Its group.
    pub group: ErrorGroup,
    /// The code errors of this kind carry, when it is fixed (not for `Auth`, `UnknownService`).
    pub code: Option<&'static str>,
    /// The HTTP status the model gives a modelled exception.
    pub http_status: Option<u16>,
    /// Its doc comment, one paragraph.
    pub doc: String,
}

macro_rules! collect_error_kinds {
    (
        modelled { $( $(#[doc = $mdoc:literal])* $modelled:ident = $code:literal / $status:literal $(=> $mhint:literal)?, )* }
        service { $( $(#[doc = $sdoc:literal])* $service:ident = $sname:literal $(=> $shint:literal)?, )* }
        validation { $(#[doc = $vdoc:literal])* $validation:ident($vpayload:ty) = $vcode:literal, }
        local { $( $(#[doc = $ldoc:literal])* $local:ident $(($payload:ty))? = $lcode:literal, )* }
    ) => {
        vec![
            $(ErrorKind {
                kind: stringify!($modelled),
                group: ErrorGroup::Modelled,
                code: Some($code),
                http_status: Some($status),
                doc: doc(&[$($mdoc),*]),
            },)*
            $(ErrorKind {
                kind: stringify!($service),
                group: ErrorGroup::Service,
                code: None,
                http_status: None,
                doc: doc(&[$($sdoc),*]),
            },)*
            ErrorKind {
                kind: stringify!($validation),
                group: ErrorGroup::Validation,
                code: Some($vcode),
                http_status: None,
                doc: doc(&[$($vdoc),*]),
            },
            $(ErrorKind {
                kind: stringify!($local),
                group: ErrorGroup::Local,
                code: Some($lcode),
                http_status: None,
                doc: doc(&[$($ldoc),*]),
            },)*
        ]
    };
}

/// Every error kind, in the order the core declares them.
pub fn error_kinds() -> Vec<ErrorKind> {
    iot_transfer::for_each_error_kind!(collect_error_kinds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_is_read_in_order() {
        let kinds = error_kinds();
        let names: Vec<_> = kinds.iter().map(|k| k.kind).collect();
        let core: Vec<_> = iot_transfer::ERROR_KINDS.iter().map(|k| k.name).collect();
        assert_eq!(names, core);
        let found = kinds.iter().find(|k| k.kind == "ResourceNotFound").unwrap();
        assert_eq!(
            (found.group, found.code, found.http_status),
            (ErrorGroup::Modelled, Some("ResourceNotFoundException"), Some(404))
        );
        assert!(kinds.iter().any(|k| k.group == ErrorGroup::Validation && k.code == Some("ValidationError")));
    }
}
