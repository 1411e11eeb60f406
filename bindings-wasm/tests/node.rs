//! The wasm exports, tested in Node.

#![cfg(target_arch = "wasm32")]

mod common;
