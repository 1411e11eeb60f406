//! How an operation is declared: [`OperationInput`], implemented once per operation by its input
//! type (its name, its validation into a [`RestRequest`], its response parser and its output),
//! and [`PreparedCall`], the validated call the client's attempt loop sends.

use super::{InputField, Operation, ResponseMetadata, RestRequest, ValidationError};
use crate::endpoint::Endpoint;
use crate::error::Error;
use http::HeaderMap;

/// The input of an operation: everything the client needs to run it through validation,
/// signing, sending, retries and error mapping. Each operation implements it once; the client's
/// methods and every binding's are generated from [`for_each_operation!`](crate::for_each_operation).
pub trait OperationInput: Sized {
    /// The operation's name in the AWS model, such as `AcceptCertificateTransfer`.
    const NAME: &'static str;
    /// Whether sending the request twice has the effect of sending it once.
    const IDEMPOTENT: bool;
    /// What the response parser reads from a success (the output without its metadata).
    type Payload: Send;
    /// What a successful call returns.
    type Output;

    /// Checks every member against the model's constraints and returns the request to send.
    fn validate(&self) -> Result<RestRequest, ValidationError>;

    /// The member naming the certificate the call is about, and its value as the caller gave it
    /// (an ID or an ARN): an ARN is checked against the client's partition and region before
    /// anything is signed.
    fn certificate_reference(&self) -> Option<(InputField, &str)> {
        None
    }

    /// The payload of a 2xx response, or the typed error the response describes.
    fn parse_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<Self::Payload, Error>;

    /// The output of a call whose response held `payload`.
    fn output(payload: Self::Payload, metadata: ResponseMetadata) -> Self::Output;

    /// Validates the input into the call the client sends.
    fn prepare(&self) -> Result<PreparedCall<Self>, ValidationError> {
        Ok(PreparedCall { request: self.validate()?, _input: std::marker::PhantomData })
    }
}

/// A validated call of operation `I`: its request, and how to read its response.
#[derive(Debug)]
pub struct PreparedCall<I> {
    request: RestRequest,
    _input: std::marker::PhantomData<fn() -> I>,
}

impl<I> PreparedCall<I> {
    /// The request the call sends.
    pub fn request(&self) -> &RestRequest {
        &self.request
    }
}

impl<I: OperationInput> Operation for PreparedCall<I> {
    type Output = I::Payload;
    const IDEMPOTENT: bool = I::IDEMPOTENT;

    fn build_request(&self, endpoint: &Endpoint, user_agent: &str) -> http::Request<Vec<u8>> {
        self.request.build(endpoint, user_agent)
    }

    fn parse_response(&self, status: u16, headers: &HeaderMap, body: &[u8]) -> Result<I::Payload, Error> {
        I::parse_response(status, headers, body)
    }
}

/// The payload of an operation whose success has no output: any 2xx.
pub(crate) fn parse_no_output(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<(), Error> {
    if !(200..300).contains(&status) {
        return Err(crate::protocol::error_response::parse_error(status, headers, body));
    }
    Ok(())
}

/// The payload of a 2xx response whose body is the JSON object `T`, or the response's error.
pub(crate) fn parse_json_output<T: serde::de::DeserializeOwned>(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    use crate::protocol::error_response::{invalid_response, parse_error};
    if !(200..300).contains(&status) {
        return Err(parse_error(status, headers, body));
    }
    crate::protocol::from_json_object(body)
        .map_err(|error| invalid_response(status, headers, format!("the success response is not readable: {error}")))
}
