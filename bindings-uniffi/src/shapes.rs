//! The operations' records and enums for Python, Kotlin and Swift, expanded from the core's one
//! declaration ([`iot_transfer::for_each_shape!`]) as uniffi remote types: the core's own types
//! cross the FFI, with no copy or conversion written here.

use iot_transfer::operation::shapes::*;
use std::time::{Duration, SystemTime};

macro_rules! uniffi_shapes {
    (
        metadata { $($metadata:tt)* }
        inputs { $($inputs:tt)* }
        records { $($records:tt)* }
        status { $($status:tt)* }
        enums { $($enums:tt)* }
    ) => {
        uniffi_shapes!(@records $($metadata)* $($inputs)* $($records)*);
        uniffi_shapes!(@enums $($status)* $($enums)*);
    };
    (@records $(
        $(#[$sattr:meta])*
        struct $record:ident { $( $(#[$fattr:meta])* $field:ident: $fty:ty $(= $default:expr)? ),* $(,)? }
    )*) => {
        $(
            #[uniffi::remote(Record)]
            $(#[$sattr])*
            pub struct $record { $( $(#[$fattr])* $(#[uniffi(default = $default)])? pub $field: $fty, )* }
        )*
    };
    (@enums $(
        $(#[$eattr:meta])*
        enum $enum:ident { $(
            $(#[$vattr:meta])*
            $variant:ident $( ( $($tty:ty),* ) )? $( { $( $(#[$vfattr:meta])* $vfield:ident: $vfty:ty ),* $(,)? } )?
        ),* $(,)? }
    )*) => {
        $(
            #[uniffi::remote(Enum)]
            $(#[$eattr])*
            pub enum $enum { $(
                $(#[$vattr])*
                $variant $( ( $($tty),* ) )? $( { $( $(#[$vfattr])* $vfield: $vfty ),* } )?
            ),* }
        )*
    };
}

iot_transfer::for_each_shape!(uniffi_shapes);

// Used by the expansion's field types.
const _: Option<(Duration, SystemTime)> = None;
