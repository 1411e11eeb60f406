//! The operations and paginators of [`iot_transfer::for_each_operation!`].

use crate::names::{doc, last_segment};

/// An operation or a workflow call: its name (the model's, for an operation), the client's method
/// and its input and output types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The model's name, such as `TransferCertificate`.
    pub name: &'static str,
    /// The client's method, such as `transfer_certificate`.
    pub method: &'static str,
    /// The input type's name, such as `TransferCertificateInput`.
    pub input: &'static str,
    /// The output type's name, such as `TransferCertificateOutput`.
    pub output: &'static str,
    /// The declaration's doc comment.
    pub doc: String,
    /// Whether it is a workflow call (several operations, such as `check_transfer`) rather than
    /// an operation of the AWS model: the faces give it a method, and no command class.
    pub workflow: bool,
}

/// A list operation the client walks page by page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paginator {
    /// The model name of the operation it calls, such as `ListCertificates`.
    pub name: &'static str,
    /// The client's method that makes one, such as `list_certificates_paginator`.
    pub method: &'static str,
    /// The input type's name, such as `ListCertificatesInput`.
    pub input: &'static str,
    /// The type of the items a page lists, such as `Certificate`.
    pub item: &'static str,
    /// The declaration's doc comment.
    pub doc: String,
}

/// A call over many certificates: a stream of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The client's method, such as `handover`.
    pub method: &'static str,
    /// The input type's name, such as `HandoverInput`.
    pub input: &'static str,
    /// The type of each event, such as `BatchEvent`.
    pub event: &'static str,
    /// The declaration's doc comment.
    pub doc: String,
}

macro_rules! collect_operations {
    (
        operations { $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        workflows { $( $(#[doc = $wdoc:literal])* fn $wmethod:ident, $wcancellable:ident($WInput:path) -> $WOutput:path, via $wrunner:ident; )* }
        paginators { $( $(#[doc = $pdoc:literal])* fn $paginator:ident($PInput:path) -> $Item:path; )* }
        batches { $( $(#[doc = $bdoc:literal])* fn $batch:ident, $with_journal:ident($BInput:path) -> $Event:path, via $brunner:ident; )* }
    ) => {
        (
            vec![
                $(Operation {
                    name: <$Input as iot_transfer::OperationInput>::NAME,
                    method: stringify!($method),
                    input: last_segment(stringify!($Input)),
                    output: last_segment(stringify!($Output)),
                    doc: doc(&[$($doc),*]),
                    workflow: false,
                },)*
                $(Operation {
                    name: <$WInput as iot_transfer::WorkflowInput>::NAME,
                    method: stringify!($wmethod),
                    input: last_segment(stringify!($WInput)),
                    output: last_segment(stringify!($WOutput)),
                    doc: doc(&[$($wdoc),*]),
                    workflow: true,
                },)*
            ],
            vec![$(Paginator {
                name: <$PInput as iot_transfer::OperationInput>::NAME,
                method: stringify!($paginator),
                input: last_segment(stringify!($PInput)),
                item: last_segment(stringify!($Item)),
                doc: doc(&[$($pdoc),*]),
            }),*],
            vec![$(Batch {
                method: stringify!($batch),
                input: last_segment(stringify!($BInput)),
                event: last_segment(stringify!($Event)),
                doc: doc(&[$($bdoc),*]),
            }),*],
        )
    };
}

/// Every operation, then every workflow call; every paginator; and every batch, in the order the
/// core declares them.
pub fn operations() -> (Vec<Operation>, Vec<Paginator>, Vec<Batch>) {
    iot_transfer::for_each_operation!(collect_operations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_paginator_walks_a_declared_operation() {
        let (operations, paginators, _) = operations();
        assert!(operations.iter().any(|o| o.name == "TransferCertificate" && o.input == "TransferCertificateInput"));
        assert!(!paginators.is_empty());
        for paginator in &paginators {
            assert!(operations.iter().any(|o| o.name == paginator.name && o.input == paginator.input), "{paginator:?}");
        }
    }
}
