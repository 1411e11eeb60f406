//! What a call returned besides its payload, shared by every operation's output and by errors.

pub use crate::operation::shapes::ResponseMetadata;
