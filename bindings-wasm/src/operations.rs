//! Every operation and workflow call behind one `call(operation, input, abortSignal)`, a
//! paginator for every list operation and a batch for every batch, expanded from the core's one list of operations
//! ([`iot_transfer::for_each_operation!`]): the JavaScript layer names them, and an operation
//! added to the core is callable here with no code written for it.

use crate::abort_signal::SignalCancellation;
#[cfg(feature = "batches")]
use crate::batch::{JsJournal, NativeBatch};
use crate::error;
use crate::shapes::{self, FromJs, WriteJs};
use crate::NativeClient;
use crate::{epoch, output};
use iot_transfer::{OperationInput, Paginated, Paginator, WorkflowInput};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::prelude::*;

/// The next page of some list operation, as JavaScript: the paginator comes back with it.
type NextPage = Pin<Box<dyn Future<Output = (Box<dyn Pages>, Option<Result<JsValue, JsValue>>)>>>;

/// A core paginator seen without its operation's types.
trait Pages {
    fn next(self: Box<Self>) -> NextPage;
}

impl<I> Pages for Paginator<I>
where
    I: Paginated + Send + 'static,
    I::Output: Send,
    I::Output: WriteJs,
{
    fn next(mut self: Box<Self>) -> NextPage {
        Box::pin(async move {
            let page = self.next_page().await;
            let page = page.map(|result| result.map(|output: I::Output| shapes::to_js(&output)).map_err(error::to_js));
            (self as Box<dyn Pages>, page)
        })
    }
}

/// The pages of one listing, for the JavaScript layer's async iterator.
#[wasm_bindgen]
pub struct NativePaginator {
    pages: RefCell<Option<Box<dyn Pages>>>,
}

#[wasm_bindgen]
impl NativePaginator {
    /// The next page, or `undefined` after the last one; a failed call rejects and ends the pages.
    pub async fn next(&self) -> Result<JsValue, JsValue> {
        let Some(pages) = self.pages.borrow_mut().take() else {
            return Err(error::option_error("the paginator is already fetching a page: await it first"));
        };
        let (pages, page) = pages.next().await;
        self.pages.replace(Some(pages));
        page.unwrap_or(Ok(JsValue::UNDEFINED))
    }
}

/// Runs the call named `$name` and returns its output, when `operation` names it.
macro_rules! dispatch {
    ($client:ident, $operation:ident, $input:ident, $cancellation:ident, $name:expr, $Input:path, $method:ident, $cancellable:ident, $Output:path) => {
        if $operation == $name {
            let input = <$Input as FromJs>::from_js(&$input).map_err(|e| error::to_js(e.into()))?;
            let result = match $cancellation {
                Some(cancellation) => $client.client.$cancellable(input, cancellation).await,
                None => $client.client.$method(input).await,
            };
            return result.map(|output: $Output| shapes::to_js(&output)).map_err(error::to_js);
        }
    };
}

macro_rules! js_operations {
    (
        operations { $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )* }
        workflows { $( $(#[doc = $wdoc:literal])* fn $wmethod:ident, $wcancellable:ident($WInput:path) -> $WOutput:path, via $wrunner:ident; )* }
        paginators { $( $(#[doc = $pdoc:literal])* fn $paginator:ident($PInput:path) -> $Item:path; )* }
        batches { $( $(#[doc = $bdoc:literal])* fn $batch:ident, $with_journal:ident($BInput:path) -> $Event:path, via $brunner:ident; )* }
    ) => {
        #[wasm_bindgen]
        impl NativeClient {
            /// Sends the operation named `operation` (`AcceptCertificateTransfer`, ...), or runs the
            /// workflow call so named (`CheckTransfer`, ...), with `input` (its members as the model
            /// names them); resolves to its output. An `abortSignal` (an `AbortSignal`, or
            /// `undefined`) cancels the call.
            pub async fn call(&self, operation: String, input: JsValue, abort_signal: JsValue) -> Result<JsValue, JsValue> {
                let signal = SignalCancellation::new(abort_signal).map_err(|m| error::option_error(&m))?;
                let cancellation = signal.as_ref().map(SignalCancellation::cancellation);
                $( dispatch!(self, operation, input, cancellation, <$Input as OperationInput>::NAME, $Input, $method, $cancellable, $Output); )*
                $( dispatch!(self, operation, input, cancellation, <$WInput as WorkflowInput>::NAME, $WInput, $wmethod, $wcancellable, $WOutput); )*
                Err(error::option_error(&format!("there is no operation {operation}")))
            }

            /// Validates the input of the operation named `operation` and returns its request
            /// `{ method, url, headers, body }` without sending it, signed now or at `signingDate`
            /// (a `Date` or epoch milliseconds) when given.
            pub async fn sign(&self, operation: String, input: JsValue, signing_date: JsValue) -> Result<JsValue, JsValue> {
                let time = epoch::signing_date(&signing_date).map_err(error::to_js)?;
                $(
                    if operation == <$Input as OperationInput>::NAME {
                        let input = <$Input as FromJs>::from_js(&input).map_err(|e| error::to_js(e.into()))?;
                        let signed = match time {
                            Some(time) => self.client.sign_operation_at(input, time).await,
                            None => self.client.sign_operation(input).await,
                        };
                        return signed.map(|request| output::signed_request_to_js(&request)).map_err(error::to_js);
                    }
                )*
                Err(error::option_error(&format!("there is no operation {operation}")))
            }

            /// The pages of the list operation named `operation`, from `input`'s marker on.
            pub fn paginate(&self, operation: String, input: JsValue) -> Result<NativePaginator, JsValue> {
                $(
                    if operation == <$PInput as OperationInput>::NAME {
                        let input = <$PInput as FromJs>::from_js(&input).map_err(|e| error::to_js(e.into()))?;
                        let pages: Box<dyn Pages> = Box::new(self.client.$paginator(input));
                        return Ok(NativePaginator { pages: RefCell::new(Some(pages)) });
                    }
                )*
                Err(error::option_error(&format!("there is no list operation {operation}")))
            }

            /// The batch named `batch` (`handover`, ...) over `input` (its members as the model
            /// names them, without `journal`), recording in the `journal` store when one is given.
            /// Nothing is sent until its first `next`. In the batches build only (the feature
            /// `batches`): the browser loads that module when a batch starts.
            #[cfg(feature = "batches")]
            pub fn batch(&self, batch: String, input: JsValue, journal: JsValue) -> Result<NativeBatch, JsValue> {
                let journal = JsJournal::new(journal)?;
                $(
                    if batch == stringify!($batch) {
                        let input = <$BInput as FromJs>::from_js(&input).map_err(|e| error::to_js(e.into()))?;
                        let batch = match journal {
                            Some(store) => self.client.$with_journal(input, std::sync::Arc::new(store)),
                            None => self.client.$batch(input),
                        };
                        return Ok(NativeBatch::new(batch));
                    }
                )*
                Err(error::option_error(&format!("there is no batch {batch}")))
            }
        }
    };
}

iot_transfer::for_each_operation!(js_operations);
