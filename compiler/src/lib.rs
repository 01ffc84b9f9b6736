//! pigc: compiles Pig Latin dataflow scripts into standalone Rust crates.
//!
//! The folders are the passes and data flows one way:
//! [`parse`] → [`plan`] → [`optimize`] → [`physical`] → [`codegen`].
//! See `ARCHITECTURE.md` at the repository root for where to start reading.

pub mod codegen;
pub mod config;
pub mod diagnostics;
pub mod optimize;
pub mod parse;
pub mod physical;
pub mod plan;

pub use config::{compile_scripts, Config};
