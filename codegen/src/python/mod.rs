//! The Python face's generated parts: the table `_declarations.py` its clients, paginators and
//! exceptions are made from at import time, and the type stubs of what is made from it,
//! `client.pyi` and `exceptions.pyi`.

mod client_stub;
mod exceptions_stub;
mod syntax;
mod table;

use iot_transfer_codegen::{Declarations, ErrorGroup, ErrorKind};

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
        ("_declarations.py", table::render(declarations)),
        ("client.pyi", client_stub::render(declarations)),
        ("exceptions.pyi", exceptions_stub::render(declarations)),
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
