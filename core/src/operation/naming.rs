//! Text that names operations and members (a hint: "deactivate it (UpdateCertificate with
//! newStatus INACTIVE)") rendered in a language's naming: `update_certificate` and `new_status`
//! where arguments and methods are spelled in snake case (Python).

use super::{FieldNaming, InputField, OperationInput};

macro_rules! operation_methods {
    (
        operations { $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        workflows { $($workflows:tt)* }
        paginators { $($paginators:tt)* }
        batches { $($batches:tt)* }
    ) => {
        /// Each operation's model name and its method's snake-case name.
        const OPERATION_METHODS: &[(&str, &str)] = &[ $( (<$Input as OperationInput>::NAME, stringify!($method)), )* ];
    };
}

crate::for_each_operation!(operation_methods);

/// `snake_case` as `lowerCamelCase`: the model's naming of a member, uniffi's of a record field.
pub fn lower_camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` with each whole word that is an operation's or an input member's model name spelled as
/// `naming` spells it; the model's naming leaves it as it is.
pub fn render_names(text: &str, naming: FieldNaming) -> String {
    if naming == FieldNaming::Model {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let renamed = OPERATION_METHODS
            .iter()
            .find(|(name, _)| name == word)
            .map(|(_, method)| *method)
            .or_else(|| InputField::from_model_name(word).map(|field| field.name(naming)));
        out.push_str(renamed.unwrap_or(word));
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_and_members_take_the_naming() {
        let hint = "deactivate it (UpdateCertificate with newStatus INACTIVE), then DescribeCertificate.";
        assert_eq!(
            render_names(hint, FieldNaming::SnakeCase),
            "deactivate it (update_certificate with new_status INACTIVE), then describe_certificate."
        );
        assert_eq!(render_names(hint, FieldNaming::Model), hint);
        assert_eq!(
            render_names("ListCertificatesX and PENDING_TRANSFER", FieldNaming::SnakeCase),
            "ListCertificatesX and PENDING_TRANSFER"
        );
    }
}
