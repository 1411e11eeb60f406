//! `Config::from_environment`: the region and the credentials chain read from environment
//! variables and the shared `config` and `credentials` files, then the endpoint resolved.
//!
//! Input: `NAME=value` variable lines (invalid UTF-8 replaced), then optionally each file's
//! bytes after a marker line, exactly as the file would hold them:
//! ```text
//! AWS_PROFILE=dev
//! %% config
//! [profile dev]
//! region = eu-west-1
//! %% credentials
//! [dev]
//! aws_access_key_id = AKIDEXAMPLE
//! ```
//! The files are written to a fresh scratch folder that `AWS_CONFIG_FILE` and
//! `AWS_SHARED_CREDENTIALS_FILE` point to; `HOME` and `USERPROFILE` are dropped, so nothing
//! outside that folder is read.

use super::text::{first_line, lossy, name_values};
use iot_transfer::credentials::{default_provider_chain, parse_profiles, Environment};
use iot_transfer::{Config, Credentials, CredentialsError, ProvideCredentials};
use std::collections::BTreeMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Waker};

const CONFIG_MARKER: &[u8] = b"%% config";
const CREDENTIALS_MARKER: &[u8] = b"%% credentials";
/// Variables the check sets itself, so that no file but the scratch ones is read.
const CONTROLLED: &[&str] = &["HOME", "USERPROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"];

/// Checks that reading the environment never panics and that
/// - the region is `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the selected profile's
///   `region` (`AWS_PROFILE`, default `default`; the credentials file's value wins), where a
///   file that is not UTF-8 counts as absent; and its endpoint resolves as the `endpoint` target
///   requires;
/// - credentials found have a non-empty access key id and secret and come whole from one
///   source: the variables when both keys are set there, else the profile's settings (where,
///   as in the variables, an empty value is no value).
pub fn check(data: &[u8]) {
    let input = decode(data);
    let scratch = Scratch::new();
    let mut vars = input.vars.clone();
    vars.insert("AWS_CONFIG_FILE".to_owned(), scratch.write("config", input.config.as_deref()));
    vars.insert("AWS_SHARED_CREDENTIALS_FILE".to_owned(), scratch.write("credentials", input.credentials.as_deref()));
    let env = Environment::from_vars(vars);

    let config = Config::from_environment(&env).build();
    let profile = input.selected_profile();
    let expected_region =
        input.var("AWS_REGION").or(input.var("AWS_DEFAULT_REGION")).or(profile.get("region").map(String::as_str));
    assert_eq!(config.endpoint().region.as_deref(), expected_region, "the region came from the wrong place");
    super::endpoint::check_resolution(config.endpoint());

    match ready(default_provider_chain(&env).provide_credentials()) {
        Ok(credentials) => check_credentials(&input, &profile, &credentials),
        Err(error) => check_credentials_error(&input, &error),
    }
}

/// The variables and the two files' bytes (`None`: the file does not exist).
struct Input {
    vars: BTreeMap<String, String>,
    config: Option<Vec<u8>>,
    credentials: Option<Vec<u8>>,
}

fn decode(data: &[u8]) -> Input {
    let mut variables = Vec::new();
    let (mut config, mut credentials): (Option<Vec<u8>>, Option<Vec<u8>>) = (None, None);
    let mut section = &mut variables;
    let mut rest = Some(data);
    while let Some(remaining) = rest {
        let (line, next) = first_line(remaining);
        let whole_line = &remaining[..remaining.len() - next.map_or(0, <[u8]>::len)];
        rest = next;
        if line == CONFIG_MARKER {
            section = config.insert(Vec::new());
        } else if line == CREDENTIALS_MARKER {
            section = credentials.insert(Vec::new());
        } else {
            section.extend_from_slice(whole_line);
        }
    }
    let vars = name_values(&lossy(&variables))
        .filter(|(name, _)| !CONTROLLED.contains(name))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    Input { vars, config, credentials }
}

impl Input {
    /// A variable as `Environment::get` reads it: an empty value is unset.
    fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// The selected profile's settings from both files, the credentials file winning.
    fn selected_profile(&self) -> BTreeMap<String, String> {
        let name = self.var("AWS_PROFILE").unwrap_or("default");
        let mut merged = BTreeMap::new();
        for (file, is_config) in [(&self.config, true), (&self.credentials, false)] {
            let text = file.as_deref().and_then(|bytes| std::str::from_utf8(bytes).ok());
            if let Some(profile) = text.and_then(|text| parse_profiles(text, is_config).remove(name)) {
                merged.extend(profile);
            }
        }
        merged
    }
}

fn check_credentials(input: &Input, profile: &BTreeMap<String, String>, credentials: &Credentials) {
    assert!(!credentials.access_key_id().is_empty(), "credentials with an empty access key id");
    assert!(!credentials.secret_access_key().is_empty(), "credentials with an empty secret access key");
    let found = (credentials.access_key_id(), credentials.secret_access_key(), credentials.session_token());
    let from_variables = match (input.var("AWS_ACCESS_KEY_ID"), input.var("AWS_SECRET_ACCESS_KEY")) {
        (Some(key), Some(secret)) => Some((key, secret, input.var("AWS_SESSION_TOKEN"))),
        _ => None,
    };
    let setting = |name: &str| profile.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let expected = from_variables.unwrap_or_else(|| {
        let key = setting("aws_access_key_id").unwrap_or_default();
        (key, setting("aws_secret_access_key").unwrap_or_default(), setting("aws_session_token"))
    });
    assert!(found == expected, "the credentials do not come whole from the variables or from the profile");
}

fn check_credentials_error(input: &Input, error: &CredentialsError) {
    assert!(!error.to_string().is_empty());
    let both_set = input.var("AWS_ACCESS_KEY_ID").is_some() && input.var("AWS_SECRET_ACCESS_KEY").is_some();
    assert!(!both_set, "both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, yet: {error}");
}

/// Runs a future that never waits (the environment and file providers answer at once).
fn ready<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("a credentials provider that reads no network waited"),
    }
}

/// A fresh folder under the system's temporary folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let name = format!("iot-transfer-fuzz-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&path).expect("the temporary folder is writable");
        Self(path)
    }

    /// Writes `bytes` to the file `name` if there are any, and returns its path either way.
    fn write(&self, name: &str, bytes: Option<&[u8]>) -> String {
        let path: &Path = &self.0.join(name);
        if let Some(bytes) = bytes {
            std::fs::write(path, bytes).expect("the scratch folder is writable");
        }
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
