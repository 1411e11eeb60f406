//! The members of an STS role request: the role ARN, the session name and the duration, checked
//! as STS checks them.

use super::settings::is_role_name_byte;
use super::sts_wire::{parameter, StsError};
use std::time::Duration;

/// A parsed `arn:aws:iam::ACCOUNT:role/[PATH/]NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleArn {
    /// The 12-digit account of the role.
    pub account_id: String,
    /// The role's name (the ARN's last segment).
    pub role_name: String,
}

impl RoleArn {
    /// Parses a role ARN; anything else is a `ValidationError`.
    pub fn parse(arn: &str) -> Result<Self, StsError> {
        let invalid = || StsError::validation(format!("{arn} is invalid"));
        if arn.len() < 20 || arn.len() > 2048 {
            return Err(StsError::validation(format!(
                "1 validation error detected: Value '{arn}' at 'roleArn' failed to satisfy constraint: \
                 Member must have length between 20 and 2048"
            )));
        }
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let ["arn", partition, "iam", "", account_id, resource] = parts[..] else { return Err(invalid()) };
        if !partition.starts_with("aws") || account_id.len() != 12 || !account_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let role_name = resource.strip_prefix("role/").and_then(|path| path.rsplit('/').next()).ok_or_else(invalid)?;
        if role_name.is_empty() || role_name.len() > 64 || !role_name.bytes().all(is_role_name_byte) {
            return Err(invalid());
        }
        Ok(Self { account_id: account_id.to_owned(), role_name: role_name.to_owned() })
    }
}

/// Checks `RoleSessionName`: 2 to 64 characters of `[\w+=,.@-]`.
pub fn session_name(name: &str) -> Result<String, StsError> {
    if (2..=64).contains(&name.len()) && name.bytes().all(is_role_name_byte) {
        return Ok(name.to_owned());
    }
    Err(StsError::validation(format!(
        "1 validation error detected: Value '{name}' at 'roleSessionName' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64"
    )))
}

/// `DurationSeconds`: 900 to 43200, default 3600.
pub fn duration(pairs: &[(String, String)]) -> Result<Duration, StsError> {
    let Some(text) = parameter(pairs, "DurationSeconds") else { return Ok(Duration::from_secs(3600)) };
    match text.parse::<u64>() {
        Ok(seconds) if (900..=43_200).contains(&seconds) => Ok(Duration::from_secs(seconds)),
        _ => Err(StsError::validation(format!(
            "1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: \
             Member must have value between 900 and 43200"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_role_arns_with_and_without_paths() {
        let role = RoleArn::parse("arn:aws:iam::111122223333:role/deployer").unwrap();
        assert_eq!((role.account_id.as_str(), role.role_name.as_str()), ("111122223333", "deployer"));
        assert_eq!(RoleArn::parse("arn:aws:iam::111122223333:role/ci/jobs/runner").unwrap().role_name, "runner");
        for bad in [
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::1111:role/deployer-with-a-long-name",
            "arn:aws:s3:::bucket-with-long-name",
            "not-an-arn-but-long-enough",
            "short",
        ] {
            assert_eq!(RoleArn::parse(bad).unwrap_err().code, "ValidationError", "{bad}");
        }
    }

    #[test]
    fn checks_session_names_and_durations() {
        assert_eq!(session_name("ci-run@42").unwrap(), "ci-run@42");
        assert!(session_name("x").is_err());
        assert!(session_name("has space").is_err());
        let pairs = |value: &str| vec![("DurationSeconds".to_owned(), value.to_owned())];
        assert_eq!(duration(&[]).unwrap(), Duration::from_secs(3600));
        assert_eq!(duration(&pairs("900")).unwrap(), Duration::from_secs(900));
        assert!(duration(&pairs("899")).is_err());
        assert!(duration(&pairs("lots")).is_err());
    }
}
