//! The shared configuration as the official SDKs read it, loaded through `aws-config` in a child
//! process with exactly the environment and files each test writes, then used for a real call to
//! the local IoT endpoint: static keys, profiles, `credential_process`, endpoint URLs, FIPS,
//! dual-stack and retry settings, `AWS_CA_BUNDLE` and proxies.

use crate::loopback;

use loopback::child;
use loopback::proxy::LoopbackProxy;
use loopback::tls_front::TlsFront;
use loopback::{emulator, scratch_dir, SOURCE_ACCOUNT, SOURCE_KEY, SOURCE_SECRET};
use serde_json::Value;

/// Runs the child off the async runtime, which keeps serving the endpoint meanwhile.
async fn run_child(describe: Option<&str>, vars: &[(&str, &str)]) -> Value {
    let describe = describe.map(str::to_owned);
    let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    tokio::task::spawn_blocking(move || {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        child::run(describe.as_deref(), &vars)
    })
    .await
    .unwrap()
}

fn assert_described_as_source(report: &Value) {
    assert_eq!(report["call"]["ok"], true, "{report}");
    assert_eq!(report["call"]["owned_by"], SOURCE_ACCOUNT, "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_from_the_environment_and_the_iot_endpoint_over_the_global_one() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let report = run_child(
        Some(&id),
        &[
            ("AWS_ACCESS_KEY_ID", SOURCE_KEY),
            ("AWS_SECRET_ACCESS_KEY", SOURCE_SECRET),
            ("AWS_REGION", "us-east-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
            ("AWS_ENDPOINT_URL_IOT", &url),
        ],
    )
    .await;
    assert_eq!(report["endpoint_url"], url.as_str());
    assert_described_as_source(&report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_gives_region_keys_and_its_services_endpoint() {
    let (emulator, id) = emulator().await;
    let dir = scratch_dir("profile");
    let config = format!(
        "[default]\nregion = us-west-2\n\n[profile dev]\nregion = eu-west-1\naws_access_key_id = {SOURCE_KEY}\n\
         aws_secret_access_key = {SOURCE_SECRET}\nservices = local\nendpoint_url = http://127.0.0.1:9\n\n\
         [services local]\niot =\n  endpoint_url = {}\n",
        emulator.url()
    );
    std::fs::write(dir.join("config"), config).unwrap();
    let config_file = dir.join("config").display().to_string();
    let report = run_child(Some(&id), &[("AWS_CONFIG_FILE", &config_file), ("AWS_PROFILE", "dev")]).await;
    assert_eq!(report["region"], "eu-west-1");
    assert_eq!(report["endpoint_url"], emulator.url().as_str());
    assert_described_as_source(&report);

    let ignored = run_child(
        None,
        &[("AWS_CONFIG_FILE", &config_file), ("AWS_PROFILE", "dev"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")],
    )
    .await;
    assert_eq!(ignored["endpoint_url"], Value::Null, "{ignored}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credential_process_runs_and_its_keys_sign() {
    let (emulator, id) = emulator().await;
    let dir = scratch_dir("credential-process");
    let script = dir.join("issue-credentials.sh");
    let document = format!(r#"{{"Version": 1, "AccessKeyId": "{SOURCE_KEY}", "SecretAccessKey": "{SOURCE_SECRET}"}}"#);
    std::fs::write(&script, format!("#!/bin/sh\ncat <<'JSON'\n{document}\nJSON\n")).unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&script).status().unwrap();
    let config = format!("[default]\nregion = us-east-1\ncredential_process = {}\n", script.display());
    std::fs::write(dir.join("config"), config).unwrap();
    let config_file = dir.join("config").display().to_string();
    let url = emulator.url();
    let report = run_child(Some(&id), &[("AWS_CONFIG_FILE", &config_file), ("AWS_ENDPOINT_URL_IOT", &url)]).await;
    assert_described_as_source(&report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fips_dual_stack_and_attempts_from_the_environment_and_the_profile() {
    let from_env = run_child(
        None,
        &[
            ("AWS_REGION", "us-gov-west-1"),
            ("AWS_USE_FIPS_ENDPOINT", "true"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "true"),
            ("AWS_MAX_ATTEMPTS", "7"),
            ("AWS_RETRY_MODE", "adaptive"),
        ],
    )
    .await;
    assert_eq!(
        (&from_env["region"], &from_env["use_fips"], &from_env["use_dual_stack"], &from_env["max_attempts"]),
        (&Value::from("us-gov-west-1"), &Value::from(true), &Value::from(true), &Value::from(7)),
        "{from_env}"
    );
    assert_eq!(from_env["retry_mode"], "Adaptive");
    let dir = scratch_dir("fips-profile");
    std::fs::write(
        dir.join("config"),
        "[default]\nregion = ca-central-1\nuse_fips_endpoint = true\nmax_attempts = 2\nretry_mode = adaptive\n",
    )
    .unwrap();
    let config_file = dir.join("config").display().to_string();
    let from_profile = run_child(None, &[("AWS_CONFIG_FILE", &config_file)]).await;
    assert_eq!((&from_profile["use_fips"], &from_profile["max_attempts"]), (&Value::from(true), &Value::from(2)));
    assert_eq!(from_profile["retry_mode"], "Adaptive");
    assert_eq!(run_child(None, &[("AWS_REGION", "us-east-1")]).await["retry_mode"], "Standard");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_credentials_anywhere_is_a_credentials_error_and_nothing_is_sent() {
    let (emulator, id) = emulator().await;
    let url = emulator.url();
    let report = run_child(Some(&id), &[("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_IOT", &url)]).await;
    assert_eq!(report["call"]["kind"], "Credentials", "{report}");
    let message = report["call"]["message"].as_str().unwrap();
    assert!(message.contains("credentials"), "{message}");
    assert_eq!(emulator.app().request_counts().get("DescribeCertificate"), None, "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_bundle_is_the_only_authority_trusted() {
    let (emulator, id) = emulator().await;
    let dir = scratch_dir("ca-bundle");
    let ca_file = dir.join("ca.pem");
    let front = TlsFront::start(emulator.local_addr().to_string(), &ca_file).await;
    let ca = ca_file.display().to_string();
    let keys =
        [("AWS_ACCESS_KEY_ID", SOURCE_KEY), ("AWS_SECRET_ACCESS_KEY", SOURCE_SECRET), ("AWS_REGION", "us-east-1")];
    let with = |extra: &[(&'static str, &str)]| {
        let mut vars: Vec<(&str, String)> = keys.iter().map(|(k, v)| (*k, v.to_string())).collect();
        vars.push(("AWS_ENDPOINT_URL_IOT", front.url.clone()));
        vars.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        vars
    };
    let run = |vars: Vec<(&'static str, String)>| {
        let id = id.clone();
        async move {
            let borrowed: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            run_child(Some(&id), &borrowed).await
        }
    };

    let untrusted = run(with(&[])).await;
    assert_eq!(untrusted["call"]["kind"], "Transport(Connect)", "{untrusted}");
    assert_described_as_source(&run(with(&[("AWS_CA_BUNDLE", &ca)])).await);

    std::fs::write(dir.join("config"), format!("[default]\nca_bundle = {ca}\n")).unwrap();
    let config_file = dir.join("config").display().to_string();
    assert_described_as_source(&run(with(&[("AWS_CONFIG_FILE", &config_file)])).await);

    let missing = run(with(&[("AWS_CA_BUNDLE", "/nonexistent/ca.pem")])).await;
    assert_eq!(missing["call"]["kind"], "Transport(Request)", "{missing}");
    assert!(missing["call"]["message"].as_str().unwrap().contains("/nonexistent/ca.pem"), "{missing}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_go_through_the_proxy_of_the_environment_unless_no_proxy_names_the_host() {
    let (emulator, id) = emulator().await;
    let proxy = LoopbackProxy::start().await;
    let url = emulator.url();
    let keys =
        [("AWS_ACCESS_KEY_ID", SOURCE_KEY), ("AWS_SECRET_ACCESS_KEY", SOURCE_SECRET), ("AWS_REGION", "us-east-1")];
    let mut vars: Vec<(&str, &str)> = keys.to_vec();
    vars.extend([("AWS_ENDPOINT_URL_IOT", url.as_str()), ("HTTP_PROXY", proxy.url.as_str())]);
    assert_described_as_source(&run_child(Some(&id), &vars).await);
    let expected = format!("GET {url}/certificates/{id} HTTP/1.1");
    assert_eq!(proxy.request_lines(), vec![expected]);

    vars.push(("NO_PROXY", "127.0.0.1"));
    assert_described_as_source(&run_child(Some(&id), &vars).await);
    assert_eq!(proxy.request_lines().len(), 1, "NO_PROXY names the endpoint: the proxy saw nothing more");

    let dir = scratch_dir("proxy-tls");
    let ca_file = dir.join("ca.pem");
    let front = TlsFront::start(emulator.local_addr().to_string(), &ca_file).await;
    let ca = ca_file.display().to_string();
    let mut vars: Vec<(&str, &str)> = keys.to_vec();
    vars.extend([
        ("AWS_ENDPOINT_URL_IOT", front.url.as_str()),
        ("AWS_CA_BUNDLE", ca.as_str()),
        ("HTTPS_PROXY", proxy.url.as_str()),
    ]);
    assert_described_as_source(&run_child(Some(&id), &vars).await);
    let port = front.url.rsplit(':').next().unwrap();
    assert_eq!(proxy.request_lines().last().unwrap(), &format!("CONNECT localhost:{port} HTTP/1.1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_setting_that_cannot_be_used_is_a_configuration_error_naming_it() {
    let from_env = run_child(None, &[("AWS_REGION", "us-east-1"), ("AWS_RETRY_MODE", "legacy")]).await;
    assert_eq!(from_env["load_error"]["kind"], "Configuration", "{from_env}");
    assert!(from_env["load_error"]["message"].as_str().unwrap().contains("AWS_RETRY_MODE"), "{from_env}");
    let dir = scratch_dir("bad-retry");
    std::fs::write(dir.join("config"), "[default]\nmax_attempts = 0\n").unwrap();
    let config_file = dir.join("config").display().to_string();
    let from_profile = run_child(None, &[("AWS_CONFIG_FILE", &config_file)]).await;
    assert_eq!(from_profile["load_error"]["kind"], "Configuration", "{from_profile}");
    assert!(from_profile["load_error"]["message"].as_str().unwrap().contains("max_attempts"), "{from_profile}");
}
