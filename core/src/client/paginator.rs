//! One paginator for every list operation: it sends the call, hands out the page, and sends the
//! next one from the page's `nextMarker` until there is none.

use super::{Cancellation, Client};
use crate::error::{Error, ErrorKind};
use crate::operation::Paginated;

/// Every page of a list operation, one call per page, from the input's marker on. Bindings turn
/// it into their language's iteration (a JS async iterator, a Kotlin `Flow`, ...).
#[derive(Debug)]
pub struct Paginator<I> {
    client: Client,
    /// The next page's input; `None` once the last page was handed out or a call failed.
    next: Option<I>,
    /// The markers already followed: a service that hands one out twice would loop forever.
    seen_markers: Vec<String>,
    /// Ends each page's call early when cancelled.
    cancellation: Option<Cancellation>,
}

impl<I: Paginated> Paginator<I> {
    pub(super) fn new(client: Client, input: I) -> Self {
        Self { client, next: Some(input), seen_markers: Vec::new(), cancellation: None }
    }

    /// The same pages, each call ended early by `cancellation` (a workflow call's).
    pub(crate) fn cancelled_by(mut self, cancellation: Option<&Cancellation>) -> Self {
        self.cancellation = cancellation.cloned();
        self
    }

    /// The next page, `None` after the last one. A failed call ends the pages: it is returned,
    /// and the paginator returns `None` afterwards.
    pub async fn next_page(&mut self) -> Option<Result<I::Output, Error>>
    where
        I: Send,
        I::Output: Send,
    {
        let input = self.next.take()?;
        let output = match self.client.call(input.clone(), self.cancellation.as_ref()).await {
            Ok(output) => output,
            Err(error) => return Some(Err(error)),
        };
        if let Some(marker) = I::next_marker(&output) {
            if self.seen_markers.iter().any(|seen| seen == marker) {
                return Some(Err(Error::of_kind(
                    ErrorKind::InvalidResponse,
                    format!("the service returned the marker {marker:?} twice: the listing would not end"),
                )));
            }
            self.seen_markers.push(marker.to_owned());
            let mut next = input;
            next.set_marker(Some(marker.to_owned()));
            self.next = Some(next);
        }
        Some(Ok(output))
    }

    /// Every item of every remaining page, in order; the first failed call is the error.
    pub async fn collect_items(mut self) -> Result<Vec<I::Item>, Error>
    where
        I: Send,
        I::Output: Send,
    {
        let mut items = Vec::new();
        while let Some(page) = self.next_page().await {
            items.extend(I::into_items(page?));
        }
        Ok(items)
    }
}
