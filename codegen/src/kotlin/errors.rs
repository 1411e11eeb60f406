//! `Errors.kt`: what every error carries, on the sealed base `IotTransferException`, whatever its
//! kind: `details` (the core's `ErrorDetails` record) and each of its fields (`code`,
//! `errorMessage`, `hint`, `possiblyApplied`, `requestId`, ...), so a caller need not match kinds
//! to read them.

use super::kdoc;
use iot_transfer_codegen::{camel, Declarations, ErrorGroup};
use std::fmt::Write as _;

/// The Kotlin name of a field on the base: camelCase, and `errorMessage` for the message, which
/// `Throwable.message` owns.
pub(crate) fn field_name(name: &str) -> String {
    if name == "message" {
        "errorMessage".to_owned()
    } else {
        camel(name)
    }
}

/// `Errors.kt`.
pub(crate) fn render(declarations: &Declarations) -> String {
    let mut kt = String::from("\n");
    kt.push_str(&kdoc("", &["What the error carries, whichever kind it is: the core's record of an error."]));
    kt.push_str("val IotTransferException.details: ErrorDetails\n    get() = when (this) {\n");
    for kind in &declarations.error_kinds {
        let _ = writeln!(kt, "        is IotTransferException.{} -> details", kind.kind);
    }
    kt.push_str("    }\n");
    for field in declarations.error_fields() {
        let path = match field.within {
            Some(within) => format!("details.{}.{}", camel(within), camel(field.name)),
            None => format!("details.{}", camel(field.name)),
        };
        kt.push('\n');
        kt.push_str(&kdoc("", &[&field.member.doc]));
        let _ = writeln!(kt, "val IotTransferException.{} get() = {path}", field_name(field.name));
    }
    kt.push_str(&validation(declarations));
    kt
}

/// The validation kind's own fields, on its class: `error.field`, `error.rule`, ... (the members
/// of the record `ErrorDetails` holds for a validation error, which it always holds).
fn validation(declarations: &Declarations) -> String {
    let mut kt = String::new();
    let Some(kind) = declarations.error_kinds.iter().find(|kind| kind.group == ErrorGroup::Validation) else {
        return kt;
    };
    let (holder, members) = declarations.validation_fields();
    for member in members {
        kt.push('\n');
        kt.push_str(&kdoc("", &[&member.doc]));
        let _ = writeln!(
            kt,
            "val IotTransferException.{kind}.{name} get() =\n    checkNotNull(details.{holder}) {{ \"a {kind} error carries its details\" }}.{name}",
            kind = kind.kind,
            name = camel(member.name),
            holder = camel(holder.name),
        );
    }
    kt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_field_is_read_from_the_base() {
        let declarations = Declarations::new();
        let kt = render(&declarations);
        for kind in &declarations.error_kinds {
            assert!(kt.contains(&format!("is IotTransferException.{} -> details", kind.kind)), "{}", kind.kind);
        }
        assert!(kt.contains("val IotTransferException.errorMessage get() = details.message\n"));
        assert!(kt.contains("val IotTransferException.requestId get() = details.metadata.requestId\n"));
        assert!(kt.contains("val IotTransferException.Validation.field get() =\n    checkNotNull(details.validation)"));
    }
}
