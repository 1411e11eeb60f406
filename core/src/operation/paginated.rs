//! The list operations' paging: which member carries the marker, where the next one is, and
//! what the items are, so that one [`Paginator`](crate::Paginator) serves every list operation.

use super::OperationInput;

/// An operation whose results come in pages linked by `marker` / `nextMarker`.
pub trait Paginated: OperationInput + Clone {
    /// What a page lists.
    type Item;

    /// Sets where the next page starts.
    fn set_marker(&mut self, marker: Option<String>);

    /// Where the page after `output` starts; `None` on the last page.
    fn next_marker(output: &Self::Output) -> Option<&str>;

    /// The items of a page, in the service's order.
    fn into_items(output: Self::Output) -> Vec<Self::Item>;
}
