//! Error mapping end to end: every modelled error, auth and unknown codes, bad success bodies,
//! configuration and credentials failures, and secrets kept out of every printout.

use crate::support;

use iot_transfer::credentials::CredentialsError;
use iot_transfer::runtime::BoxFuture;
use iot_transfer::{
    Client, Config, Credentials, DescribeCertificateInput, EndpointError, ErrorKind, Fault, InputField,
    ProvideCredentials, TransferCertificateInput, ValidationRule,
};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use support::fixtures::*;
use support::{Reply, Response, Server};

#[tokio::test]
async fn every_modelled_error_is_typed_with_its_metadata() {
    let table = [
        ("InvalidRequestException", 400, ErrorKind::InvalidRequest, Fault::Client),
        ("ResourceNotFoundException", 404, ErrorKind::ResourceNotFound, Fault::Client),
        ("CertificateStateException", 406, ErrorKind::CertificateState, Fault::Client),
        ("TransferConflictException", 409, ErrorKind::TransferConflict, Fault::Client),
        ("UnauthorizedException", 401, ErrorKind::Unauthorized, Fault::Client),
    ];
    for (code, status, kind, fault) in table {
        // A CertificateStateException is explained from the certificate's state.
        let state_check = kind == ErrorKind::CertificateState;
        let mut replies = vec![Reply::Respond(Response::error(status, code, "it failed"))];
        if state_check {
            replies.push(Reply::Respond(Response::description("ACTIVE")));
        }
        let server = Server::start(replies).await;
        let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
        assert_eq!(error.kind(), &kind, "{code}");
        assert_eq!((error.code(), error.message()), (code, "it failed"));
        assert_eq!((error.http_status(), error.request_id()), (Some(status), Some(format!("req-{status}").as_str())));
        assert_eq!((error.metadata().attempts, error.is_retryable(), error.fault()), (1, false, fault), "{code}");
        let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
        let expected: &[&str] = if state_check { &["PATCH", "GET"] } else { &["PATCH"] };
        assert_eq!(methods, expected, "{code} must not be retried");
        assert_eq!(error.metadata().reconciled, state_check);
        assert!(!error.possibly_applied());
    }
}

#[tokio::test]
async fn retryable_modelled_errors_report_their_class_when_attempts_run_out() {
    let table = [
        ("ThrottlingException", 400, ErrorKind::Throttling, Fault::Client),
        ("ServiceUnavailableException", 503, ErrorKind::ServiceUnavailable, Fault::Server),
        ("InternalFailureException", 500, ErrorKind::InternalFailure, Fault::Server),
    ];
    for (code, status, kind, fault) in table {
        let mut replies: Vec<Reply> = (0..3).map(|_| Reply::Respond(Response::error(status, code, "again"))).collect();
        // A 5xx may have been applied: the certificate's state settles it before the error is returned.
        let server_fault = status >= 500;
        if server_fault {
            replies.push(Reply::Respond(Response::description("INACTIVE")));
        }
        let server = Server::start(replies).await;
        let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
        assert_eq!((error.kind(), error.code(), error.fault()), (&kind, code, fault));
        assert!(error.is_retryable());
        assert_eq!(error.metadata().attempts, 3);
        assert_eq!(server.requests().len(), if server_fault { 4 } else { 3 });
        assert_eq!((error.possibly_applied(), error.metadata().reconciled), (server_fault, server_fault), "{code}");
    }
}

#[tokio::test]
async fn auth_unknown_and_codeless_errors() {
    let server = Server::start(vec![
        Reply::Respond(Response::new(403, r#"{"__type":"InvalidSignatureException","message":"bad sig"}"#)),
        Reply::Respond(Response::new(400, r#"{"code":"BrandNewException","message":"new"}"#)),
        Reply::Respond(Response::new(501, "<html><body>Not Implemented</body></html>")),
    ])
    .await;
    let client = Client::new(config(&server.url()).build());
    let auth = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(
        (auth.kind(), auth.code(), auth.http_status()),
        (&ErrorKind::Auth, "InvalidSignatureException", Some(403))
    );
    let unknown = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(
        (unknown.kind(), unknown.code(), unknown.message()),
        (&ErrorKind::UnknownService, "BrandNewException", "new")
    );
    let html = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!((html.kind(), html.code(), html.http_status()), (&ErrorKind::UnknownService, "UnknownError", Some(501)));
    assert_eq!(html.fault(), Fault::Server);
}

#[tokio::test]
async fn a_5xx_with_an_empty_body_is_retried_then_typed() {
    let mut replies: Vec<Reply> = (0..3).map(|_| Reply::Respond(Response::new(503, ""))).collect();
    replies.push(Reply::Respond(Response::description("INACTIVE")));
    let server = Server::start(replies).await;
    let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(
        (error.kind(), error.http_status(), error.metadata().attempts),
        (&ErrorKind::UnknownService, Some(503), 3)
    );
}

#[tokio::test]
async fn a_malformed_success_body_is_an_error_when_the_certificate_shows_no_transfer() {
    for body in ["{not json", "{}", r#"{"transferredCertificateArn":null,"x":1}"#] {
        let server = Server::start(vec![
            Reply::Respond(Response::new(200, body)),
            Reply::Respond(Response::description("INACTIVE")),
        ])
        .await;
        let error = Client::new(config(&server.url()).build()).transfer_certificate(input()).await.unwrap_err();
        assert_eq!((error.kind(), error.http_status()), (&ErrorKind::InvalidResponse, Some(200)), "{body}");
        assert_eq!(error.request_id(), Some("req-200"));
        assert!(error.possibly_applied() && error.metadata().reconciled);
        let methods: Vec<String> = server.requests().into_iter().map(|r| r.method).collect();
        assert_eq!(methods, ["PATCH", "GET"], "a 2xx is never sent again");
    }
}

#[tokio::test]
async fn configuration_errors_send_nothing() {
    let server = Server::start(vec![]).await;
    let no_region = Config::builder().endpoint_url(server.url()).credentials(credentials()).build();
    let error = Client::new(no_region).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Endpoint(EndpointError::MissingRegion));

    let fips = config(&server.url()).use_fips(true).build();
    let error = Client::new(fips).transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Endpoint(EndpointError::FipsWithCustomEndpoint));

    let no_credentials = Config::builder().region("us-east-1").endpoint_url(server.url()).build();
    let error = Client::new(no_credentials).transfer_certificate(input()).await.unwrap_err();
    assert_eq!((error.kind(), error.code()), (&ErrorKind::Credentials, "CredentialsError"));
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn an_upper_case_region_is_refused_before_anything_is_signed() {
    let server = Server::start(vec![]).await;
    let client = Client::new(config(&server.url()).region("US-EAST-1").build());
    let error = client.sign_transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Endpoint(EndpointError::InvalidRegion("US-EAST-1".into())));
    assert!(error.message().contains("\"US-EAST-1\"") && error.message().contains("lower-case"), "{error}");
    assert!(client.transfer_certificate(input()).await.is_err());
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn a_certificate_arn_of_another_region_is_refused_by_every_call() {
    let server = Server::start(vec![]).await;
    let client = Client::new(config(&server.url()).build());
    let arn = format!("arn:aws:iot:eu-west-1:111122223333:cert/{CERTIFICATE_ID}");
    let expected = ValidationRule::CertificateArnLocation {
        arn_partition: "aws".into(),
        arn_region: "eu-west-1".into(),
        client_partition: "aws".into(),
        client_region: "us-east-1".into(),
    };
    let transfer = TransferCertificateInput::new(&arn, TARGET_ACCOUNT);
    let errors = [
        client.transfer_certificate(transfer.clone()).await.unwrap_err(),
        client.sign_transfer_certificate(transfer).await.unwrap_err(),
        client.describe_certificate(DescribeCertificateInput::new(&arn)).await.unwrap_err(),
    ];
    for error in errors {
        let ErrorKind::Validation(validation) = error.kind() else { panic!("{error}") };
        assert_eq!((validation.field(), validation.rule()), (InputField::CertificateId, &expected));
        assert!(error.message().contains("eu-west-1") && error.message().contains("us-east-1"), "{error}");
    }
    assert!(server.requests().is_empty());
}

/// A host-implemented provider handing out short-lived credentials, counting its calls.
#[derive(Debug, Default)]
struct Refreshing {
    calls: AtomicU32,
    fail: bool,
}

impl ProvideCredentials for Refreshing {
    fn provide_credentials(&self) -> BoxFuture<'_, Result<Credentials, CredentialsError>> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        let fail = self.fail;
        Box::pin(async move {
            if fail {
                return Err(CredentialsError::ProviderFailed("identity pool unreachable".into()));
            }
            // Expires within the five-minute refresh window, so every call fetches anew.
            let expiry = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
            Ok(Credentials::new(format!("ASIAREFRESH{n}"), SECRET, Some(TOKEN.into()), Some(expiry)))
        })
    }
}

#[tokio::test]
async fn a_host_provider_is_asked_again_when_its_credentials_near_expiry() {
    let server =
        Server::start(vec![Reply::Respond(Response::success(ARN)), Reply::Respond(Response::success(ARN))]).await;
    let provider = Arc::new(Refreshing::default());
    let client = Client::new(config(&server.url()).credentials_provider(provider.clone()).build());
    client.transfer_certificate(input()).await.unwrap();
    client.transfer_certificate(input()).await.unwrap();
    assert_eq!(provider.calls.load(Ordering::SeqCst), 2);
    let keys: Vec<String> = server.requests().iter().map(|r| r.header("authorization").unwrap().to_owned()).collect();
    assert!(keys[0].contains("Credential=ASIAREFRESH0/") && keys[1].contains("Credential=ASIAREFRESH1/"), "{keys:?}");
}

#[tokio::test]
async fn a_failing_provider_is_a_credentials_error_and_sends_nothing() {
    let server = Server::start(vec![]).await;
    let provider = Arc::new(Refreshing { fail: true, ..Refreshing::default() });
    let client = Client::new(config(&server.url()).credentials_provider(provider).build());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Credentials);
    assert!(error.message().contains("identity pool unreachable"));
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn secrets_never_reach_debug_or_display() {
    let server = Server::start(vec![Reply::Respond(Response::error(406, "CertificateStateException", "ACTIVE"))]).await;
    let config = config(&server.url()).build();
    let client = Client::new(config.clone());
    let error = client.transfer_certificate(input()).await.unwrap_err();
    let printed = format!("{config:?} {client:?} {error:?} {error} {:?}", credentials());
    assert!(printed.contains("AKIDEXAMPLE"), "the access key id is an identifier and may show");
    assert!(!printed.contains(SECRET), "secret key leaked: {printed}");
    assert!(!printed.contains(TOKEN), "session token leaked: {printed}");
}
