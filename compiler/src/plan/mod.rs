//! Logical planning: AST → petgraph DAG of relational operators with schemas and types.
//!
//! Entry point: [`build_plan`]. The result is a [`LogicalPlan`] whose every node has its output
//! [`Schema`] and whose every expression is a resolved, typed [`expr::Expr`] (fields by position, casts
//! explicit, functions resolved to a [`builtins::Builtin`] or a declared [`udf::RustUdf`]).
//!
//! # Reading a plan (for the optimizer, physical planner and code generator)
//! - [`LogicalPlan::topo_order`] lists nodes inputs-first (deterministic); [`LogicalPlan::inputs`]
//!   gives a node's relational inputs in port order, [`LogicalPlan::scalar_inputs`] the one-row
//!   relations its expressions read ([`expr::ExprKind::Scalar`]); [`LogicalPlan::sinks`] the
//!   STORE/DUMP nodes. Every node's output schema is [`Node::schema`]; edges repeat it
//!   ([`LogicalPlan::sync_edge_schemas`] after a rewrite).
//! - [`expr::ExprKind::Column`] is a position in *the row being evaluated*: the single input's row for
//!   Filter/ForEach/Order/Rank/Assert/SplitOutput; for JOIN and GROUP/COGROUP, `keys[i]` is
//!   evaluated on input `i`'s row; inside a nested FOREACH operator, on a tuple of its input bag.
//!   [`expr::ExprKind::Row`] is the whole row (`*` over an unknown schema).
//! - GROUP output is `(group, bag of input 0, bag of input 1, …)`; `group` is the key, a tuple of
//!   the keys when there are several, the chararray `all` for GROUP ALL. JOIN/CROSS output is the
//!   concatenation of the inputs' rows. RANK prepends a long; CUBE outputs `(group tuple, cube bag)`.
//! - Casts are explicit and operand types agree, so an expression maps to Rust one node at a time;
//!   [`expr::Expr::nullable`] and [`schema::Field::nullable`] say where `Option` is needed.
//! - Typed settings (`pigc.event_time`, `pigc.retention`, `pigc.emit_interval`, `pigc.unique`) are in
//!   [`LogicalPlan::settings`], resolved to node and field.
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
mod foreach;
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
