//! Parsing: pest grammar → AST with spans; parameter substitution; syntax diagnostics.
