//! Everything the core declares, read once, with the lookups the generators share.

use crate::errors::{error_kinds, ErrorKind};
use crate::operations::{operations, Batch, Operation, Paginator};
use crate::shapes::{shapes, Group, Item, Member, StatusValue};
use iot_transfer::settings::{Setting, SETTINGS};

/// The operations, paginators, shapes and error kinds of the core, in declaration order.
#[derive(Debug, Clone)]
pub struct Declarations {
    /// Every operation.
    pub operations: Vec<Operation>,
    /// Every paginator.
    pub paginators: Vec<Paginator>,
    /// Every batch.
    pub batches: Vec<Batch>,
    /// Every record and enum.
    pub items: Vec<Item>,
    /// Every error kind.
    pub error_kinds: Vec<ErrorKind>,
    /// Every client setting, as the core's table gives them.
    pub settings: &'static [Setting],
}

/// A record callers give (an operation's input, an option record), as [`Declarations::inputs`]
/// lists them.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Its name.
    pub name: &'static str,
    /// Its doc comment.
    pub doc: &'a str,
    /// Its members, in declaration order.
    pub members: &'a [Member],
}

/// A status enum, as [`Declarations::statuses`] lists them.
#[derive(Debug, Clone, Copy)]
pub struct Status<'a> {
    /// Its name, such as `CertificateStatus`.
    pub name: &'static str,
    /// Its named values.
    pub values: &'a [StatusValue],
    /// The variant that keeps an unknown value's name.
    pub unknown: Option<&'static str>,
}

impl Declarations {
    /// Everything the core declares.
    pub fn new() -> Self {
        let (operations, paginators, batches) = operations();
        Self { operations, paginators, batches, items: shapes(), error_kinds: error_kinds(), settings: SETTINGS }
    }

    /// The records callers give, in declaration order.
    pub fn inputs(&self) -> impl Iterator<Item = Record<'_>> {
        self.items.iter().filter_map(|item| match item {
            Item::Record { name, group: Group::Input, doc, members } => Some(Record { name, doc, members }),
            _ => None,
        })
    }

    /// The input record named `name`. Panics when there is none: generators ask only for the
    /// records the declarations name.
    pub fn input(&self, name: &str) -> Record<'_> {
        self.inputs().find(|record| record.name == name).unwrap_or_else(|| panic!("no input record {name}"))
    }

    /// The status enums, in declaration order.
    pub fn statuses(&self) -> impl Iterator<Item = Status<'_>> {
        self.items.iter().filter_map(|item| match item {
            Item::Status { name, values, unknown, .. } => Some(Status { name, values, unknown: *unknown }),
            _ => None,
        })
    }

    /// The status enum named `name`, if it is one.
    pub fn status(&self, name: &str) -> Option<Status<'_>> {
        self.statuses().find(|status| status.name == name)
    }

    /// The operation a paginator walks. Panics when there is none: the core declares its
    /// paginators over its list operations.
    pub fn paginated(&self, paginator: &Paginator) -> &Operation {
        self.operations
            .iter()
            .find(|operation| operation.name == paginator.name)
            .unwrap_or_else(|| panic!("the paginator {} walks no declared operation", paginator.method))
    }
}

/// A field every error has on its base type: a member of `ErrorDetails`, or of its metadata.
#[derive(Debug, Clone, Copy)]
pub struct ErrorField<'a> {
    /// The member's name, such as `request_id`.
    pub name: &'static str,
    /// Where it is read from the details: `None` for a member of `ErrorDetails`, `Some("metadata")`
    /// for one of its `ResponseMetadata`.
    pub within: Option<&'static str>,
    /// The member.
    pub member: &'a Member,
}

impl Declarations {
    /// The members of the record named `name`. Panics when there is none: generators ask only for
    /// the records the core declares.
    pub fn record(&self, name: &str) -> &[Member] {
        self.items
            .iter()
            .find_map(|item| match item {
                Item::Record { name: record, members, .. } if *record == name => Some(members.as_slice()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no record {name}"))
    }

    /// The fields every error has on its base type, in declaration order: each member of
    /// `ErrorDetails`, its metadata's members in place of the metadata.
    pub fn error_fields(&self) -> Vec<ErrorField<'_>> {
        let mut fields = Vec::new();
        for member in self.record("ErrorDetails") {
            if member.rust_type == "ResponseMetadata" {
                let within = Some(member.name);
                fields.extend(self.record("ResponseMetadata").iter().map(|m| ErrorField {
                    name: m.name,
                    within,
                    member: m,
                }));
            } else {
                fields.push(ErrorField { name: member.name, within: None, member });
            }
        }
        fields
    }
}

impl Declarations {
    /// The member of `ErrorDetails` holding a validation error's own details (`validation`), and
    /// that record's members (`field`, `rule`, ...). Panics when `ErrorDetails` has none.
    pub fn validation_fields(&self) -> (&Member, &[Member]) {
        let holder = self
            .record("ErrorDetails")
            .iter()
            .find(|member| member.rust_type.starts_with("Option<") && member.rust_type.contains("Validation"))
            .unwrap_or_else(|| panic!("ErrorDetails has no member for a validation error's details"));
        let record = holder.rust_type.trim_start_matches("Option<").trim_end_matches('>');
        (holder, self.record(record))
    }
}

/// A setting's doc comment as one paragraph.
pub fn setting_doc(setting: &Setting) -> String {
    crate::names::doc(&setting.doc.lines().collect::<Vec<_>>())
}

impl Default for Declarations {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_input_is_a_declared_input_record() {
        let declarations = Declarations::new();
        assert!(declarations.operations.len() >= 10);
        for operation in &declarations.operations {
            assert_eq!(declarations.input(operation.input).name, operation.input);
        }
        for paginator in &declarations.paginators {
            assert_eq!(declarations.paginated(paginator).input, paginator.input);
        }
    }

    #[test]
    fn members_are_required_unless_optional_or_defaulted() {
        let declarations = Declarations::new();
        let transfer = declarations.input("TransferCertificateInput");
        let required: Vec<_> = transfer.members.iter().map(|m| (m.name, m.required())).collect();
        assert_eq!(required, [("certificate_id", true), ("target_aws_account", true), ("transfer_message", false)]);
        assert_eq!(transfer.members[0].model_name(), "certificateId");
        let prepare = declarations.input("PrepareAndTransferInput");
        let options: Vec<_> = prepare.members.iter().filter(|m| m.rust_type == "bool").collect();
        assert!(options.len() == 2 && options.iter().all(|m| !m.required() && m.default == Some("false")));
        assert!(declarations.status("CertificateStatus").is_some_and(|s| s.unknown == Some("Unknown")));
    }

    #[test]
    fn error_fields_flatten_the_metadata() {
        let declarations = Declarations::new();
        let fields: Vec<_> = declarations.error_fields().iter().map(|f| (f.name, f.within)).collect();
        assert!(fields.contains(&("code", None)));
        assert!(fields.contains(&("request_id", Some("metadata"))));
        assert!(!fields.iter().any(|(name, _)| *name == "metadata"));
    }
}
