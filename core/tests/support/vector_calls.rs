//! The operations of the test vectors, expanded from the core's declarations
//! ([`iot_transfer::for_each_shape!`], [`iot_transfer::for_each_operation!`]) so that no test
//! writes a row per operation: an input is read from a vector's model-named members, an output is
//! written in the vectors' form, and an operation is found by its model name.

use iot_transfer::operation::shapes::*;
use iot_transfer::{Client, Error, OperationInput, SignedRequest};
use serde_json::{Map, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A member's type, read from its value in a vector (absent and `null` count as not set).
pub trait FromVector: Sized {
    /// The value of the member `name`, or a message naming what was wrong.
    fn from_vector(name: &str, value: &Value) -> Result<Self, String>;
}

impl FromVector for Option<String> {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::String(text) => Ok(Some(text.clone())),
            other => Err(format!("{name} must be a string, not {other}")),
        }
    }
}

impl FromVector for Option<bool> {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            Value::Bool(flag) => Ok(Some(*flag)),
            other => Err(format!("{name} must be a boolean, not {other}")),
        }
    }
}

impl FromVector for Option<i32> {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            other => other.as_i64().and_then(|n| i32::try_from(n).ok()).map(Some).ok_or(format!("{name}: {other}")),
        }
    }
}

impl FromVector for String {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        Option::<String>::from_vector(name, value).map(Option::unwrap_or_default)
    }
}

impl FromVector for bool {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        Option::<bool>::from_vector(name, value).map(Option::unwrap_or_default)
    }
}

impl FromVector for u32 {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(0),
            other => other.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(format!("{name}: {other}")),
        }
    }
}

impl FromVector for Vec<String> {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(Vec::new()),
            Value::Array(items) => items.iter().map(|item| String::from_vector(name, item)).collect(),
            other => Err(format!("{name}: {other}")),
        }
    }
}

impl FromVector for CertificateStatus {
    fn from_vector(name: &str, value: &Value) -> Result<Self, String> {
        String::from_vector(name, value).map(CertificateStatus::from_name)
    }
}

/// A value as the vectors write it: timestamps as epoch seconds, statuses as the service spells
/// them, records as objects in the model's member names with absent members left out, and the
/// call's metadata left out.
pub trait ToVector {
    /// The value, or `null` for one the vectors leave out.
    fn to_vector(&self) -> Value;
}

impl ToVector for String {
    fn to_vector(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToVector for bool {
    fn to_vector(&self) -> Value {
        Value::Bool(*self)
    }
}

impl ToVector for i32 {
    fn to_vector(&self) -> Value {
        Value::from(*self)
    }
}

impl ToVector for u32 {
    fn to_vector(&self) -> Value {
        Value::from(*self)
    }
}

impl ToVector for f64 {
    fn to_vector(&self) -> Value {
        serde_json::json!(self)
    }
}

impl ToVector for Duration {
    fn to_vector(&self) -> Value {
        serde_json::json!(self.as_secs_f64())
    }
}

impl ToVector for SystemTime {
    fn to_vector(&self) -> Value {
        let seconds =
            self.duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or_else(|e| -e.duration().as_secs_f64());
        serde_json::json!(seconds)
    }
}

impl ToVector for CertificateStatus {
    fn to_vector(&self) -> Value {
        Value::String(self.as_str().to_owned())
    }
}

impl ToVector for ResponseMetadata {
    fn to_vector(&self) -> Value {
        Value::Null
    }
}

impl<T: ToVector> ToVector for Option<T> {
    fn to_vector(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToVector::to_vector)
    }
}

impl<T: ToVector> ToVector for Vec<T> {
    fn to_vector(&self) -> Value {
        Value::Array(self.iter().map(ToVector::to_vector).collect())
    }
}

/// An object of the members that are present (not `null`).
fn present(members: Vec<(String, Value)>) -> Value {
    Value::Object(members.into_iter().filter(|(_, value)| !value.is_null()).collect::<Map<_, _>>())
}

macro_rules! vector_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $( $(#[$iattr:meta])* struct $input:ident {
            $( $(#[$ifattr:meta])* $ifield:ident: $ifty:ty $(= $idefault:expr)? ),* $(,)?
        } )* }
        records { $( $(#[$rattr:meta])* struct $record:ident {
            $( $(#[$rfattr:meta])* $rfield:ident: $rfty:ty $(= $rdefault:expr)? ),* $(,)?
        } )* }
        status { $($status:tt)* }
        enums { $( $(#[$eattr:meta])* enum $enum:ident { $(
            $(#[$vattr:meta])* $variant:ident $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? } )* }
    ) => {
        $(
            impl FromVector for $input {
                // An input with no member reads nothing.
                #[allow(unused_variables)]
                fn from_vector(_name: &str, value: &Value) -> Result<Self, String> {
                    Ok($input { $(
                        $ifield: {
                            let name = iot_transfer::operation::lower_camel(stringify!($ifield));
                            <$ifty as FromVector>::from_vector(&name, &value[name.as_str()])?
                        },
                    )* })
                }
            }
        )*
        $(
            impl ToVector for $record {
                fn to_vector(&self) -> Value {
                    present(vec![$(
                        (iot_transfer::operation::lower_camel(stringify!($rfield)), self.$rfield.to_vector()),
                    )*])
                }
            }
        )*
        $(
            /// A variant as `"Name"`, or `{"Name": {members}}` when it has members.
            impl ToVector for $enum {
                fn to_vector(&self) -> Value {
                    match self { $(
                        vector_shapes!(@pattern $enum $variant $( { $($vfield),* } )?) =>
                            vector_shapes!(@value $variant $( { $($vfield),* } )?),
                    )* }
                }
            }
        )*
    };
    (@pattern $enum:ident $variant:ident { $($field:ident),* }) => { $enum::$variant { $($field),* } };
    (@pattern $enum:ident $variant:ident) => { $enum::$variant };
    (@value $variant:ident { $($field:ident),* }) => {
        serde_json::json!({ stringify!($variant): present(vec![$(
            (iot_transfer::operation::lower_camel(stringify!($field)), $field.to_vector()),
        )*]) })
    };
    (@value $variant:ident) => { Value::String(stringify!($variant).to_owned()) };
}

iot_transfer::for_each_shape!(vector_shapes);

/// What [`for_each_operation`] runs for the operation a vector names, with its input type.
pub trait OperationVisitor {
    /// What the visit gives back.
    type Result;
    /// Visits the operation whose input is `I`.
    fn visit<I>(self) -> Self::Result
    where
        I: OperationInput + FromVector + Send + Sync + 'static,
        I::Output: ToVector;
}

macro_rules! vector_operations {
    (
        operations { $( $(#[$doc:meta])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        workflows { $($workflows:tt)* }
        paginators { $($paginators:tt)* }
        batches { $($batches:tt)* }
    ) => {
        /// Every operation's model name, in declaration order.
        pub const OPERATIONS: &[&str] = &[$(<$Input as OperationInput>::NAME),*];

        /// Runs `visitor` with the input type of the operation named `name`; panics for a name the
        /// registry does not declare.
        pub fn for_each_operation<V: OperationVisitor>(name: &str, visitor: V) -> V::Result {
            $(
                if name == <$Input as OperationInput>::NAME {
                    return visitor.visit::<$Input>();
                }
            )*
            panic!("the registry declares no operation {name}")
        }
    };
}

iot_transfer::for_each_operation!(vector_operations);

/// The input of `operation` read from a vector's model-named members, signed for `time`.
pub async fn sign(client: &Client, operation: &str, input: &Value, time: SystemTime) -> Result<SignedRequest, Error> {
    struct Sign<'a>(&'a Client, &'a Value, SystemTime);
    impl<'a> OperationVisitor for Sign<'a> {
        type Result = std::pin::Pin<Box<dyn std::future::Future<Output = Result<SignedRequest, Error>> + 'a>>;
        fn visit<I>(self) -> Self::Result
        where
            I: OperationInput + FromVector + Send + Sync + 'static,
            I::Output: ToVector,
        {
            let Sign(client, input, time) = self;
            let input = I::from_vector(I::NAME, input).unwrap_or_else(|e| panic!("a vector's input: {e}"));
            Box::pin(client.sign_operation_at(input, time))
        }
    }
    for_each_operation(operation, Sign(client, input, time)).await
}

/// What `operation` makes of a response, as the vectors write it: its output (without the call's
/// metadata), or its error.
pub fn parse(operation: &str, status: u16, headers: &http::HeaderMap, body: &[u8]) -> Result<Value, Error> {
    struct Parse<'a>(u16, &'a http::HeaderMap, &'a [u8]);
    impl OperationVisitor for Parse<'_> {
        type Result = Result<Value, Error>;
        fn visit<I>(self) -> Self::Result
        where
            I: OperationInput + FromVector + Send + Sync + 'static,
            I::Output: ToVector,
        {
            let Parse(status, headers, body) = self;
            let payload = I::parse_response(status, headers, body)?;
            Ok(I::output(payload, ResponseMetadata::default()).to_vector())
        }
    }
    for_each_operation(operation, Parse(status, headers, body))
}
