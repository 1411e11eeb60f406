//! The one reader of the core's declarations, and the one generator of the bindings' source.
//!
//! The library reads, as plain data with their doc comments: the operations and paginators of
//! [`iot_transfer::for_each_operation!`], the records and enums of
//! [`iot_transfer::for_each_shape!`], the error kinds of [`iot_transfer::for_each_error_kind!`]
//! and the client settings of [`iot_transfer::for_each_setting!`] ([`Declarations`]). The binary
//! `iot-transfer-generate` renders them for each language (see `src/main.rs`). An operation,
//! member, error kind or setting added to the core reaches every generated file with no code
//! written here.

mod declarations;
mod errors;
mod names;
mod operations;
mod shapes;

pub use declarations::{setting_doc, Declarations, ErrorField, Record, Status};
pub use errors::{error_kinds, ErrorGroup, ErrorKind};
pub use iot_transfer::settings::{Setting, SettingKind, SettingNaming};
pub use names::{camel, doc, lower_first, upper_camel};
pub use operations::{operations, Batch, Operation, Paginator};
pub use shapes::{shapes, Group, Item, Member, StatusValue};
