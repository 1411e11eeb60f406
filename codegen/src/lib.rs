//! The core's declarations, read as plain data for the generators of the bindings' source
//! (`bindings-wasm/generate` for the npm package, `bindings-uniffi/generate` for Kotlin): the
//! operations and paginators of [`iot_transfer::for_each_operation!`] and the records and enums
//! of [`iot_transfer::for_each_shape!`], each with its doc comment. A generator renders them; an
//! operation or member added to the core reaches every generated file with no code written here.

mod names;
mod operations;
mod shapes;

pub use names::{camel, doc, upper_camel};
pub use operations::{operations, Operation, Paginator};
pub use shapes::{shapes, Group, Item, Member};
