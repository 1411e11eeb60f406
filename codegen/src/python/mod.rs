//! The Python face's generated parts: the table `_declarations.py` its clients, paginators and
//! exceptions are made from at import time, the type stubs of what is made from it,
//! `client.pyi` and `exceptions.pyi`, and the values its clients return with their conversions
//! from the generated uniffi values, `values.py` and `_conversions.py`.

mod client_stub;
mod exceptions_stub;
mod settings;
mod syntax;
mod table;
mod values;

use iot_transfer_codegen::{Declarations, ErrorGroup, ErrorKind, Member};

/// An attribute every error of the Python package has, read from its details.
pub(crate) struct ErrorAttribute<'a> {
    /// The attribute's name: the member's, but `error_message` for the message (the face's
    /// `message` is a property reading it).
    pub name: &'static str,
    /// The path to it from the error's `details`, such as `["metadata", "request_id"]`.
    pub path: Vec<&'static str>,
    /// The member it reads.
    pub member: &'a Member,
    /// Whether only the validation error has it (read from the details' validation record).
    pub validation: bool,
}

/// The attributes of every error, in declaration order: each field of `ErrorDetails` (its
/// metadata's members flattened), then each member of a validation error's own record.
pub(crate) fn error_attributes(declarations: &Declarations) -> Vec<ErrorAttribute<'_>> {
    let mut attributes: Vec<ErrorAttribute> = declarations
        .error_fields()
        .into_iter()
        .map(|field| ErrorAttribute {
            name: if field.name == "message" { "error_message" } else { field.name },
            path: field.within.into_iter().chain([field.name]).collect(),
            member: field.member,
            validation: false,
        })
        .collect();
    let (holder, members) = declarations.validation_fields();
    attributes.extend(members.iter().map(|member| ErrorAttribute {
        name: member.name,
        path: vec![holder.name, member.name],
        member,
        validation: true,
    }));
    attributes
}

/// The face's exception class of `kind`: a service code as boto3 names it
/// (`ResourceNotFoundException`), the validation kind as botocore names its
/// (`ParamValidationError`), a local kind by its code (`TimeoutError`), and the other service
/// kinds by their name (`AuthError`, `UnknownServiceError`).
fn python_class(kind: &ErrorKind) -> String {
    match (kind.group, kind.code) {
        (ErrorGroup::Validation, _) => "ParamValidationError".to_owned(),
        (_, Some(code)) => code.to_owned(),
        (_, None) => format!("{}Error", kind.kind),
    }
}

/// The Python package's generated files, by name.
pub fn files(declarations: &Declarations) -> Vec<(&'static str, String)> {
    vec![
        ("_declarations.py", table::render(declarations) + &settings::table(declarations)),
        ("client.pyi", client_stub::render(declarations)),
        ("exceptions.pyi", exceptions_stub::render(declarations)),
        ("values.py", values::render(declarations)),
        ("_conversions.py", values::render_conversions(declarations)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_classes_follow_boto3_and_botocore() {
        let declarations = Declarations::new();
        let class = |kind: &str| declarations.error_kinds.iter().find(|k| k.kind == kind).map(python_class).unwrap();
        assert_eq!(class("ResourceNotFound"), "ResourceNotFoundException");
        assert_eq!(class("Validation"), "ParamValidationError");
        assert_eq!(class("Auth"), "AuthError");
        assert_eq!(class("Timeout"), "TimeoutError");
        let mut classes: Vec<_> = declarations.error_kinds.iter().map(python_class).collect();
        classes.sort_unstable();
        classes.dedup();
        assert_eq!(classes.len(), declarations.error_kinds.len(), "two kinds would share a class");
    }
}
