// The whole certificate-transfer workflow from Kotlin against the project's local IoT endpoint,
// with a client for each account: preflight, prepare, the target's view through a paginator Flow,
// accept, reject, cancel, and a lost cancel reported as done.

import dev.iottransfer.*
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking

fun targetClient() = IotTransferClient(
    ClientConfig(
        region = "us-east-1", endpointUrl = Emulator.url, useFips = false, useDualStack = false, maxAttempts = 3L,
        retryBaseDelayMs = 5L, useRetryQuota = true, connectTimeoutMs = 3100L, attemptTimeoutMs = null,
        callTimeoutMs = null, appName = null,
    ),
    AwsCredentials("AKIAEMULATORTARGET", "emulator-target-secret", null, null),
)

fun preflightAndPrepare() = withoutFaultsAfter {
    val demo = Emulator.admin("POST", "seed-demo")!!
    val active = demo["active"].asString
    val source = emulatorClient()
    val check = runBlocking { source.checkTransfer { certificateId = active; targetAwsAccount = EMULATOR_TARGET } }
    check(check.blockers == listOf(TransferBlocker.Active)) { check.toString() }
    val withPolicy = source.checkTransferBlocking(CheckTransferInput(demo["withPolicy"].asString, EMULATOR_TARGET))
    check(withPolicy.blockers == listOf(TransferBlocker.PoliciesAttached(listOf("emulator-demo-device-policy"))))
    val refused = source.prepareAndTransferBlocking(PrepareAndTransferInput(active, EMULATOR_TARGET, null, false, false))
    check(refused.transfer == null && refused.steps.isEmpty() && refused.remainingBlockers == listOf(TransferBlocker.Active))
    check(Emulator.recorded(active) == ("ACTIVE" to null))
    val report = runBlocking {
        source.prepareAndTransfer { certificateId = active; targetAwsAccount = EMULATOR_TARGET; deactivate = true }
    }
    check(report.steps.map { it.action } == listOf(StepAction.Deactivate, StepAction.Transfer)) { report.toString() }
    check(Emulator.recorded(active) == ("PENDING_TRANSFER" to EMULATOR_TARGET))
}

fun theTargetSeesAcceptsAndOwnsIt() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    val (source, target) = emulatorClient() to targetClient()
    source.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    val paginator = target.listCertificatesPaginator(ListCertificatesInput(1, null, null))
    val offered = runBlocking { pages(paginator::nextPage).toList() }.flatMap { it.certificates }.filter { it.certificateId == id }
    check(offered.map { it.status } == listOf(CertificateStatus.PendingTransfer)) { offered.toString() }
    val accepted = runBlocking { target.acceptCertificateTransfer(AcceptCertificateTransferInput(id, true)) }
    check(accepted.metadata.httpStatus == 200.toUShort() && !accepted.metadata.reconciled)
    val described = target.describeCertificateBlocking(DescribeCertificateInput(id)).certificateDescription
    check(described.ownedBy == EMULATOR_TARGET && described.status == CertificateStatus.Active) { described.toString() }
    val again = assertThrows<IotTransferException.TransferAlreadyCompleted> {
        target.acceptCertificateTransferBlocking(AcceptCertificateTransferInput(id, null))
    }
    check(again.hint!!.contains("already ended before this call") && !again.possiblyApplied) { again.toString() }
}

fun rejectCancelAndALostCancel() = withoutFaultsAfter {
    val id = Emulator.transferableCertificate()
    val (source, target) = emulatorClient() to targetClient()
    source.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    target.rejectCertificateTransferBlocking(RejectCertificateTransferInput(id, "not ours"))
    val described = source.describeCertificateBlocking(DescribeCertificateInput(id)).certificateDescription
    check(described.transferData?.rejectReason == "not ours")
    source.transferCertificateBlocking(TransferCertificateInput(id, EMULATOR_TARGET, null))
    Emulator.setFaults("""{"script":[{"operation":"CancelCertificateTransfer","fault":"dropResponse"}]}""")
    val cancelled = runBlocking { source.cancelCertificateTransfer(CancelCertificateTransferInput(id)) }
    check(cancelled.metadata.reconciled && cancelled.metadata.attempts == 2u) { cancelled.toString() }
    check(Emulator.recorded(id) == ("INACTIVE" to null))
}

fun workflowTests(): Map<String, () -> Unit> = linkedMapOf(
    "preflight names the blockers and prepare clears only what it may" to ::preflightAndPrepare,
    "the target sees, accepts and owns it" to ::theTargetSeesAcceptsAndOwnsIt,
    "reject, cancel and a lost cancel" to ::rejectCancelAndALostCancel,
)
