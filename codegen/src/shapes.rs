//! The records and enums of [`iot_transfer::for_each_shape!`], grouped by role.

use crate::names::doc_of;

/// What a record is for, as the declaration groups it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// How a call went (`ResponseMetadata`), in every output.
    Metadata,
    /// What callers give: an operation's input or an option record.
    Input,
    /// An output, or a record an output holds.
    Record,
}

/// A member of a record or a field of an enum variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its name, `snake_case`.
    pub name: &'static str,
    /// Its Rust type as written, whitespace removed, such as `Option<String>`.
    pub rust_type: String,
    /// The value a binding gives it when the caller leaves it out (`= default` in the
    /// declaration), as Rust source such as `None` or `false`.
    pub default: Option<&'static str>,
    /// Its doc comment.
    pub doc: String,
}

impl Member {
    /// Its name in the AWS model (`certificateId`), from the core's `InputField` of that name.
    /// Panics for a member no input declares: the core's tests hold every input member to an
    /// `InputField` (operation/shapes.rs).
    pub fn model_name(&self) -> &'static str {
        iot_transfer::InputField::ALL
            .into_iter()
            .find(|field| field.snake_case_name() == self.name)
            .map(iot_transfer::InputField::model_name)
            .unwrap_or_else(|| panic!("the input member {} has no InputField in the core", self.name))
    }

    /// Whether a caller must give it: it has no default and is not optional.
    pub fn required(&self) -> bool {
        self.default.is_none() && !self.rust_type.starts_with("Option<")
    }
}

/// One named value of a status enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusValue {
    /// Its name on the wire, such as `PENDING_TRANSFER`.
    pub wire: &'static str,
    /// The enum's variant, such as `PendingTransfer`.
    pub variant: &'static str,
}

/// The Rust type `stringify!` printed, whitespace removed.
fn compact(rust_type: &str) -> String {
    rust_type.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A declared type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A struct.
    Record {
        /// Its name.
        name: &'static str,
        /// Its role.
        group: Group,
        /// Its doc comment.
        doc: String,
        /// Its members, in order.
        members: Vec<Member>,
    },
    /// The model's status: a string on the wire, with a variant for values this version does not know.
    Status {
        /// Its name.
        name: &'static str,
        /// Its doc comment.
        doc: String,
        /// Its known values.
        values: Vec<StatusValue>,
        /// The variant that keeps an unknown value's name, such as `Unknown`.
        unknown: Option<&'static str>,
    },
    /// An enum whose variants may carry fields.
    Enum {
        /// Its name.
        name: &'static str,
        /// Its doc comment.
        doc: String,
        /// Each variant: its name, doc comment and fields.
        variants: Vec<(&'static str, String, Vec<Member>)>,
    },
}

impl Item {
    /// The type's name.
    pub fn name(&self) -> &'static str {
        match self {
            Item::Record { name, .. } | Item::Status { name, .. } | Item::Enum { name, .. } => name,
        }
    }
}

macro_rules! collect_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $($inputs:tt)* }
        records { $($records:tt)* }
        status { $($status:tt)* }
        enums { $($enums:tt)* }
    ) => {
        [
            collect_shapes!(@records Group::Metadata, $($metadata)*),
            collect_shapes!(@records Group::Input, $($inputs)*),
            collect_shapes!(@records Group::Record, $($records)*),
            collect_shapes!(@status $($status)*),
            collect_shapes!(@enums $($enums)*),
        ]
        .concat()
    };
    (@records $group:expr, $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
    )*) => {
        vec![$(Item::Record {
            name: stringify!($record),
            group: $group,
            doc: doc_of(&[$(stringify!($sattr)),*]),
            members: vec![$(Member {
                name: stringify!($field),
                rust_type: compact(stringify!($fty)),
                default: None $(.or(Some(stringify!($default))))?,
                doc: doc_of(&[$(stringify!($fattr)),*]),
            }),*],
        }),*]
    };
    (@status $(
        $(#[$eattr:meta])*
        enum $enum:ident { $( $(#[$vattr:meta])* $variant:ident $( ( $($tty:ty),* ) )? ),* $(,)? }
    )*) => {
        vec![$(Item::Status {
            name: stringify!($enum),
            doc: doc_of(&[$(stringify!($eattr)),*]),
            values: [$(collect_shapes!(@wire $enum $variant $( ( $($tty),* ) )?)),*].into_iter().flatten().collect(),
            unknown: [$(collect_shapes!(@unknown $variant $( ( $($tty),* ) )?)),*].into_iter().flatten().next(),
        }),*]
    };
    (@wire $enum:ident $variant:ident) => {
        Some(StatusValue { wire: iot_transfer::$enum::$variant.as_str(), variant: stringify!($variant) })
    };
    (@wire $enum:ident $variant:ident ( $($tty:ty),* )) => { None::<StatusValue> };
    (@unknown $variant:ident) => { None::<&'static str> };
    (@unknown $variant:ident ( $($tty:ty),* )) => { Some(stringify!($variant)) };
    (@enums $(
        $(#[$eattr:meta])*
        enum $enum:ident { $(
            $(#[$vattr:meta])*
            $variant:ident $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? }
    )*) => {
        vec![$(Item::Enum {
            name: stringify!($enum),
            doc: doc_of(&[$(stringify!($eattr)),*]),
            variants: vec![$((
                stringify!($variant),
                doc_of(&[$(stringify!($vattr)),*]),
                vec![$($(Member { name: stringify!($vfield), rust_type: compact(stringify!($vfty)), default: None, doc: doc_of(&[$(stringify!($vfattr)),*]) }),*)?],
            )),*],
        }),*]
    };
}

/// Every record and enum of the core, in the order it declares them.
// One push per declared shape, expanded from the declarations (clippy would have a literal list).
#[allow(clippy::vec_init_then_push)]
pub fn shapes() -> Vec<Item> {
    iot_transfer::for_each_shape!(collect_shapes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_their_groups_defaults_and_unknown_variant() {
        let items = shapes();
        let input = items.iter().find(|item| item.name() == "TransferCertificateInput").unwrap();
        let Item::Record { group: Group::Input, members, .. } = input else { panic!("{input:?}") };
        let defaults: Vec<_> = members.iter().map(|m| (m.name, m.default)).collect();
        assert_eq!(
            defaults,
            [("certificate_id", None), ("target_aws_account", None), ("transfer_message", Some("None"))]
        );
        assert!(items
            .iter()
            .any(|item| matches!(item, Item::Record { name: "ResponseMetadata", group: Group::Metadata, .. })));
        let status = items.iter().find(|item| item.name() == "CertificateStatus").unwrap();
        let Item::Status { values, unknown, .. } = status else { panic!("{status:?}") };
        assert!(values.iter().any(|v| v.wire == "PENDING_TRANSFER" && v.variant == "PendingTransfer"));
        assert_eq!(*unknown, Some("Unknown"));
    }
}
