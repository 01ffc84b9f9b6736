//! Rule-based optimizer: one rule per file behind the `Rule` trait, run to a fixpoint.

pub mod exprs;
