//! The wasm exports, tested in Node.

mod common;
