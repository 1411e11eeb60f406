//! Bearer tokens the credential services accept: SSO access tokens (what `aws sso login` caches),
//! web identity tokens (what `AWS_WEB_IDENTITY_TOKEN_FILE` holds) and IMDSv2 session tokens.
//! Each kind has tokens issued at run time with an expiry; SSO and web identity also accept
//! fixed, documented test tokens, so a test can write its files without asking first.

use super::issued::random_token;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// An SSO access token the portal always accepts.
pub const TEST_SSO_TOKEN: &str = "emulator-sso-access-token";
/// A web identity token STS always accepts.
pub const TEST_WEB_IDENTITY_TOKEN: &str = "emulator-web-identity-token";
/// A web identity token STS always refuses as expired (`ExpiredTokenException`).
pub const EXPIRED_WEB_IDENTITY_TOKEN: &str = "emulator-expired-web-identity-token";

/// The kinds of token, each accepted by one service only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// `x-amz-sso_bearer_token` of the SSO portal.
    Sso,
    /// `WebIdentityToken` of `AssumeRoleWithWebIdentity`.
    WebIdentity,
    /// `x-aws-ec2-metadata-token` of IMDSv2.
    Imds,
}

/// What a presented token turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenCheck {
    /// Known and not expired.
    Valid,
    /// Known, but past its expiry.
    Expired,
    /// Never issued (or of another kind).
    Unknown,
}

/// The issued tokens and their expiries.
#[derive(Debug, Default)]
pub struct Tokens {
    expiries: Mutex<HashMap<(TokenKind, String), SystemTime>>,
}

impl Tokens {
    /// A new random token of `kind`, valid for `lifetime` from `now`; returns it and its expiry.
    pub fn issue(&self, kind: TokenKind, now: SystemTime, lifetime: Duration) -> (String, SystemTime) {
        let token = match kind {
            TokenKind::Imds => format!("{}==", random_token(54)),
            TokenKind::Sso => format!("aoa{}", random_token(120)),
            TokenKind::WebIdentity => format!("eyJ{}", random_token(200)),
        };
        let expiry = now + lifetime;
        let mut expiries = self.expiries.lock().unwrap_or_else(PoisonError::into_inner);
        expiries.insert((kind, token.clone()), expiry);
        (token, expiry)
    }

    /// Checks a presented token of `kind` at `now` (fixed test tokens included).
    pub fn check(&self, kind: TokenKind, token: &str, now: SystemTime) -> TokenCheck {
        match (kind, token) {
            (TokenKind::Sso, TEST_SSO_TOKEN) | (TokenKind::WebIdentity, TEST_WEB_IDENTITY_TOKEN) => {
                return TokenCheck::Valid
            }
            (TokenKind::WebIdentity, EXPIRED_WEB_IDENTITY_TOKEN) => return TokenCheck::Expired,
            _ => {}
        }
        let expiries = self.expiries.lock().unwrap_or_else(PoisonError::into_inner);
        match expiries.get(&(kind, token.to_owned())) {
            Some(expiry) if *expiry > now => TokenCheck::Valid,
            Some(_) => TokenCheck::Expired,
            None => TokenCheck::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_checked_by_kind_and_expiry() {
        let tokens = Tokens::default();
        let now = SystemTime::now();
        let (token, expiry) = tokens.issue(TokenKind::Sso, now, Duration::from_secs(60));
        assert_eq!(expiry, now + Duration::from_secs(60));
        assert_eq!(tokens.check(TokenKind::Sso, &token, now), TokenCheck::Valid);
        assert_eq!(tokens.check(TokenKind::Sso, &token, expiry), TokenCheck::Expired);
        assert_eq!(tokens.check(TokenKind::Imds, &token, now), TokenCheck::Unknown);
        assert_eq!(tokens.check(TokenKind::Sso, "guess", now), TokenCheck::Unknown);
    }

    #[test]
    fn fixed_tokens_need_no_issuing() {
        let tokens = Tokens::default();
        let now = SystemTime::now();
        assert_eq!(tokens.check(TokenKind::Sso, TEST_SSO_TOKEN, now), TokenCheck::Valid);
        assert_eq!(tokens.check(TokenKind::WebIdentity, TEST_WEB_IDENTITY_TOKEN, now), TokenCheck::Valid);
        assert_eq!(tokens.check(TokenKind::WebIdentity, EXPIRED_WEB_IDENTITY_TOKEN, now), TokenCheck::Expired);
        assert_eq!(tokens.check(TokenKind::Sso, TEST_WEB_IDENTITY_TOKEN, now), TokenCheck::Unknown);
    }
}
