//! The operations this crate implements, each split into a self-validating input, a pure
//! request builder and a pure response parser.

pub mod transfer_certificate;
