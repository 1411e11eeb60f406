//! Tests of the wasm exports, run in Node (`tests/node.rs`) and in headless Chromium
//! (`tests/browser.rs`): the shared signing vectors, validation, configuration and credentials
//! errors, signing dates, a JavaScript transport's messages, and a refused connection.

use iot_transfer_wasm::NativeClient;
use js_sys::{Function, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const ID: &str = "3c4f1e2b5d6a7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
const SIGNING_VECTORS: &str = include_str!("../../../tests/vectors/signing.json");

fn get(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).unwrap()
}

fn text(value: &JsValue, name: &str) -> Option<String> {
    get(value, name).as_string()
}

/// A member of an error description's details (the core's `ErrorDetails`).
fn detail(error: &JsValue, name: &str) -> JsValue {
    get(&get(error, "details"), name)
}

/// A text member of an error description's details; `validation.NAME` for a validation error's.
fn detail_text(error: &JsValue, name: &str) -> Option<String> {
    match name.strip_prefix("validation.") {
        Some(name) => text(&detail(error, "validation"), name),
        None => detail(error, name).as_string(),
    }
}

fn object(members: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (name, value) in members {
        Reflect::set(&object, &(*name).into(), value).unwrap();
    }
    object.into()
}

fn credentials() -> JsValue {
    object(&[("accessKeyId", "AKIDEXAMPLE".into()), ("secretAccessKey", "secret".into())])
}

fn client(extra: &[(&str, JsValue)]) -> NativeClient {
    let mut members = vec![("region", JsValue::from("us-east-1")), ("credentials", credentials())];
    members.extend(extra.iter().cloned());
    NativeClient::new(object(&members), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap()
}

fn input(certificate_id: &str, account: JsValue) -> JsValue {
    object(&[("certificateId", certificate_id.into()), ("targetAwsAccount", account)])
}

#[wasm_bindgen_test]
async fn the_shared_signing_vectors_give_byte_identical_requests() {
    let cases = JSON::parse(SIGNING_VECTORS).unwrap();
    let cases = js_sys::Array::from(&cases);
    assert!(cases.length() >= 10);
    for case in cases.iter() {
        let name = text(&case, "name").unwrap();
        let config = get(&case, "config");
        let mut members = vec![
            ("region", get(&config, "region")),
            ("useFipsEndpoint", get(&config, "useFips")),
            ("useDualstackEndpoint", get(&config, "useDualStack")),
            ("credentials", get(&case, "credentials")),
        ];
        if let Some(endpoint) = text(&config, "endpointUrl") {
            members.push(("endpoint", endpoint.into()));
        }
        let client = NativeClient::new(object(&members), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
        let signing_date = js_sys::Date::parse(&text(&case, "time").unwrap());
        let signed = client.sign("TransferCertificate".into(), get(&case, "input"), signing_date.into()).await.unwrap();
        let expected = get(&case, "expected");
        for member in ["method", "url", "body"] {
            assert_eq!(text(&signed, member), text(&expected, member), "{name}: {member}");
        }
        let headers = get(&signed, "headers");
        let expected_headers = js_sys::Array::from(&get(&expected, "headers"));
        let names: Vec<String> =
            Object::keys(headers.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()).collect();
        let expected_names: Vec<String> =
            expected_headers.iter().map(|pair| js_sys::Array::from(&pair).get(0).as_string().unwrap()).collect();
        let sent: Vec<&String> = names.iter().filter(|n| *n != "user-agent").collect();
        assert_eq!(sent, expected_names.iter().collect::<Vec<_>>(), "{name}: header names and order");
        for pair in expected_headers.iter() {
            let pair = js_sys::Array::from(&pair);
            let header = pair.get(0).as_string().unwrap();
            assert_eq!(text(&headers, &header), pair.get(1).as_string(), "{name}: {header}");
        }
    }
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
async fn validation_errors_name_the_field_and_rule() {
    let client = client(&[]);
    let error = client
        .call("TransferCertificate".into(), input("abc", "123456789012".into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "kind").as_deref(), Some("Validation"));
    assert_eq!(detail_text(&error, "code").as_deref(), Some("ValidationError"));
    assert_eq!(detail_text(&error, "validation.field").as_deref(), Some("certificateId"));
    assert_eq!(detail_text(&error, "validation.rule").as_deref(), Some("must be exactly 64 characters long (got 3)"));
    assert_eq!(get(&detail(&error, "$metadata"), "attempts").as_f64(), Some(0.0));

    let error = client
        .call("TransferCertificate".into(), input(ID, 123456789012u64.into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "validation.field").as_deref(), Some("targetAwsAccount"));
    assert_eq!(detail_text(&error, "validation.rule").as_deref(), Some("must be a string"));
}

#[wasm_bindgen_test]
fn configuration_errors_name_the_member() {
    let error = NativeClient::new("us-east-1".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).err().unwrap();
    assert_eq!(detail_text(&error, "code").as_deref(), Some("ConfigurationError"));
    let error = NativeClient::new(
        object(&[("region", "us-east-1".into()), ("maxAttempts", "3".into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .err()
    .unwrap();
    assert_eq!(
        detail_text(&error, "message").as_deref(),
        Some("maxAttempts must be a whole number from 1 to 4294967295")
    );
    for (member, value, message) in [
        ("timeouts", JsValue::from(5), "timeouts must be an object"),
        ("transport", JsValue::from(5), "transport must be a function or \"fetch\""),
        ("maxAttempts", JsValue::from(1e12), "maxAttempts must be a whole number from 1 to 4294967295"),
        ("timeouts", object(&[("attempt", "5".into())]), "timeouts.attempt must be a duration from 0 to 24 days"),
    ] {
        let error = NativeClient::new(
            object(&[("region", "us-east-1".into()), (member, value)]),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
        )
        .err()
        .unwrap();
        assert_eq!(detail_text(&error, "code").as_deref(), Some("ConfigurationError"));
        assert_eq!(detail_text(&error, "message").as_deref(), Some(message));
    }
    let error = NativeClient::new(
        object(&[("region", "us-east-1".into()), ("credentials", object(&[("accessKeyId", "A".into())]))]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .err()
    .unwrap();
    assert!(detail_text(&error, "message").unwrap().contains("secretAccessKey is missing"));
}

#[wasm_bindgen_test]
async fn endpoint_errors_come_from_the_core() {
    let client =
        NativeClient::new(object(&[("credentials", credentials())]), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let error = client
        .call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "kind").as_deref(), Some("Endpoint"));
    assert_eq!(detail_text(&error, "message").as_deref(), Some("Invalid Configuration: Missing Region"));
}

#[wasm_bindgen_test]
async fn an_async_credentials_function_is_called_and_its_errors_reported() {
    let provider = Function::new_no_args(
        "return Promise.resolve({ accessKeyId: 'ASIAFROMFUNCTION', secretAccessKey: 's', sessionToken: 't' });",
    );
    let client = NativeClient::new(
        object(&[("region", "eu-west-1".into()), ("credentials", provider.into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    let signed =
        client.sign("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED).await.unwrap();
    let headers = get(&signed, "headers");
    assert!(text(&headers, "authorization").unwrap().contains("Credential=ASIAFROMFUNCTION/"));
    assert_eq!(text(&headers, "x-amz-security-token").as_deref(), Some("t"));

    let failing = Function::new_no_args("throw new Error('identity pool unreachable');");
    let client = NativeClient::new(
        object(&[("region", "eu-west-1".into()), ("credentials", failing.into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    let error = client
        .call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "kind").as_deref(), Some("Credentials"));
    assert!(detail_text(&error, "message").unwrap().contains("identity pool unreachable"));
}

#[wasm_bindgen_test]
async fn a_refused_connection_is_retried_then_a_transport_error() {
    let client =
        client(&[("endpoint", "http://127.0.0.1:9".into()), ("maxAttempts", 2.into()), ("retryBaseDelay", 1.into())]);
    let error = client
        .call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "kind").as_deref(), Some("Transport"));
    assert_eq!(detail(&error, "retryable").as_bool(), Some(true));
    assert_eq!(get(&detail(&error, "$metadata"), "attempts").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
async fn signing_dates_out_of_range_or_of_the_wrong_type_are_validation_errors() {
    let client = client(&[]);
    let cases: [(JsValue, &str); 5] = [
        (f64::NAN.into(), "must be a valid Date or a finite number of milliseconds since the epoch"),
        (
            js_sys::Date::new(&"x".into()).into(),
            "must be a valid Date or a finite number of milliseconds since the epoch",
        ),
        ("yesterday".into(), "must be a valid Date or a finite number of milliseconds since the epoch"),
        ((-1.0).into(), "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
        (253_402_300_800_000.0.into(), "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"),
    ];
    for (date, rule) in cases {
        let error =
            client.sign("TransferCertificate".into(), input(ID, "123456789012".into()), date).await.unwrap_err();
        assert_eq!(detail_text(&error, "kind").as_deref(), Some("Validation"));
        assert_eq!(detail_text(&error, "validation.field").as_deref(), Some("signingDate"));
        assert_eq!(detail_text(&error, "validation.rule").as_deref(), Some(rule));
    }
    let last_second = 253_402_300_799_000.0;
    let signed =
        client.sign("TransferCertificate".into(), input(ID, "123456789012".into()), last_second.into()).await.unwrap();
    assert_eq!(text(&get(&signed, "headers"), "x-amz-date").as_deref(), Some("99991231T235959Z"));
}

/// A transport function `(request) => { body }` that can write to `holder`.
fn transport_keeping(holder: &Object, body: &str) -> JsValue {
    let make = Function::new_with_args("holder", &format!("return (request) => {{ {body} }};"));
    make.call1(&JsValue::UNDEFINED, holder).unwrap()
}

#[wasm_bindgen_test]
async fn a_javascript_transport_gets_the_request_and_a_signal_and_its_answer_is_read() {
    // Keeps what it was asked to send on itself, and answers with a success.
    let holder = Object::new();
    let send = transport_keeping(
        &holder,
        "holder.seen = request; return Promise.resolve({ status: 200, \
         headers: { 'x-amzn-requestid': ['req-9'], 'content-type': 'application/json' }, \
         body: new TextEncoder().encode(JSON.stringify({ transferredCertificateArn: 'arn:x' })) });",
    );
    let timeouts = object(&[("call", 60_000.into())]);
    let client = client(&[("endpoint", "http://127.0.0.1:9".into()), ("transport", send), ("timeouts", timeouts)]);
    let output =
        client.call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED).await.unwrap();
    assert_eq!(text(&output, "transferredCertificateArn").as_deref(), Some("arn:x"));
    assert_eq!(text(&get(&output, "$metadata"), "requestId").as_deref(), Some("req-9"));
    let seen = get(&holder, "seen");
    assert_eq!(text(&seen, "method").as_deref(), Some("PATCH"));
    assert!(text(&seen, "url").unwrap().starts_with("http://127.0.0.1:9/transfer-certificate/"));
    assert!(text(&get(&seen, "headers"), "authorization").unwrap().starts_with("AWS4-HMAC-SHA256 "));
    assert!(get(&seen, "body").is_instance_of::<js_sys::Uint8Array>());
    let signal = get(&seen, "signal").dyn_into::<web_sys::AbortSignal>().unwrap();
    assert!(!signal.aborted(), "a settled exchange is not aborted");
    assert_eq!(get(&seen, "maxResponseBytes").as_f64(), Some(1_048_576.0));
}

#[wasm_bindgen_test]
async fn without_a_timeout_nothing_can_abandon_an_attempt_so_there_is_no_signal() {
    let holder = Object::new();
    let send = transport_keeping(
        &holder,
        "holder.seen = request; return { status: 200, headers: {}, \
         body: new TextEncoder().encode(JSON.stringify({ transferredCertificateArn: 'arn:x' })) };",
    );
    let client = client(&[("endpoint", "http://127.0.0.1:9".into()), ("transport", send)]);
    client.call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED).await.unwrap();
    assert!(get(&get(&holder, "seen"), "signal").is_undefined());
}

#[wasm_bindgen_test]
async fn a_transport_that_never_answers_is_aborted_when_the_attempt_times_out() {
    let holder = Object::new();
    let send = transport_keeping(&holder, "holder.signal = request.signal; return new Promise(() => {});");
    let timeouts = object(&[("attempt", 20.into())]);
    let client = client(&[("transport", send), ("timeouts", timeouts), ("maxAttempts", 1.into())]);
    let error = client
        .call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED)
        .await
        .unwrap_err();
    assert_eq!(detail_text(&error, "kind").as_deref(), Some("Timeout"));
    let signal = get(&holder, "signal").dyn_into::<web_sys::AbortSignal>().unwrap();
    assert!(signal.aborted());
}

#[wasm_bindgen_test]
async fn a_malformed_transport_answer_is_a_transport_error_naming_the_member() {
    for (answer, message) in [
        ("({ status: '200' })", "response.status must be a whole number from 100 to 999"),
        (
            "({ status: 200, headers: { 'x-amzn-requestid': 5 } })",
            "response.headers.x-amzn-requestid must be a string or an array of strings",
        ),
        ("({ status: 200, body: 'text' })", "response.body must be a Uint8Array"),
        ("null", "response must be an object"),
    ] {
        let send = Function::new_with_args("request", &format!("return Promise.resolve({answer});"));
        let client = client(&[("transport", send.into()), ("maxAttempts", 1.into())]);
        let error = client
            .call("TransferCertificate".into(), input(ID, "123456789012".into()), JsValue::UNDEFINED)
            .await
            .unwrap_err();
        assert_eq!(detail_text(&error, "kind").as_deref(), Some("Transport"));
        let text = detail_text(&error, "message").unwrap();
        assert!(text.ends_with(message), "{text}");
    }
}
