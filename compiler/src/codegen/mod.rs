//! Code generation: physical plan → Rust tokens (quote) → syn::File → prettyplease.
