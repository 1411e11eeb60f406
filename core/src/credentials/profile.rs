//! The shared `credentials` and `config` files: parsing, and the provider reading static keys
//! of the selected profile.

use super::{Credentials, CredentialsError, Environment, ProvideCredentials};
use crate::runtime::BoxFuture;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A profile's `key = value` settings.
pub(crate) type Profile = BTreeMap<String, String>;

/// Settings that make a profile get credentials some other way, which this library does not do.
const UNSUPPORTED_SOURCES: &[&str] =
    &["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file"];

/// Reads static keys (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`) for the
/// profile named by `AWS_PROFILE` (default `default`) from the credentials file
/// (`AWS_SHARED_CREDENTIALS_FILE`, default `~/.aws/credentials`) and then the config file
/// (`AWS_CONFIG_FILE`, default `~/.aws/config`); the credentials file wins.
#[derive(Debug, Clone, Default)]
pub struct ProfileProvider {
    env: Environment,
}

impl ProfileProvider {
    /// A provider that finds its files and profile through `env`.
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// The selected profile's name.
    pub fn profile_name(&self) -> &str {
        self.env.get("AWS_PROFILE").unwrap_or("default")
    }

    /// The selected profile's settings merged from both files, if either file has the profile. A
    /// file that exists but cannot be read as text is an error naming it (never skipped silently).
    pub(crate) fn profile(&self) -> Result<Option<Profile>, CredentialsError> {
        let config_text = read(self.path("AWS_CONFIG_FILE", "config"))?;
        let credentials_text = read(self.path("AWS_SHARED_CREDENTIALS_FILE", "credentials"))?;
        Ok(self.merge(config_text, credentials_text))
    }

    /// Like [`profile`](Self::profile), from the files that can be read: for settings such as
    /// the region, whose absence is no error (an unreadable file is reported with the credentials).
    pub(crate) fn readable_profile(&self) -> Option<Profile> {
        let config_text = read(self.path("AWS_CONFIG_FILE", "config")).ok().flatten();
        let credentials_text = read(self.path("AWS_SHARED_CREDENTIALS_FILE", "credentials")).ok().flatten();
        self.merge(config_text, credentials_text)
    }

    fn merge(&self, config_text: Option<String>, credentials_text: Option<String>) -> Option<Profile> {
        let name = self.profile_name();
        let mut merged: Option<Profile> = None;
        for (text, is_config) in [(config_text, true), (credentials_text, false)] {
            if let Some(profile) = text.and_then(|t| parse_profiles(&t, is_config).remove(name)) {
                merged.get_or_insert_with(Profile::new).extend(profile);
            }
        }
        merged
    }

    /// The credentials of the selected profile, read now.
    pub fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let name = self.profile_name();
        let profile = self.profile()?.ok_or_else(|| {
            CredentialsError::NotFound(format!("no profile [{name}] in the shared config or credentials file"))
        })?;
        // An empty value is no value, as an empty environment variable is unset.
        let setting = |key: &str| profile.get(key).filter(|value| !value.is_empty());
        match (setting("aws_access_key_id"), setting("aws_secret_access_key")) {
            (Some(key), Some(secret)) => Ok(Credentials::new(key, secret, setting("aws_session_token").cloned(), None)),
            _ => match UNSUPPORTED_SOURCES.iter().find(|setting| profile.contains_key(**setting)) {
                Some(setting) => Err(CredentialsError::Invalid(format!(
                    "profile [{name}] gets its credentials through {setting}, which this library does not resolve; \
                     pass the resulting credentials or implement ProvideCredentials"
                ))),
                None => Err(CredentialsError::NotFound(format!(
                    "profile [{name}] has no aws_access_key_id and aws_secret_access_key"
                ))),
            },
        }
    }

    fn path(&self, variable: &str, file: &str) -> Option<PathBuf> {
        let home = self.env.get("HOME").or_else(|| self.env.get("USERPROFILE"));
        match self.env.get(variable) {
            Some(path) => match (path.strip_prefix("~/"), home) {
                (Some(rest), Some(home)) => Some(PathBuf::from(home).join(rest)),
                _ => Some(PathBuf::from(path)),
            },
            None => home.map(|home| PathBuf::from(home).join(".aws").join(file)),
        }
    }
}

impl ProvideCredentials for ProfileProvider {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let result = self.credentials();
        Box::pin(async move { result })
    }
}

/// The file's text; `None` when there is no such file.
fn read(path: Option<PathBuf>) -> Result<Option<String>, CredentialsError> {
    let Some(path) = path else { return Ok(None) };
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) if error.kind() == std::io::ErrorKind::InvalidData => {
            Err(CredentialsError::Invalid(format!("the shared file {} is not UTF-8 text", path.display())))
        }
        Err(error) => {
            Err(CredentialsError::Invalid(format!("the shared file {} cannot be read: {error}", path.display())))
        }
    }
}

/// Parses an INI-style AWS file into profiles. In the config file a section is `[default]` or
/// `[profile name]` (other sections, such as `[sso-session x]`, are skipped); in the credentials
/// file it is `[name]`. A section without a name and a line without a key are skipped. Comments
/// start with `#` or `;`; indented lines belong to a nested setting and are skipped.
pub fn parse_profiles(text: &str, is_config: bool) -> BTreeMap<String, Profile> {
    let mut profiles: BTreeMap<String, Profile> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if let Some(section) = trimmed.strip_prefix('[').and_then(|s| s.split(']').next()) {
            current = profile_name(section.trim(), is_config);
            if let Some(name) = &current {
                profiles.entry(name.clone()).or_default();
            }
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            continue;
        }
        if let (Some(name), Some((key, value))) = (&current, trimmed.split_once('=')) {
            let key = key.trim();
            if key.is_empty() {
                continue;
            }
            let value = strip_inline_comment(value.trim());
            let profile = profiles.entry(name.clone()).or_default();
            profile.insert(key.to_ascii_lowercase(), value.to_owned());
        }
    }
    profiles
}

fn profile_name(section: &str, is_config: bool) -> Option<String> {
    let name = if !is_config || section == "default" {
        section
    } else {
        section.strip_prefix("profile").filter(|rest| rest.starts_with(char::is_whitespace))?.trim()
    };
    (!name.is_empty()).then(|| name.to_owned())
}

/// Drops a ` #` or ` ;` comment that follows a value.
fn strip_inline_comment(value: &str) -> &str {
    let cut = [" #", "\t#", " ;", "\t;"].iter().filter_map(|marker| value.find(marker)).min();
    cut.map_or(value, |at| value[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config_and_credentials_sections() {
        let config = "[default]\nregion = eu-west-1\n[profile dev]\nregion=us-west-2 # comment\ns3 =\n  max_concurrent_requests = 10\n[sso-session x]\nsso_region = us-east-1\n";
        let profiles = parse_profiles(config, true);
        assert_eq!(profiles["default"]["region"], "eu-west-1");
        assert_eq!(profiles["dev"]["region"], "us-west-2");
        assert!(!profiles["dev"].contains_key("max_concurrent_requests"));
        assert!(!profiles.contains_key("x") && !profiles.contains_key("sso-session x"));

        let credentials = "; comment\n[dev]\naws_access_key_id = AKID\nAWS_Secret_Access_Key = SECRET\n";
        let profiles = parse_profiles(credentials, false);
        assert_eq!(profiles["dev"]["aws_access_key_id"], "AKID");
        assert_eq!(profiles["dev"]["aws_secret_access_key"], "SECRET");
    }

    #[test]
    fn sections_without_a_name_and_lines_without_a_key_are_skipped() {
        // Found by the profile_file fuzz target's seeds (corpus/profile_file/config-empty-*).
        let text = "[]\nregion = a\n[profile ]\nregion = b\n[ ]\nk = v\n[default]\n= orphan\n =x\nregion = c\n";
        let profiles = parse_profiles(text, true);
        assert_eq!(profiles.keys().collect::<Vec<_>>(), ["default"]);
        assert_eq!(profiles["default"], Profile::from([("region".to_owned(), "c".to_owned())]));
        let profiles = parse_profiles(text, false);
        assert_eq!(profiles.keys().collect::<Vec<_>>(), ["default", "profile"]);
        assert_eq!(profiles["profile"]["region"], "b");
    }

    fn with_files(config: &str, credentials: &str, extra: &[(&str, &str)]) -> (tempdir::Dir, ProfileProvider) {
        let dir = tempdir::Dir::new();
        let config_path = dir.write("config", config);
        let credentials_path = dir.write("credentials", credentials);
        let mut vars = vec![
            ("AWS_CONFIG_FILE".to_owned(), config_path),
            ("AWS_SHARED_CREDENTIALS_FILE".to_owned(), credentials_path),
        ];
        vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        (dir, ProfileProvider::new(Environment::from_vars(vars)))
    }

    #[test]
    fn the_credentials_file_wins_and_aws_profile_selects() {
        let (_dir, provider) = with_files(
            "[profile work]\naws_access_key_id = FROM_CONFIG\naws_secret_access_key = S1\n",
            "[work]\naws_access_key_id = FROM_CREDENTIALS\naws_secret_access_key = S2\naws_session_token = T\n",
            &[("AWS_PROFILE", "work")],
        );
        let credentials = provider.credentials().unwrap();
        assert_eq!((credentials.access_key_id(), credentials.session_token()), ("FROM_CREDENTIALS", Some("T")));
    }

    #[test]
    fn keys_in_the_config_file_alone_work() {
        let (_dir, provider) = with_files("[default]\naws_access_key_id = K\naws_secret_access_key = S\n", "", &[]);
        assert_eq!(provider.credentials().unwrap().access_key_id(), "K");
    }

    #[test]
    fn missing_profile_and_unsupported_sources() {
        let (_dir, provider) = with_files("[default]\nregion = x\n", "", &[("AWS_PROFILE", "nope")]);
        assert!(matches!(provider.credentials(), Err(CredentialsError::NotFound(_))));
        let (_dir, provider) =
            with_files("[profile r]\nrole_arn = arn:aws:iam::1:role/x\n", "", &[("AWS_PROFILE", "r")]);
        let error = provider.credentials().unwrap_err();
        assert!(matches!(&error, CredentialsError::Invalid(text) if text.contains("role_arn")), "{error}");
    }

    #[test]
    fn empty_keys_are_missing_keys() {
        // Found by the config_environment fuzz target's seeds (its empty-credential-values).
        let (_dir, provider) = with_files("", "[default]\naws_access_key_id =\naws_secret_access_key =\n", &[]);
        assert!(matches!(provider.credentials(), Err(CredentialsError::NotFound(_))));
        let (_dir, provider) =
            with_files("", "[default]\naws_access_key_id = K\naws_secret_access_key = S\naws_session_token =\n", &[]);
        assert_eq!(provider.credentials().unwrap().session_token(), None);
    }

    #[test]
    fn files_default_to_home() {
        let dir = tempdir::Dir::new();
        std::fs::create_dir(dir.path().join(".aws")).unwrap();
        dir.write(".aws/credentials", "[default]\naws_access_key_id = HOMEKEY\naws_secret_access_key = S\n");
        let env = Environment::from_vars([("HOME", dir.path().to_str().unwrap())]);
        assert_eq!(ProfileProvider::new(env).credentials().unwrap().access_key_id(), "HOMEKEY");
    }

    #[test]
    fn a_file_that_is_not_utf8_is_an_error_naming_it() {
        let dir = tempdir::Dir::new();
        let credentials = dir.path().join("credentials");
        std::fs::write(&credentials, b"[default]\naws_access_key_id = AKID\xff\xfe\naws_secret_access_key = S\n")
            .unwrap();
        let env = Environment::from_vars([("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap())]);
        let error = ProfileProvider::new(env).credentials().unwrap_err();
        assert!(matches!(error, CredentialsError::Invalid(_)), "{error:?}");
        assert!(error.to_string().contains("is not UTF-8 text"), "{error}");
        assert!(error.to_string().contains(credentials.to_str().unwrap()), "{error}");
    }

    #[test]
    fn settings_still_come_from_the_readable_file() {
        // Found by the config_environment fuzz target (corpus/config_environment/regression-region-*).
        let dir = tempdir::Dir::new();
        let config = dir.write("config", "[default]\nregion = eu-west-1\n");
        let credentials = dir.path().join("credentials");
        std::fs::write(&credentials, b"[default]\naws_secret_access_key = \x88\n").unwrap();
        let env = Environment::from_vars([
            ("AWS_CONFIG_FILE", config.as_str()),
            ("AWS_SHARED_CREDENTIALS_FILE", credentials.to_str().unwrap()),
        ]);
        let provider = ProfileProvider::new(env);
        assert_eq!(provider.readable_profile().unwrap()["region"], "eu-west-1");
        assert!(provider.credentials().unwrap_err().to_string().contains("is not UTF-8 text"));
    }

    /// A throwaway directory removed on drop.
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicU32, Ordering};

        pub struct Dir(PathBuf);

        impl Dir {
            pub fn new() -> Self {
                static NEXT: AtomicU32 = AtomicU32::new(0);
                let name = format!("iot-transfer-test-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst));
                let path = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&path).unwrap();
                Self(path)
            }

            pub fn path(&self) -> &Path {
                &self.0
            }

            pub fn write(&self, name: &str, text: &str) -> String {
                let path = self.0.join(name);
                std::fs::write(&path, text).unwrap();
                path.to_str().unwrap().to_owned()
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
