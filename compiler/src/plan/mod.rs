//! Logical planning: AST → petgraph DAG of relational operators with schemas and types.
