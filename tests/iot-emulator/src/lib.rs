//! A local AWS IoT control-plane endpoint for certificate transfers, for tests and the demo.
//!
//! It speaks IoT's restJson1 wire format, so the official SDKs (boto3, `@aws-sdk/client-iot`)
//! work against it unmodified; verifies SigV4 signatures for several configured accounts; keeps
//! certificates and policies in memory (optionally in a state file); injects faults on demand;
//! limits each account's request rate; logs every call and what became of it; and stands in for
//! the services the SDKs' credential chains call (STS, SSO, IMDS, container credentials). See
//! README.md for flags, accounts, the admin endpoint, fault injection, the rate limit and the
//! call log.

pub mod accounts;
pub mod admin;
pub mod app;
pub mod auth;
pub mod bulk;
pub mod call_log;
pub mod certgen;
pub mod cli;
pub mod clock;
pub mod config;
pub mod cors;
pub mod credentials;
pub mod demo;
pub mod error;
pub mod faults;
pub mod handler;
pub mod ids;
pub mod ops;
pub mod persistence;
pub mod rate_limit;
pub mod server;
pub mod store;
pub mod wire;

pub use config::Config;
pub use server::Emulator;
