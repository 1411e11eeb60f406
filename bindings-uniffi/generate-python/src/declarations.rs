//! The core's declarations as the Python generator reads them: operations and paginators
//! ([`iot_transfer::for_each_operation!`]), input records and statuses
//! ([`iot_transfer::for_each_shape!`]) and error kinds ([`iot_transfer::for_each_error_kind!`]).

/// An operation of the client.
pub struct Operation {
    /// The model's name, such as `TransferCertificate`.
    pub name: &'static str,
    /// The client's method, such as `transfer_certificate`.
    pub method: &'static str,
    /// The input record's name.
    pub input: &'static str,
    /// The output record's name.
    pub output: &'static str,
    /// The doc comment, joined into one paragraph.
    pub doc: String,
}

/// A list operation that a paginator walks.
pub struct Paginator {
    /// The uniffi client's method that makes the paginator, such as `list_certificates_paginator`.
    pub method: &'static str,
    /// The input record's name (the paginated operation's input).
    pub input: &'static str,
    /// The doc comment.
    pub doc: String,
}

/// A member of an input record.
pub struct Member {
    /// Its name, in snake case.
    pub name: &'static str,
    /// Its Rust type, as written in the declaration.
    pub rust_type: String,
    /// The value a caller who leaves it out gets, as written in the declaration (`None`, `false`).
    pub default: Option<&'static str>,
    /// The doc comment.
    pub doc: String,
}

impl Member {
    /// Its name in the AWS model (`certificateId`), from the core's `InputField` of that name.
    pub fn model_name(&self) -> &'static str {
        iot_transfer::InputField::ALL
            .into_iter()
            .find(|field| field.snake_case_name() == self.name)
            .map(iot_transfer::InputField::model_name)
            // The core's tests hold every input member to an InputField (operation/shapes.rs).
            .unwrap_or_else(|| panic!("the input member {} has no InputField in the core", self.name))
    }

    /// Whether a caller must give it: it has no default and is not optional.
    pub fn required(&self) -> bool {
        self.default.is_none() && !self.rust_type.starts_with("Option<")
    }
}

/// A record callers give (an operation's input, the prepare options).
pub struct Record {
    /// Its name.
    pub name: &'static str,
    /// Its members, in declaration order.
    pub members: Vec<Member>,
}

/// One value of a status enum.
pub enum StatusValue {
    /// A value the model names: its wire name and its variant.
    Named { wire: String, variant: &'static str },
    /// The variant that carries a name the model did not have when this version was built.
    Other { variant: &'static str },
}

/// The model's status, a string on the wire.
pub struct Status {
    /// The enum's name, such as `CertificateStatus`.
    pub name: &'static str,
    /// Its values.
    pub values: Vec<StatusValue>,
}

/// Which group of `for_each_error_kind!` a kind is declared in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ErrorGroup {
    Modelled,
    Service,
    Validation,
    Local,
}

impl ErrorGroup {
    /// The group's name in the table.
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
pub struct ErrorKind {
    /// The kind's stable name, the uniffi error's variant: `ResourceNotFound`.
    pub kind: &'static str,
    pub group: ErrorGroup,
    /// The code errors of this kind carry, when it is fixed (not for `Auth`, `UnknownService`).
    pub code: Option<&'static str>,
    /// The doc comment.
    pub doc: String,
}

impl ErrorKind {
    /// The Python face's exception class: a service code as boto3 names it
    /// (`ResourceNotFoundException`), the validation kind as botocore names its
    /// (`ParamValidationError`), a local kind by its code (`TimeoutError`), and the other service
    /// kinds by their name (`AuthError`, `UnknownServiceError`).
    pub fn python_class(&self) -> String {
        match (self.group, self.code) {
            (ErrorGroup::Validation, _) => "ParamValidationError".to_owned(),
            (_, Some(code)) => code.to_owned(),
            (_, None) => format!("{}Error", self.kind),
        }
    }
}

/// Everything the generator writes from.
pub struct Declarations {
    pub operations: Vec<Operation>,
    pub paginators: Vec<Paginator>,
    /// The records callers give, in declaration order.
    pub inputs: Vec<Record>,
    pub statuses: Vec<Status>,
    pub error_kinds: Vec<ErrorKind>,
}

/// A doc comment's lines, trimmed and joined.
fn doc(lines: &[&str]) -> String {
    lines.iter().map(|line| line.trim()).filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The doc comment among stringified attributes (`doc = r" ..."`, as `stringify!` prints one).
fn doc_of(attributes: &[&str]) -> String {
    let text = |attribute: &str| -> Option<String> {
        let value = attribute.strip_prefix("doc")?.trim_start().strip_prefix('=')?.trim();
        let raw = value.strip_prefix('r').map(|v| v.trim_matches('#'));
        let quoted = raw.unwrap_or(value).strip_prefix('"')?.strip_suffix('"')?;
        Some(if raw.is_some() { quoted.to_owned() } else { quoted.replace("\\\"", "\"") })
    };
    let lines: Vec<String> = attributes.iter().filter_map(|a| text(a)).collect();
    doc(&lines.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The last segment of a stringified path (`$crate :: TransferCertificateInput`).
fn last_segment(path: &'static str) -> &'static str {
    path.rsplit("::").next().unwrap_or(path).trim()
}

macro_rules! collect_operations {
    (
        operations { $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        paginators { $( $(#[doc = $pdoc:literal])* fn $paginator:ident($PInput:path) -> $Item:path; )* }
    ) => {
        (
            vec![$(Operation {
                name: <$Input as iot_transfer::OperationInput>::NAME,
                method: stringify!($method),
                input: last_segment(stringify!($Input)),
                output: last_segment(stringify!($Output)),
                doc: doc(&[$($doc),*]),
            }),*],
            vec![$(Paginator {
                method: stringify!($paginator),
                input: last_segment(stringify!($PInput)),
                doc: doc(&[$($pdoc),*]),
            }),*],
        )
    };
}

macro_rules! collect_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $(
            $(#[$sattr:meta])*
            struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
        )* }
        records { $($records:tt)* }
        status { $(
            $(#[$eattr:meta])*
            enum $enum:ident { $( $(#[$vattr:meta])* $variant:ident $( ( $($tty:ty),* ) )? ),* $(,)? }
        )* }
        enums { $($enums:tt)* }
    ) => {
        (
            vec![$(Record {
                name: stringify!($record),
                members: vec![$(Member {
                    name: stringify!($field),
                    rust_type: stringify!($fty).chars().filter(|c| !c.is_whitespace()).collect(),
                    default: <[&'static str]>::first(&[$(stringify!($default))?]).copied(),
                    doc: doc_of(&[$(stringify!($fattr)),*]),
                }),*],
            }),*],
            vec![$(Status {
                name: stringify!($enum),
                values: vec![$(collect_shapes!(@value $enum $variant $( ( $($tty),* ) )?)),*],
            }),*],
        )
    };
    (@value $enum:ident $variant:ident) => {
        StatusValue::Named { wire: iot_transfer::$enum::$variant.as_str().to_owned(), variant: stringify!($variant) }
    };
    (@value $enum:ident $variant:ident ( $($tty:ty),* )) => { StatusValue::Other { variant: stringify!($variant) } };
}

macro_rules! collect_error_kinds {
    (
        modelled { $( $(#[doc = $mdoc:literal])* $modelled:ident = $code:literal / $status:literal, )* }
        service { $( $(#[doc = $sdoc:literal])* $service:ident = $sname:literal, )* }
        validation { $(#[doc = $vdoc:literal])* $validation:ident($vpayload:ty) = $vcode:literal, }
        local { $( $(#[doc = $ldoc:literal])* $local:ident $(($payload:ty))? = $lcode:literal, )* }
    ) => {
        vec![
            $(ErrorKind {
                kind: stringify!($modelled),
                group: ErrorGroup::Modelled,
                code: Some($code),
                doc: doc(&[$($mdoc),*]),
            },)*
            $(ErrorKind {
                kind: stringify!($service),
                group: ErrorGroup::Service,
                code: None,
                doc: doc(&[$($sdoc),*]),
            },)*
            ErrorKind {
                kind: stringify!($validation),
                group: ErrorGroup::Validation,
                code: Some($vcode),
                doc: doc(&[$($vdoc),*]),
            },
            $(ErrorKind {
                kind: stringify!($local),
                group: ErrorGroup::Local,
                code: Some($lcode),
                doc: doc(&[$($ldoc),*]),
            },)*
        ]
    };
}

impl Declarations {
    /// Everything the core declares.
    pub fn new() -> Self {
        let (operations, paginators) = iot_transfer::for_each_operation!(collect_operations);
        let (inputs, statuses) = iot_transfer::for_each_shape!(collect_shapes);
        let error_kinds = iot_transfer::for_each_error_kind!(collect_error_kinds);
        Self { operations, paginators, inputs, statuses, error_kinds }
    }

    /// The operation a paginator walks: the one taking the same input.
    pub fn paginated(&self, paginator: &Paginator) -> &Operation {
        self.operations
            .iter()
            .find(|operation| operation.input == paginator.input)
            // The core's paginators are declared over its list operations (a `Paginated` input).
            .unwrap_or_else(|| panic!("no operation takes {}", paginator.input))
    }

    /// The input record named `name`.
    pub fn input(&self, name: &str) -> &Record {
        self.inputs.iter().find(|record| record.name == name).unwrap_or_else(|| panic!("no input record {name}"))
    }

    /// The status enum named `name`, if it is one.
    pub fn status(&self, name: &str) -> Option<&Status> {
        self.statuses.iter().find(|status| status.name == name)
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
            let record = declarations.input(operation.input);
            assert_eq!(record.name, operation.input);
        }
        for paginator in &declarations.paginators {
            assert!(declarations.paginated(paginator).method.starts_with("list_"));
        }
    }

    #[test]
    fn members_are_required_unless_optional_or_defaulted() {
        let declarations = Declarations::new();
        let transfer = declarations.input("TransferCertificateInput");
        let required: Vec<_> = transfer.members.iter().map(|m| (m.name, m.required())).collect();
        assert_eq!(required, [("certificate_id", true), ("target_aws_account", true), ("transfer_message", false)]);
        let options = declarations.input("PrepareOptions");
        assert!(options.members.iter().all(|m| !m.required() && m.default == Some("false")));
    }

    #[test]
    fn error_classes_follow_boto3_and_botocore() {
        let declarations = Declarations::new();
        let class =
            |kind: &str| declarations.error_kinds.iter().find(|k| k.kind == kind).map(ErrorKind::python_class).unwrap();
        assert_eq!(class("ResourceNotFound"), "ResourceNotFoundException");
        assert_eq!(class("Validation"), "ParamValidationError");
        assert_eq!(class("Auth"), "AuthError");
        assert_eq!(class("Timeout"), "TimeoutError");
        let mut classes: Vec<_> = declarations.error_kinds.iter().map(ErrorKind::python_class).collect();
        classes.sort_unstable();
        classes.dedup();
        assert_eq!(classes.len(), declarations.error_kinds.len(), "two kinds would share a class");
    }
}
