//! The IoT operations, one module per area, each a function from a verified call to a reply.

pub mod certificates;
pub mod policies;
pub mod transfers;
pub mod validate;
pub mod views;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::store::model::{CertificateRecord, State};
use crate::store::Store;
use crate::wire::request::RequestInput;
use crate::wire::response::Reply;
use crate::wire::routing::Operation;

/// One verified call of an operation.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    /// Who signed the request.
    pub caller: &'a Caller,
    /// The decoded URI label, if the operation's URI has one.
    pub label: Option<&'a str>,
    /// Query-string and body members.
    pub input: &'a RequestInput,
    /// The service's clock, in milliseconds since the Unix epoch.
    pub now_millis: i64,
}

/// Runs an operation against the store.
pub fn execute(operation: Operation, store: &Store, call: &Call<'_>) -> Result<Reply, ApiError> {
    match operation {
        Operation::CreateKeysAndCertificate => certificates::create_keys_and_certificate(store, call),
        Operation::DescribeCertificate => certificates::describe_certificate(store, call),
        Operation::ListCertificates => certificates::list_certificates(store, call),
        Operation::UpdateCertificate => certificates::update_certificate(store, call),
        Operation::CreatePolicy => policies::create_policy(store, call),
        Operation::AttachPolicy => policies::attach_policy(store, call),
        Operation::DetachPolicy => policies::detach_policy(store, call),
        Operation::ListAttachedPolicies => policies::list_attached_policies(store, call),
        Operation::TransferCertificate => transfers::transfer_certificate(store, call),
        Operation::AcceptCertificateTransfer => transfers::accept_certificate_transfer(store, call),
        Operation::RejectCertificateTransfer => transfers::reject_certificate_transfer(store, call),
        Operation::CancelCertificateTransfer => transfers::cancel_certificate_transfer(store, call),
        Operation::ListOutgoingCertificates => transfers::list_outgoing_certificates(store, call),
    }
}

/// A certificate the account may see (its own, or one offered to it), else
/// ResourceNotFoundException.
pub fn visible_certificate<'s>(
    state: &'s State,
    account: &str,
    certificate_id: &str,
) -> Result<&'s CertificateRecord, ApiError> {
    state
        .certificates
        .get(certificate_id)
        .filter(|certificate| certificate.is_visible_to(account))
        .ok_or_else(|| ApiError::resource_not_found(format!("Certificate {certificate_id} does not exist")))
}

/// A certificate the account owns. One it cannot see is ResourceNotFoundException; one offered
/// to it but not yet accepted is UnauthorizedException.
pub fn owned_certificate_mut<'s>(
    state: &'s mut State,
    account: &str,
    certificate_id: &str,
) -> Result<&'s mut CertificateRecord, ApiError> {
    let certificate = state
        .certificates
        .get_mut(certificate_id)
        .filter(|certificate| certificate.is_visible_to(account))
        .ok_or_else(|| ApiError::resource_not_found(format!("Certificate {certificate_id} does not exist")))?;
    if certificate.owner_account != account {
        return Err(ApiError::unauthorized(format!(
            "Certificate {certificate_id} is offered to account {account} but not yet accepted by it"
        )));
    }
    Ok(certificate)
}
