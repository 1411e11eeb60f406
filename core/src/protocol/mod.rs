//! Wire-protocol rules shared by operations.

pub(crate) mod json;
pub(crate) mod rest_json;
