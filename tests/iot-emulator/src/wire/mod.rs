//! The restJson1 wire format of the IoT control plane: routes, inputs and responses.

pub mod request;
pub mod response;
pub mod routing;
