//! A request-rate quota per account, like an AWS account's API rate limit: a token bucket
//! refilled continuously at `requestsPerSecond`, holding `burst` calls. An IoT call over it is
//! answered `ThrottlingException` and not run. Admin and credential-service requests, and calls
//! that are unsigned or whose signature does not verify, are not counted.

pub mod bucket;
pub mod limiter;
pub mod settings;

pub use limiter::RateLimiter;
pub use settings::RateLimit;
