//! The SDKs' default credential chain, through `aws-config`, against the local endpoint's
//! stand-ins for the services it calls, in their wire formats: the EC2 instance metadata service
//! (IMDSv2), the ECS container endpoint, STS (`AssumeRole` for an assume-role profile,
//! `AssumeRoleWithWebIdentity` for EKS's web identity) and the SSO portal (`GetRoleCredentials`).
//! Each test ends in a real IoT call that only the expected account's credentials can make, and
//! counts what the chain asked of each service.

use crate::loopback;

use loopback::child;
use loopback::{emulator, scratch_dir, SOURCE_ACCOUNT, SOURCE_KEY, SOURCE_SECRET};
use serde_json::Value;
use sha1::{Digest, Sha1};
use std::collections::BTreeMap;

/// The local endpoint's second account, and its long-term keys.
const TARGET_KEY: &str = "AKIAEMULATORTARGET";
const TARGET_SECRET: &str = "emulator-target-secret";
const ROLE_ARN: &str = "arn:aws:iam::111122223333:role/transfer-operator";

async fn run_child(describe: &str, vars: Vec<(&'static str, String)>) -> Value {
    let describe = describe.to_owned();
    tokio::task::spawn_blocking(move || {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        child::run(Some(&describe), &vars)
    })
    .await
    .unwrap()
}

/// The source account's certificate was described: only its credentials can see it.
fn assert_signed_as_source(report: &Value) {
    assert_eq!(report["call"]["ok"], true, "{report}");
    assert_eq!(report["call"]["owned_by"], SOURCE_ACCOUNT, "{report}");
}

fn requests(emulator: &iot_emulator::Emulator) -> BTreeMap<&'static str, u64> {
    emulator.app().credentials.request_counts()
}

fn sha1_hex(text: &str) -> String {
    Sha1::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imds_gives_credentials_and_the_region() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let report = run_child(
        &id,
        vec![("AWS_EC2_METADATA_SERVICE_ENDPOINT", format!("{url}/")), ("AWS_ENDPOINT_URL_IOT", url.clone())],
    )
    .await;
    assert_eq!(report["region"], "us-east-1", "the region comes from IMDS: {report}");
    assert_signed_as_source(&report);
    let counts = requests(&emulator);
    assert_eq!(counts.get("imds:credentials"), Some(&1), "{counts:?}");
    assert!(counts.get("imds:token").is_some_and(|n| *n >= 1), "IMDSv2: a token first: {counts:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ecs_container_endpoint_gives_credentials() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let report = run_child(
        &id,
        vec![
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ENDPOINT_URL_IOT", url.clone()),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", format!("{url}/v2/credentials/{SOURCE_ACCOUNT}")),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "emulator-container-token".into()),
        ],
    )
    .await;
    assert_signed_as_source(&report);
    assert_eq!(requests(&emulator).get("container:credentials"), Some(&1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assume_role_profile_calls_sts_with_its_source_profile() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let dir = scratch_dir("assume-role");
    // The source profile's keys are the *target* account's: only the assumed role can see the
    // source account's certificate.
    let config = format!(
        "[default]\nregion = us-east-1\nrole_arn = {ROLE_ARN}\nsource_profile = base\n\n\
         [profile base]\naws_access_key_id = {TARGET_KEY}\naws_secret_access_key = {TARGET_SECRET}\n"
    );
    std::fs::write(dir.join("config"), config).unwrap();
    let report = run_child(
        &id,
        vec![
            ("AWS_CONFIG_FILE", dir.join("config").display().to_string()),
            ("AWS_ENDPOINT_URL_IOT", url.clone()),
            ("AWS_ENDPOINT_URL_STS", url.clone()),
        ],
    )
    .await;
    assert_signed_as_source(&report);
    assert_eq!(requests(&emulator).get("sts:AssumeRole"), Some(&1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_web_identity_token_is_exchanged_with_sts() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let dir = scratch_dir("web-identity");
    std::fs::write(dir.join("token"), "emulator-web-identity-token\n").unwrap();
    let report = run_child(
        &id,
        vec![
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ENDPOINT_URL_IOT", url.clone()),
            ("AWS_ENDPOINT_URL_STS", url.clone()),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", dir.join("token").display().to_string()),
            ("AWS_ROLE_ARN", ROLE_ARN.into()),
            ("AWS_ROLE_SESSION_NAME", "iot-transfer-test".into()),
        ],
    )
    .await;
    assert_signed_as_source(&report);
    assert_eq!(requests(&emulator).get("sts:AssumeRoleWithWebIdentity"), Some(&1));
}

/// An SSO profile, legacy or with an `sso-session`, with the token `aws sso login` would cache.
async fn sso_profile_signs(profile: &str, cache_key: &str) {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let home = scratch_dir(&format!("sso-{}", sha1_hex(profile).get(..8).unwrap()));
    let cache = home.join(".aws/sso/cache");
    std::fs::create_dir_all(&cache).unwrap();
    let token = serde_json::json!({
        "startUrl": "https://example.awsapps.com/start",
        "region": "us-east-1",
        "accessToken": "emulator-sso-access-token",
        "expiresAt": "2099-01-01T00:00:00Z",
    });
    std::fs::write(cache.join(format!("{}.json", sha1_hex(cache_key))), token.to_string()).unwrap();
    std::fs::create_dir_all(home.join(".aws")).unwrap();
    std::fs::write(home.join(".aws/config"), profile).unwrap();
    let report = run_child(
        &id,
        vec![
            ("HOME", home.display().to_string()),
            ("AWS_ENDPOINT_URL_IOT", url.clone()),
            ("AWS_ENDPOINT_URL_SSO", url.clone()),
        ],
    )
    .await;
    assert_signed_as_source(&report);
    assert_eq!(requests(&emulator).get("sso:GetRoleCredentials"), Some(&1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_legacy_sso_profile_uses_the_cached_token() {
    let profile = format!(
        "[default]\nregion = us-east-1\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n\
         sso_account_id = {SOURCE_ACCOUNT}\nsso_role_name = Transfer\n"
    );
    sso_profile_signs(&profile, "https://example.awsapps.com/start").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sso_session_profile_uses_the_cached_token() {
    let profile = format!(
        "[default]\nregion = us-east-1\nsso_session = corp\nsso_account_id = {SOURCE_ACCOUNT}\nsso_role_name = Transfer\n\n\
         [sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"
    );
    sso_profile_signs(&profile, "corp").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chain_takes_the_first_source_in_the_sdks_order() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let dir = scratch_dir("chain-order");
    std::fs::write(dir.join("token"), "emulator-web-identity-token").unwrap();
    let imds = ("AWS_EC2_METADATA_SERVICE_ENDPOINT", format!("{url}/"));
    let container = ("AWS_CONTAINER_CREDENTIALS_FULL_URI", format!("{url}/v2/credentials/{SOURCE_ACCOUNT}"));
    let web_identity = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", dir.join("token").display().to_string()),
        ("AWS_ROLE_ARN", ROLE_ARN.to_owned()),
        ("AWS_ENDPOINT_URL_STS", url.clone()),
    ];
    let profile = format!("[default]\naws_access_key_id = {SOURCE_KEY}\naws_secret_access_key = {SOURCE_SECRET}\n");
    std::fs::write(dir.join("credentials"), profile).unwrap();
    let shared_file = ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials").display().to_string());
    // Behind the environment's keys, a profile of the *target* account: had it been read first,
    // the source account's certificate could not be described.
    let other = format!("[default]\naws_access_key_id = {TARGET_KEY}\naws_secret_access_key = {TARGET_SECRET}\n");
    std::fs::write(dir.join("credentials-target"), other).unwrap();
    let target_file = ("AWS_SHARED_CREDENTIALS_FILE", dir.join("credentials-target").display().to_string());
    let environment = [("AWS_ACCESS_KEY_ID", SOURCE_KEY.to_owned()), ("AWS_SECRET_ACCESS_KEY", SOURCE_SECRET.into())];
    let base = [("AWS_REGION", "us-east-1".to_owned()), ("AWS_ENDPOINT_URL_IOT", url.clone())];

    // Each case offers every later source too; only the first may be asked for credentials.
    let cases: Vec<(&str, Vec<(&'static str, String)>)> = vec![
        (
            "environment",
            [&environment[..], std::slice::from_ref(&target_file), &web_identity, &[container.clone(), imds.clone()]]
                .concat(),
        ),
        ("profile", [&[shared_file.clone()][..], &web_identity, &[container.clone(), imds.clone()]].concat()),
        ("web identity", [&web_identity[..], &[container.clone(), imds.clone()]].concat()),
        ("container", vec![container.clone(), imds.clone()]),
        ("imds", vec![imds.clone()]),
    ];
    let mut before = requests(&emulator);
    for (source, vars) in cases {
        let report = run_child(&id, [&base[..], &vars].concat()).await;
        assert_signed_as_source(&report);
        let after = requests(&emulator);
        let asked: Vec<&str> = after
            .iter()
            .filter(|(endpoint, n)| before.get(*endpoint) != Some(n))
            .map(|(endpoint, _)| *endpoint)
            .filter(|endpoint| !endpoint.starts_with("imds:region"))
            .collect();
        let expected: &[&str] = match source {
            "environment" | "profile" => &[],
            "web identity" => &["sts:AssumeRoleWithWebIdentity"],
            "container" => &["container:credentials"],
            _ => &["imds:credentials", "imds:roleName", "imds:token"],
        };
        assert_eq!(asked, expected, "{source} first: asked {asked:?}");
        before = after;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_instance_endpoints_are_never_reached_through_a_proxy() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let proxy = loopback::proxy::LoopbackProxy::start().await;
    let report = run_child(
        &id,
        vec![
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ENDPOINT_URL_IOT", url.clone()),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", format!("{url}/v2/credentials/{SOURCE_ACCOUNT}")),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "emulator-container-token".into()),
            ("HTTP_PROXY", proxy.url.clone()),
        ],
    )
    .await;
    assert_signed_as_source(&report);
    assert_eq!(requests(&emulator).get("container:credentials"), Some(&1));
    // The IoT call goes through the proxy (as botocore sends it); the container's token does not.
    assert_eq!(proxy.request_lines(), vec![format!("GET {url}/certificates/{id} HTTP/1.1")]);
}
