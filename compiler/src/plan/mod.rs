//! Logical planning: AST → petgraph DAG of relational operators with schemas and types.
//!
//! Entry point: [`build_plan`]. The result is a [`LogicalPlan`] whose every node has its output
//! [`Schema`] and whose every expression is a resolved, typed [`expr::Expr`] (fields by position, casts
//! explicit, functions resolved to a [`builtins::Builtin`] or a declared [`udf::RustUdf`]).
//!
//! Architecture invariant: planning never panics and never stops at the first error; it reports every
//! error it can find, each with a span, and returns a plan only when there are none.
//!
//! Module map: [`types`] (Pig's type rules), [`schema`] (schemas, lookups, DESCRIBE format),
//! [`builtins`] (function and storage catalogue), [`udf`] (Rust UDF declarations), [`settings`]
//! (`SET pigc.*`), [`expr`] (typed expressions), [`logical`] (the graph and operators), `builder`
//! (AST → plan), [`display`] (text and Graphviz renderings).

mod builder;
pub mod builtins;
pub mod display;
pub mod expr;
pub mod logical;
pub mod schema;
pub mod settings;
pub mod types;
pub mod udf;

pub use builder::{build_plan, Planned};
pub use logical::{
    Edge, ForEach, GenerateItem, Group, JoinKind, JoinStrategy, LogicalOp, LogicalPlan, NestedKind,
    NestedOp, Node, NodeId, Port, SortKey, SplitCondition, StorageSpec,
};
pub use schema::{Field, Schema};
pub use types::Type;
