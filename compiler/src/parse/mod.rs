//! Parsing: pest grammar → AST with spans; parameter substitution; syntax diagnostics.

pub mod ast;
pub mod span;

pub use span::Span;
