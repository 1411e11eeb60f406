// A status as the service spells it, both ways, from the generated `wireName` and `fromWireName`:
// uniffi's objects print as `CertificateStatus$Active@1b6d3586`, so this is what to print or compare.

import dev.iottransfer.*

fun aStatusHasItsWireNameBothWays() {
    check(CertificateStatus.PendingTransfer.wireName == "PENDING_TRANSFER")
    check(CertificateStatus.fromWireName("INACTIVE") == CertificateStatus.Inactive)
    check(CertificateStatus.fromWireName("QUARANTINED") == CertificateStatus.Unknown("QUARANTINED"))
    check(CertificateStatus.Unknown("QUARANTINED").wireName == "QUARANTINED")
    check("status ${CertificateStatus.Active.wireName}" == "status ACTIVE")
}

fun statusTests() = linkedMapOf<String, () -> Unit>(
    "a status has its wire name both ways" to ::aStatusHasItsWireNameBothWays,
)
