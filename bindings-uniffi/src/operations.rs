//! Every operation and workflow call as an async and a blocking method of the client, each
//! cancellable; every operation's request signed without sending it (`sign_<operation>`); and a
//! paginator object per list operation, a batch object per batch, expanded from the core's one list
//! ([`iot_transfer::for_each_operation!`]): an operation or workflow added there is a method here,
//! and in Python, Kotlin and Swift, with no code written for it in this binding.

use crate::batch::Batch;
use crate::cancellation::CancellationToken;
use crate::client::{blocking, on_runtime, IotTransferClient};
use crate::error::IotTransferError;
use crate::signed_request::SignedRequest;
use std::sync::Arc;
use std::time::SystemTime;

macro_rules! uniffi_operations {
    (
        operations { $($operations:tt)* }
        workflows { $($workflows:tt)* }
        paginators { $($paginators:tt)* }
        batches { $($batches:tt)* }
    ) => {
        uniffi_operations!(@calls $($operations)* $($workflows)*);
        uniffi_operations!(@signing $($operations)*);
        uniffi_operations!(@paginators $($paginators)*);
        uniffi_operations!(@batches $($batches)*);
    };
    (@batches $( $(#[doc = $bdoc:literal])* fn $batch:ident, $with_journal:ident($BInput:path) -> $Event:path, via $brunner:ident; )*) => {
        #[uniffi::export]
        impl IotTransferClient {
            $(
                $(#[doc = $bdoc])*
                ///
                /// Nothing is sent until the first `next_event`. The input's `journal` names the
                /// journal file.
                pub fn $batch(&self, input: $BInput) -> Arc<Batch> {
                    Arc::new(Batch::new(self.client.$batch(input)))
                }
            )*
        }
    };
    (@signing $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )*) => { pastey::paste! {
        #[uniffi::export]
        impl IotTransferClient {
            $(
                #[doc = "Validates the input of `" $method "` and returns its request signed for now (as corrected for clock skew), or for `signing_time`, without sending it: for hosts that send it through their own HTTP stack."]
                #[uniffi::method(default(signing_time = None))]
                pub async fn [<sign_ $method>](
                    &self,
                    input: $Input,
                    signing_time: Option<SystemTime>,
                ) -> Result<Arc<SignedRequest>, IotTransferError> {
                    let client = self.client.clone();
                    let signed = on_runtime(async move {
                        Ok(match signing_time {
                            Some(time) => client.sign_operation_at(input, time).await?,
                            None => client.sign_operation(input).await?,
                        })
                    })
                    .await?;
                    Ok(Arc::new(SignedRequest::new(signed)))
                }

                #[doc = "The same as `sign_" $method "`, blocking."]
                #[uniffi::method(default(signing_time = None))]
                pub fn [<sign_ $method _blocking>](
                    &self,
                    input: $Input,
                    signing_time: Option<SystemTime>,
                ) -> Result<Arc<SignedRequest>, IotTransferError> {
                    let client = self.client.clone();
                    blocking(async move {
                        Ok(match signing_time {
                            Some(time) => client.sign_operation_at(input, time).await?,
                            None => client.sign_operation(input).await?,
                        })
                    })
                    .map(|signed| Arc::new(SignedRequest::new(signed)))
                }
            )*
        }
    } };
    (@calls $( $(#[doc = $doc:literal])* fn $method:ident, $cancellable:ident($Input:path) -> $Output:path, via $runner:ident; )*) => { pastey::paste! {
        #[uniffi::export]
        impl IotTransferClient {
            $(
                $(#[doc = $doc])*
                ///
                /// `cancellation`, when given, can cancel the call; cancelling the host's task or
                /// coroutine also stops it.
                #[uniffi::method(default(cancellation = None))]
                pub async fn $method(
                    &self,
                    input: $Input,
                    cancellation: Option<Arc<CancellationToken>>,
                ) -> Result<$Output, IotTransferError> {
                    let client = self.client.clone();
                    on_runtime(async move {
                        Ok(match cancellation {
                            Some(token) => client.$cancellable(input, &token.inner).await?,
                            None => client.$method(input).await?,
                        })
                    })
                    .await
                }

                #[doc = "The same as `" $method "`, blocking the calling thread until it completes (or until another thread cancels `cancellation`)."]
                #[uniffi::method(default(cancellation = None))]
                pub fn [<$method _blocking>](
                    &self,
                    input: $Input,
                    cancellation: Option<Arc<CancellationToken>>,
                ) -> Result<$Output, IotTransferError> {
                    let client = self.client.clone();
                    blocking(async move {
                        Ok(match cancellation {
                            Some(token) => client.$cancellable(input, &token.inner).await?,
                            None => client.$method(input).await?,
                        })
                    })
                }
            )*
        }
    } };
    (@paginators $( $(#[doc = $pdoc:literal])* fn $paginator:ident($PInput:path) -> $Item:path; )*) => { pastey::paste! {
        #[uniffi::export]
        impl IotTransferClient {
            $(
                $(#[doc = $pdoc])*
                pub fn $paginator(&self, input: $PInput) -> Arc<[<$paginator:upper_camel>]> {
                    let pages = self.client.$paginator(input);
                    Arc::new([<$paginator:upper_camel>] { pages: Arc::new(tokio::sync::Mutex::new(pages)) })
                }
            )*
        }

        $(
            $(#[doc = $pdoc])*
            /// Each `next_page` call sends one request; `None` after the last page.
            #[derive(Debug, uniffi::Object)]
            pub struct [<$paginator:upper_camel>] {
                pages: Arc<tokio::sync::Mutex<iot_transfer::Paginator<$PInput>>>,
            }

            #[uniffi::export]
            impl [<$paginator:upper_camel>] {
                /// The next page, or `None` after the last one; a failed call is thrown, and ends the pages.
                pub async fn next_page(&self) -> Result<Option<<$PInput as iot_transfer::OperationInput>::Output>, IotTransferError> {
                    let pages = self.pages.clone();
                    on_runtime(async move { Ok(pages.lock().await.next_page().await.transpose()?) }).await
                }

                /// The same as `next_page`, blocking the calling thread.
                pub fn next_page_blocking(&self) -> Result<Option<<$PInput as iot_transfer::OperationInput>::Output>, IotTransferError> {
                    let pages = self.pages.clone();
                    blocking(async move { Ok(pages.lock().await.next_page().await.transpose()?) })
                }
            }
        )*
    } };
}

iot_transfer::for_each_operation!(uniffi_operations);
