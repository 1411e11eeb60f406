//! The client settings every binding offers, declared once: each setting's name, kind, doc, its
//! name in the faces that do not spell it as the declaration does, and the environment variables
//! the AWS SDKs read it from.

/// Calls `$callback!` with every client setting, in order:
/// `/// doc` `name: Kind { python: "...", js: "..."?, env: ["VAR", ...]?, needs: FEATURE? },`.
///
/// - `Kind` is one of [`kinds`](crate::settings::kinds): `Text`, `Flag`, `Attempts`, `Millis`
///   (a duration, carried in milliseconds and signed so a negative one reaches the core's
///   rule) or `Mode` (the retry mode). The core checks each kind's rule
///   ([`ClientSettings::check`](crate::settings::ClientSettings::check)).
/// - `python` is the boto3 keyword argument (durations in seconds there); `js` the JS SDK's member
///   (`a.b` for a member of a nested object; none for a setting the npm package does not offer);
///   `env` the variables read, first set wins, where the host's environment is all there is
///   (Node). Natively `aws-config` reads the environment and the shared files.
/// - `needs` names the [`BuildFeature`](crate::settings::BuildFeature) without which the setting
///   cannot be honoured: setting it in a build without that feature is a `Configuration` error
///   naming the feature ([`ClientSettings::check`](crate::settings::ClientSettings::check)).
/// - Kotlin names a duration without its unit (`connectTimeout: Duration`); Swift and the
///   uniffi record use the declared name.
///
/// Every setting is optional: unset, it comes from the environment and the shared files, else
/// from the SDKs' defaults, which each doc states.
#[macro_export]
macro_rules! for_each_setting {
    ($callback:ident) => {
        $callback! {
            /// The AWS region, such as `eu-west-1`. Unset: `AWS_REGION`, the profile's `region`, then
            /// the EC2 instance metadata service.
            region: Text { python: "region_name", js: "region", env: ["AWS_REGION"] },
            /// The shared-config profile to read (natively, in builds with the shared configuration:
            /// not the mobile library). Unset: `AWS_PROFILE`, else `default`.
            profile: Text { python: "profile_name", needs: SHARED_CONFIG },
            /// A custom endpoint URL (`https://...`, or `http://` on loopback). Unset:
            /// `AWS_ENDPOINT_URL_IOT`, `AWS_ENDPOINT_URL`, or the profile's `endpoint_url`.
            endpoint_url: Text {
                python: "endpoint_url", js: "endpoint", env: ["AWS_ENDPOINT_URL_IOT", "AWS_ENDPOINT_URL"]
            },
            /// Use the FIPS endpoint. Unset: `AWS_USE_FIPS_ENDPOINT` or the profile's
            /// `use_fips_endpoint`, else no.
            use_fips: Flag { python: "use_fips_endpoint", js: "useFipsEndpoint", env: ["AWS_USE_FIPS_ENDPOINT"] },
            /// Use the dual-stack endpoint. Unset: `AWS_USE_DUALSTACK_ENDPOINT` or the profile's
            /// `use_dualstack_endpoint`, else no.
            use_dual_stack: Flag {
                python: "use_dualstack_endpoint", js: "useDualstackEndpoint", env: ["AWS_USE_DUALSTACK_ENDPOINT"]
            },
            /// Attempts per call, the first included. Unset: `AWS_MAX_ATTEMPTS` or the profile's
            /// `max_attempts`, else 3.
            max_attempts: Attempts { python: "max_attempts", js: "maxAttempts", env: ["AWS_MAX_ATTEMPTS"] },
            /// Standard or adaptive retries (adaptive adds a client-side rate limiter once the
            /// service throttles). Unset: `AWS_RETRY_MODE` or the profile's `retry_mode`, else
            /// standard.
            retry_mode: Mode { python: "retry_mode", js: "retryMode", env: ["AWS_RETRY_MODE"] },
            /// The backoff base of failures other than throttling: the delay before retry i is
            /// random(0,1) * min(base * 2^(i-1), 20 s). Unset: 50 ms, and 1 s for throttling
            /// errors, as the current SDKs.
            retry_base_delay_ms: Millis { python: "retry_base_delay", js: "retryBaseDelay" },
            /// Whether retries draw on the client's retry quota. Unset: yes.
            use_retry_quota: Flag { python: "use_retry_quota", js: "useRetryQuota" },
            /// Establishing a connection, natively (the JavaScript transports have none: there the
            /// attempt timeout bounds the whole exchange). Unset: 3.1 s.
            connect_timeout_ms: Millis { python: "connect_timeout", js: "timeouts.connect" },
            /// One attempt, from sending to the end of the response. Unset: none.
            attempt_timeout_ms: Millis { python: "attempt_timeout", js: "timeouts.attempt" },
            /// The whole call, retries and backoff included. Unset: none.
            call_timeout_ms: Millis { python: "call_timeout", js: "timeouts.call" },
            /// Appended to the user agent, such as `app/my-console`. Unset: `AWS_SDK_UA_APP_ID` or
            /// the profile's `sdk_ua_app_id` (natively).
            app_name: Text { python: "user_agent_appid", js: "appName" },
        }
    };
}
