// Swift task cancellation for the generated client. uniffi's async calls do not observe
// `Task.cancel()`; this extension ties the task to a CancellationToken so that cancelling the task
// cancels the call.

extension IotTransferClient {
    /// `transferCertificate(input:)`, cancelled with the current task: when the task is cancelled,
    /// the call stops its retries and its attempt in flight and throws
    /// `IotTransferError.Cancelled`, whose `possiblyApplied` says whether the transfer may
    /// have happened.
    public func transferCertificate(cancellingWithTask input: TransferCertificateInput) async throws -> TransferCertificateOutput {
        let token = CancellationToken()
        return try await withTaskCancellationHandler {
            try await transferCertificate(input: input, cancellation: token)
        } onCancel: {
            token.cancel()
        }
    }
}
