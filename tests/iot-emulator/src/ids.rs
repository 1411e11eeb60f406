//! Identifiers: UUID-like request and generation IDs, and lower-case hex.

/// A random version-4 UUID in its usual text form (for `x-amzn-RequestId` and generation IDs).
///
/// It uses the process-wide random generator, not the fault injector's seeded one, so that
/// seeded faults stay reproducible whatever else is drawn.
pub fn new_request_id() -> String {
    let high = fastrand::u64(..);
    let low = fastrand::u64(..);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&high.to_be_bytes());
    bytes[8..].copy_from_slice(&low.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = lower_hex(&bytes);
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Bytes as lower-case hexadecimal.
pub fn lower_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_look_like_uuids() {
        let id = new_request_id();
        let groups: Vec<usize> = id.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&id[14..15], "4");
        assert_ne!(id, new_request_id());
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(lower_hex(&[0x00, 0xab, 0x7f]), "00ab7f");
    }
}
