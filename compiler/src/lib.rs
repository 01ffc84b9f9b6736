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

/// The stack the `pigc` binary and [`Config::compile_scripts`] run the passes on: expressions nest
/// as deep as [`parse::MAX_OPERATORS`], and every pass walks them recursively.
pub const STACK_SIZE: usize = 256 * 1024 * 1024;

/// Runs `f` on a thread with [`STACK_SIZE`] bytes of stack and returns its result (`None` if the
/// thread could not start or `f` panicked).
pub fn with_large_stack<T: Send>(f: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("pigc".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(scope, f)
            .ok()?
            .join()
            .ok()
    })
}
