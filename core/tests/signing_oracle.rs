//! Our SigV4 signer against `aws-sigv4`'s own HTTP signer (default settings) over thousands of
//! generated requests: odd paths, queries, repeated and padded headers, tokens, bodies.

use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use iot_transfer::signing::sign_request;
use iot_transfer::Credentials;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn text(&mut self, alphabet: &[&str], max: usize) -> String {
        (0..self.below(max + 1)).map(|_| self.pick(alphabet)).collect()
    }
}

const PATH_PIECES: &[&str] = &[
    "a",
    "B",
    "0",
    "-",
    "_",
    "~",
    ".",
    "..",
    "%20",
    "%2F",
    "%41",
    "%25",
    "%E1%88%B4",
    "+",
    "=",
    ":",
    "@",
    "!",
    "$",
    "'",
    "*",
    ",",
];
const QUERY_PIECES: &[&str] =
    &["a", "Z", "9", "-", "~", "+", "%20", "%2B", "%7e", "%E2%9C%93", "%", "=", ".", "*", "!", ":", "/", "@"];
const VALUE_PIECES: &[&str] = &["a", "Z", " ", "  ", "0", "-", ",", ";", "=", "\t", "\"", "/", ":", "(", ")"];
const HEADER_NAMES: &[&str] = &[
    "content-type",
    "x-amz-target",
    "x-custom",
    "x-custom",
    "accept",
    "user-agent",
    "x-amzn-trace-id",
    "host",
    "x-amz-user-agent",
    "content-md5",
];

fn random_request(rng: &mut Rng) -> http::Request<Vec<u8>> {
    let segments: Vec<String> = (0..rng.below(5)).map(|_| rng.text(PATH_PIECES, 4)).collect();
    let path = format!("/{}", segments.join("/"));
    let params: Vec<String> =
        (0..rng.below(4)).map(|_| format!("{}={}", rng.text(QUERY_PIECES, 3), rng.text(QUERY_PIECES, 3))).collect();
    let host = rng.pick(&["iot.us-east-1.amazonaws.com", "127.0.0.1:4566", "example.com:443", "localhost:80"]);
    let scheme = rng.pick(&["https", "http"]);
    let query = if params.is_empty() { String::new() } else { format!("?{}", params.join("&")) };
    let mut builder = http::Request::builder()
        .method(rng.pick(&["PATCH", "GET", "POST", "PUT", "DELETE"]))
        .uri(format!("{scheme}://{host}{path}{query}"));
    for _ in 0..rng.below(5) {
        let name = rng.pick(HEADER_NAMES);
        let value = if name == "host" { host.to_owned() } else { rng.text(VALUE_PIECES, 6) };
        builder = builder.header(name, value);
    }
    let body = rng.text(&["{", "}", "\"a\"", ":", "é", "\n", " "], 8).into_bytes();
    builder.body(body).expect("generated requests are valid")
}

fn sign_with_aws_sigv4(
    request: &http::Request<Vec<u8>>,
    credentials: &Credentials,
    region: &str,
    time: SystemTime,
) -> http::Request<Vec<u8>> {
    let identity = aws_credential_types::Credentials::new(
        credentials.access_key_id(),
        credentials.secret_access_key(),
        credentials.session_token().map(str::to_owned),
        None,
        "oracle",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("iot")
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers: Vec<(&str, &str)> = request.headers().iter().map(|(n, v)| (n.as_str(), v.to_str().unwrap())).collect();
    let uri = request.uri().to_string();
    let signable =
        SignableRequest::new(request.method().as_str(), uri, headers.into_iter(), SignableBody::Bytes(request.body()))
            .unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut signed = request.clone();
    instructions.apply_to_request_http1x(&mut signed);
    signed
}

#[test]
fn matches_aws_sigv4_on_generated_requests() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..5000 {
        let request = random_request(&mut rng);
        let token = if rng.below(2) == 0 { None } else { Some(format!("token/{}+=", rng.next())) };
        let credentials = Credentials::new("AKIDEXAMPLE", format!("secret{}", rng.next()), token, None);
        let region = rng.pick(&["us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1"]);
        let time = UNIX_EPOCH + Duration::from_secs(1_000_000_000 + rng.next() % 3_000_000_000);

        let expected = sign_with_aws_sigv4(&request, &credentials, region, time);
        let mut ours = request.clone();
        sign_request(&mut ours, &credentials, region, "iot", time).unwrap();
        for name in ["authorization", "x-amz-date", "x-amz-security-token"] {
            assert_eq!(
                ours.headers().get(name),
                expected.headers().get(name),
                "case {case}: {name} differs for {} {} {:?}",
                request.method(),
                request.uri(),
                request.headers()
            );
        }
    }
}
