//! The target side of a handover: the transfers offered to the caller's account, accepted or
//! rejected in bulk. Without a list of certificates it takes every certificate pending to the
//! account (its `ListCertificates`, less its own outgoing transfers), optionally only those one
//! account offers (the account in each ARN). The journal records each accept or reject before it
//! is sent; one an earlier run left in flight is settled from the certificate's state.

use super::engine::{ends_batch, BatchWork, Item, Source, Worked};
use super::journal::{bare_id, Journal, JournalHeader};
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operation::shapes::{
    AcceptCertificateTransferInput, CertificateDescription, CertificateOutcome, CertificateStatus,
    IncomingTransfersInput, ListCertificatesInput, ListOutgoingCertificatesInput, PrepareStep,
    RejectCertificateTransferInput, StepAction, StepOutcome, TransferBlocker,
};
use crate::operation::OperationInput;
use crate::preflight::step_failure;
use crate::runtime::BoxFuture;
use crate::DescribeCertificateInput;
use std::collections::HashSet;
use std::sync::Arc;

/// What a batch of incoming transfers does to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// `AcceptCertificateTransfer`.
    Accept,
    /// `RejectCertificateTransfer`.
    Reject,
}

impl Decision {
    /// The journal's name of the batch.
    fn batch(self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Reject => "reject",
        }
    }

    fn step(self) -> StepAction {
        match self {
            Decision::Accept => StepAction::Accept,
            Decision::Reject => StepAction::Reject,
        }
    }

    fn done(self, reconciled: bool) -> CertificateOutcome {
        match self {
            Decision::Accept => CertificateOutcome::Accepted { reconciled },
            Decision::Reject => CertificateOutcome::Rejected { reconciled },
        }
    }
}

/// A batch of incoming transfers: its input, without the certificates (the engine holds those).
#[derive(Debug)]
pub(crate) struct Incoming {
    input: IncomingTransfersInput,
    decision: Decision,
    certificate_ids: std::sync::Mutex<Vec<String>>,
}

impl Incoming {
    /// The work of `input`, whose checked certificate IDs (none: every one offered) are `certificate_ids`.
    pub(crate) fn new(mut input: IncomingTransfersInput, decision: Decision, certificate_ids: Vec<String>) -> Self {
        input.certificates = Vec::new();
        Self { input, decision, certificate_ids: std::sync::Mutex::new(certificate_ids) }
    }

    /// Every certificate offered to the caller's account (by `from_account`, when set), and those
    /// an earlier run left in flight.
    async fn offered(&self, client: &Client, journal: Option<&Journal>) -> Result<Vec<Item>, Error> {
        let outgoing = ListOutgoingCertificatesInput { page_size: Some(250), ..Default::default() };
        let own: HashSet<String> = client
            .list_outgoing_certificates_paginator(outgoing)
            .collect_items()
            .await?
            .into_iter()
            .filter_map(|certificate| certificate.certificate_id.map(|id| bare_id(&id)))
            .collect();
        let listing = ListCertificatesInput { page_size: Some(250), ..Default::default() };
        let mut items = Vec::new();
        for certificate in client.list_certificates_paginator(listing).collect_items().await? {
            let (Some(id), Some(arn)) = (certificate.certificate_id, certificate.certificate_arn) else { continue };
            if certificate.status != Some(CertificateStatus::PendingTransfer) || own.contains(&bare_id(&id)) {
                continue;
            }
            let offered_by = arn_account(&arn).map(str::to_owned);
            if self.input.from_account.is_some() && offered_by != self.input.from_account {
                continue;
            }
            items.push(Item { certificate_id: id, offered_by });
        }
        let listed: HashSet<String> = items.iter().map(|item| bare_id(&item.certificate_id)).collect();
        let mut in_flight: Vec<String> = journal.map(Journal::in_flight).unwrap_or_default().into_iter().collect();
        in_flight.sort();
        items.extend(
            in_flight
                .into_iter()
                .filter(|id| !listed.contains(id))
                .map(|certificate_id| Item { certificate_id, offered_by: None }),
        );
        Ok(items)
    }

    async fn settle(
        &self,
        client: &Client,
        item: Item,
        settle: bool,
        journal: Option<&Journal>,
    ) -> Result<Worked, Error> {
        // A listing said it is offered (and by whom); otherwise its description says.
        if item.offered_by.is_none() || settle {
            let described = client.describe_certificate(DescribeCertificateInput::new(&item.certificate_id)).await;
            let certificate = match described {
                Ok(output) => output.certificate_description,
                Err(error)
                    if *error.kind() == ErrorKind::ResourceNotFound && settle && self.decision == Decision::Reject =>
                {
                    return Ok(Worked::without_steps(self.decision.done(true)));
                }
                Err(error) if *error.kind() == ErrorKind::ResourceNotFound => {
                    return Ok(Worked::without_steps(CertificateOutcome::Blocked {
                        blockers: vec![TransferBlocker::NotFound],
                    }));
                }
                Err(error) => {
                    return Ok(failed(error, Vec::new(), "Nothing was changed: the certificate could not be read."))
                }
            };
            if let Some(outcome) = self.not_offered(&certificate, settle) {
                return Ok(Worked::without_steps(outcome));
            }
        }
        if self.input.plan_only {
            return Ok(Worked::without_steps(CertificateOutcome::Ready { steps: vec![self.decision.step()] }));
        }
        let id = item.certificate_id;
        let result = match self.decision {
            Decision::Accept => {
                let input = AcceptCertificateTransferInput {
                    certificate_id: id.clone(),
                    set_as_active: Some(self.input.set_as_active),
                };
                record(journal, &id, AcceptCertificateTransferInput::NAME).await?;
                client.accept_certificate_transfer(input).await.map(|output| output.metadata.reconciled)
            }
            Decision::Reject => {
                let input = RejectCertificateTransferInput {
                    certificate_id: id.clone(),
                    reject_reason: self.input.reject_reason.clone(),
                };
                record(journal, &id, RejectCertificateTransferInput::NAME).await?;
                client.reject_certificate_transfer(input).await.map(|output| output.metadata.reconciled)
            }
        };
        let action = self.decision.step();
        Ok(match result {
            Ok(reconciled) => Worked {
                outcome: self.decision.done(reconciled),
                steps: vec![PrepareStep { action, outcome: StepOutcome::Done }],
            },
            Err(error) => {
                let step = PrepareStep { action, outcome: step_failure(&error) };
                let left = if error.possibly_applied() {
                    "Whether the call was applied is not known: run the batch again with its journal to settle it."
                } else {
                    "Nothing was changed: the transfer is still offered to this account."
                };
                failed(error, vec![step], left)
            }
        })
    }

    /// The outcome of a certificate that is not offered to the caller (by `from_account`), or
    /// `None` when it is. One an earlier run left in flight is settled: accepted when the caller
    /// now owns it.
    fn not_offered(&self, certificate: &CertificateDescription, settle: bool) -> Option<CertificateOutcome> {
        let status = certificate.status.as_ref().map_or("unknown", CertificateStatus::as_str);
        if certificate.status != Some(CertificateStatus::PendingTransfer) {
            if settle && self.decision == Decision::Accept && certificate.previous_owned_by.is_some() {
                return Some(self.decision.done(true));
            }
            return Some(CertificateOutcome::Skipped {
                reason: format!(
                    "It is not offered to this account: it is {status}, so there is nothing to {}.",
                    self.decision.batch()
                ),
            });
        }
        match (&self.input.from_account, &certificate.owned_by) {
            (Some(from), Some(owner)) if from != owner => Some(CertificateOutcome::Blocked {
                blockers: vec![TransferBlocker::Status {
                    status: format!("PENDING_TRANSFER from account {owner}, not {from}"),
                }],
            }),
            _ => None,
        }
    }
}

impl BatchWork for Incoming {
    fn header(&self) -> JournalHeader {
        JournalHeader::new(self.decision.batch(), None)
    }

    fn items<'a>(&'a self, client: &'a Client, journal: Option<&'a Journal>) -> BoxFuture<'a, Result<Source, Error>> {
        let ids = std::mem::take(&mut *self.certificate_ids.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
        Box::pin(async move {
            if ids.is_empty() {
                return self.offered(client, journal).await.map(Source::list);
            }
            Ok(Source::list(ids.into_iter().map(|certificate_id| Item { certificate_id, offered_by: None }).collect()))
        })
    }

    fn run(
        self: Arc<Self>,
        client: Client,
        item: Item,
        settle: bool,
        journal: Option<Arc<Journal>>,
    ) -> BoxFuture<'static, Result<Worked, Error>> {
        Box::pin(async move { self.settle(&client, item, settle, journal.as_deref()).await })
    }
}

/// Records in the journal that `call` is about to be sent for `certificate_id`.
async fn record(journal: Option<&Journal>, certificate_id: &str, call: &str) -> Result<(), Error> {
    match journal {
        Some(journal) => journal.sending(certificate_id, call).await,
        None => Ok(()),
    }
}

fn failed(error: Error, steps: Vec<PrepareStep>, left_state: &str) -> Worked {
    debug_assert!(!ends_batch(&error));
    Worked { outcome: CertificateOutcome::Failed { error: error.details(), left_state: left_state.into() }, steps }
}

/// The account in a certificate ARN (`arn:aws:iot:region:ACCOUNT:cert/id`): its owner.
fn arn_account(arn: &str) -> Option<&str> {
    arn.split(':').nth(4).filter(|account| !account.is_empty())
}
