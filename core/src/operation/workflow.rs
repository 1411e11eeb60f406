//! How a workflow call is declared: a call of the client made of several operations
//! (`check_transfer`, `prepare_and_transfer`), listed beside the operations in
//! [`for_each_operation!`](crate::for_each_operation)'s `workflows` so that every binding expands
//! it as it expands an operation: a method, its blocking form, its cancellation.

/// The input of a workflow call; its runner is the client method the declaration names.
pub trait WorkflowInput {
    /// The call's name, as the bindings dispatch on it (`CheckTransfer`): it is no operation of
    /// the AWS model.
    const NAME: &'static str;
    /// What the call returns.
    type Output;
}
