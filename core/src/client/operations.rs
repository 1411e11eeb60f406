//! The client's operation and workflow methods, expanded from
//! [`for_each_operation!`](crate::for_each_operation), and the generic runner most operations share.

use super::attempts::{self, Progress};
use super::{Cancellation, Client, Paginator};
use crate::batch::{Batch, JournalStore};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::operation::{OperationInput, PreparedCall};
use crate::runtime::{HttpResponse, HttpTransport};
use std::sync::Arc;

macro_rules! client_methods {
    (
        operations { $($operations:tt)* }
        workflows { $($workflows:tt)* }
        paginators { $( $(#[doc = $pdoc:literal])* fn $paginator:ident($PInput:path) -> $Item:path; )* }
        batches { $( $(#[doc = $bdoc:literal])* fn $batch:ident, $with_journal:ident($BInput:path) -> $Event:path, via $brunner:ident; )* }
    ) => {
        client_methods!(@calls $($operations)* $($workflows)*);

        impl Client {
            $(
                $(#[doc = $bdoc])*
                ///
                /// The input's `journal`, when set, names the journal file (natively).
                pub fn $batch(&self, input: $BInput) -> Batch {
                    self.$brunner(input, None)
                }

                $(#[doc = $bdoc])*
                ///
                /// The journal is kept in `journal` (a browser's storage, a database), whatever
                /// the input's `journal` says.
                pub fn $with_journal(&self, input: $BInput, journal: Arc<dyn JournalStore>) -> Batch {
                    self.$brunner(input, Some(journal))
                }
            )*
        }

        impl Client {
            $(
                $(#[doc = $pdoc])*
                pub fn $paginator(&self, input: $PInput) -> Paginator<$PInput> {
                    Paginator::new(self.clone(), input)
                }
            )*
        }
    };
    (@calls $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )*) => {
        impl Client {
            $(
                $(#[doc = $doc])*
                pub async fn $method(&self, input: $Input) -> Result<$Output, Error> {
                    self.$runner(input, None).await
                }

                $(#[doc = $doc])*
                ///
                /// Ended early by `cancellation`: the retries stop, the attempt in flight is dropped,
                /// and the call fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled),
                /// whose [`possibly_applied`](Error::possibly_applied) says whether the call may have
                /// taken effect. Nothing is sent if it is cancelled before the call starts.
                pub async fn $cancellable(&self, input: $Input, cancellation: &Cancellation) -> Result<$Output, Error> {
                    self.$runner(input, Some(cancellation)).await
                }
            )*
        }
    };
}

crate::for_each_operation!(client_methods);

/// A validated call, ready to send.
pub(super) struct Started<I> {
    pub call: PreparedCall<I>,
    pub endpoint: Endpoint,
    pub transport: Arc<dyn HttpTransport>,
    pub progress: Progress,
}

impl Client {
    /// Runs an operation: validation, endpoint, signing, sending and retries within the call
    /// timeout, ended early by `cancellation`.
    pub(crate) async fn call<I: OperationInput>(
        &self,
        input: I,
        cancellation: Option<&Cancellation>,
    ) -> Result<I::Output, Error> {
        let Started { call, endpoint, transport, progress } = self.start(&input, cancellation)?;
        let mut payload = None;
        let mut parse = |response: &HttpResponse| {
            payload = Some(I::parse_response(response.status, &response.headers, &response.body)?);
            Ok(())
        };
        let target = (&endpoint, transport.as_ref());
        let metadata =
            attempts::bounded_call(self, call.request(), I::IDEMPOTENT, &mut parse, target, progress, cancellation)
                .await?;
        match payload {
            Some(payload) => Ok(I::output(payload, metadata)),
            None => unreachable!("a call that succeeded parsed its output"),
        }
    }

    /// Validates `input`, resolves its endpoint and transport (nothing is sent on failure), and
    /// starts the call's progress, watched by `cancellation`.
    pub(super) fn start<I: OperationInput>(
        &self,
        input: &I,
        cancellation: Option<&Cancellation>,
    ) -> Result<Started<I>, Error> {
        let call = input.prepare()?;
        let endpoint = self.endpoint_for(input.certificate_reference())?;
        let transport = self.transport()?;
        Ok(Started { call, endpoint, transport, progress: Progress::new(cancellation) })
    }
}
