//! Real X.509 certificates for `CreateKeysAndCertificate`: a fresh ECDSA P-256 key pair and a
//! certificate for it, identified as AWS does by the SHA-256 of the certificate's DER.

use crate::ids::lower_hex;
use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, SerialNumber};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// AWS issues device certificates valid until the end of 2049; so does the emulator.
const NOT_AFTER_UNIX_SECONDS: i64 = 2_524_607_999; // 2049-12-31T23:59:59Z

/// A certificate with its key pair, as `CreateKeysAndCertificate` returns it.
#[derive(Debug, Clone)]
pub struct GeneratedCertificate {
    /// Lower-case hex SHA-256 of the certificate's DER.
    pub certificate_id: String,
    /// The certificate in PEM.
    pub certificate_pem: String,
    /// The public key in PEM (SubjectPublicKeyInfo).
    pub public_key_pem: String,
    /// The private key in PEM (PKCS #8); the emulator does not keep it.
    pub private_key_pem: String,
    /// notBefore, in milliseconds since the Unix epoch.
    pub not_before_millis: i64,
    /// notAfter, in milliseconds since the Unix epoch.
    pub not_after_millis: i64,
}

/// Generates a key pair and a self-signed certificate valid from `now_millis` (rounded down to
/// the second, as X.509 times are) to the end of 2049.
pub fn generate_certificate(now_millis: i64) -> Result<GeneratedCertificate, String> {
    let key_pair = KeyPair::generate().map_err(|error| format!("cannot generate a key pair: {error}"))?;
    let not_before_seconds = now_millis.div_euclid(1000);
    let mut params = CertificateParams::default();
    params.not_before = unix_seconds(not_before_seconds)?;
    params.not_after = unix_seconds(NOT_AFTER_UNIX_SECONDS)?;
    params.serial_number = Some(SerialNumber::from_slice(&random_serial()));
    let mut subject = DistinguishedName::new();
    subject.push(DnType::CommonName, "AWS IoT Certificate");
    params.distinguished_name = subject;
    let certificate = params.self_signed(&key_pair).map_err(|error| format!("cannot sign the certificate: {error}"))?;
    Ok(GeneratedCertificate {
        certificate_id: certificate_id_of_der(certificate.der()),
        certificate_pem: certificate.pem(),
        public_key_pem: key_pair.public_key_pem(),
        private_key_pem: key_pair.serialize_pem(),
        not_before_millis: not_before_seconds * 1000,
        not_after_millis: NOT_AFTER_UNIX_SECONDS * 1000,
    })
}

/// The certificate ID AWS gives a certificate: the lower-case hex SHA-256 of its DER.
pub fn certificate_id_of_der(der: &[u8]) -> String {
    lower_hex(&Sha256::digest(der))
}

fn unix_seconds(seconds: i64) -> Result<OffsetDateTime, String> {
    OffsetDateTime::from_unix_timestamp(seconds).map_err(|error| format!("bad certificate time: {error}"))
}

/// 16 random bytes with the top bit clear, so the DER INTEGER is positive without padding.
fn random_serial() -> [u8; 16] {
    let mut serial = fastrand::u128(..).to_be_bytes();
    serial[0] &= 0x7f;
    serial[0] |= 0x01;
    serial
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_sha256_of_the_der_in_the_pem() {
        let generated = generate_certificate(1_700_000_000_123).unwrap();
        let base64: String = generated.certificate_pem.lines().filter(|line| !line.starts_with("-----")).collect();
        let der = decode_base64(&base64);
        assert_eq!(generated.certificate_id, certificate_id_of_der(&der));
        assert_eq!(generated.certificate_id.len(), 64);
        assert!(generated.private_key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        assert!(generated.public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
        assert_eq!(generated.not_before_millis, 1_700_000_000_000);
    }

    #[test]
    fn every_certificate_is_new() {
        let first = generate_certificate(0).unwrap();
        let second = generate_certificate(0).unwrap();
        assert_ne!(first.certificate_id, second.certificate_id);
    }

    fn decode_base64(text: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for byte in text.bytes().filter(|&byte| byte != b'=') {
            let value = ALPHABET.iter().position(|&letter| letter == byte).unwrap() as u32;
            bits = (bits << 6) | value;
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        out
    }
}
