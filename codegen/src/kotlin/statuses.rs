//! `Statuses.kt`: each status enum as the service spells it, both ways: `status.wireName`
//! (`"PENDING_TRANSFER"`) and `CertificateStatus.fromWireName("ACTIVE")`, a name this version does
//! not know kept in the enum's unknown variant. uniffi makes a status a sealed class whose
//! variants without data are objects (printed as `CertificateStatus$Active@1b6d3586`); this is
//! what to print, log or compare with a string.

use super::kdoc;
use iot_transfer_codegen::Declarations;
use std::fmt::Write as _;

/// The text of `Statuses.kt` (after the header).
pub fn render(declarations: &Declarations) -> String {
    let mut kt = String::new();
    for status in declarations.statuses() {
        let name = status.name;
        let unknown = status.unknown.unwrap_or_else(|| panic!("{name} keeps no unknown value"));
        kt.push('\n');
        kt.push_str(&kdoc(
            "",
            &[&format!(
                "The status as the service spells it: `{name}.PendingTransfer.wireName` is `\"PENDING_TRANSFER\"`; \
             a status this version does not know, the name the service gave."
            )],
        ));
        let _ = writeln!(kt, "val {name}.wireName: String\n    get() = when (this) {{");
        for value in status.values {
            let _ = writeln!(kt, "        {name}.{} -> \"{}\"", value.variant, value.wire);
        }
        let _ = writeln!(kt, "        is {name}.{unknown} -> v1\n    }}\n");
        kt.push_str(&kdoc(
            "",
            &[&format!(
            "The [{name}] the service spells `wire`; a name this version does not know is kept as [{name}.{unknown}]."
        )],
        ));
        let _ = writeln!(kt, "fun {name}.Companion.fromWireName(wire: String): {name} = when (wire) {{");
        for value in status.values {
            let _ = writeln!(kt, "    \"{}\" -> {name}.{}", value.wire, value.variant);
        }
        let _ = writeln!(kt, "    else -> {name}.{unknown}(wire)\n}}");
    }
    kt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_wire_name_both_ways() {
        let kt = render(&Declarations::new());
        assert!(kt.contains("val CertificateStatus.wireName: String\n"));
        assert!(kt.contains("        CertificateStatus.PendingTransfer -> \"PENDING_TRANSFER\"\n"));
        assert!(kt.contains("        is CertificateStatus.Unknown -> v1\n"));
        assert!(kt.contains("fun CertificateStatus.Companion.fromWireName(wire: String): CertificateStatus"));
        assert!(kt.contains("    else -> CertificateStatus.Unknown(wire)\n"));
    }
}
