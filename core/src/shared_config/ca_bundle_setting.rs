//! Where the CA bundle setting comes from: `AWS_CA_BUNDLE`, else the selected profile's
//! `ca_bundle`, as in the AWS CLI and boto3 (`aws-config` does not read it).

use aws_runtime::env_config::file::EnvConfigFiles;
use aws_runtime::env_config::EnvConfigValue;
use aws_types::os_shim_internal::{Env, Fs};
use std::borrow::Cow;
use std::path::PathBuf;

/// The CA bundle path, if one is set. Unreadable profile files are skipped here: the credential
/// chain reports them.
pub(super) async fn find(profile_name: Option<&str>) -> Option<PathBuf> {
    let env = Env::real();
    let profile_override = profile_name.map(|name| Cow::Owned(name.to_owned()));
    let profiles =
        aws_config::profile::load(&Fs::real(), &env, &EnvConfigFiles::default(), profile_override).await.ok();
    let (value, _) = EnvConfigValue::new().env("AWS_CA_BUNDLE").profile("ca_bundle").load(&env, profiles.as_ref())?;
    // An empty value is no value, as boto3 reads it.
    Some(PathBuf::from(value.as_ref())).filter(|path| !path.as_os_str().is_empty())
}
