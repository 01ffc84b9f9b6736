//! The logical plan: a petgraph DAG of relational operators. Every node knows its output schema, every
//! edge carries the schema of its source and says which input of its target it feeds.

use super::builtins::StorageFunc;
use super::expr::Expr;
use super::schema::Schema;
use super::settings::Settings;
use super::udf::RustUdf;
use crate::parse::Span;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// A node of the logical plan.
pub type NodeId = NodeIndex<u32>;

/// A logical plan: the operators of one script, with every relation that several operators use shared
/// (a DAG, not a tree), and one sink per STORE/DUMP.
#[derive(Debug, Clone, Default)]
pub struct LogicalPlan {
    /// The operators and the data flowing between them.
    pub graph: StableDiGraph<Node, Edge>,
    /// Typed `SET` values that later passes use (`pigc.event_time`, `pigc.retention`, …).
    pub settings: Settings,
    /// Rust UDFs declared with `DEFINE f rust('path', 'signature')`; [`super::expr::Func::Rust`]
    /// indexes this list.
    pub udfs: Vec<RustUdf>,
    /// What each `DESCRIBE` in the script prints, in script order.
    pub describes: Vec<String>,
}

/// An operator with its output schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The operator.
    pub op: LogicalOp,
    /// The schema of the relation it produces (for sinks, the schema of what they write).
    pub schema: Schema,
    /// The alias the script gave the relation, if any.
    pub alias: Option<String>,
    /// The statement or operator it comes from.
    pub span: Span,
}

/// An edge from an operator to one of its users.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Which input of the target this edge feeds.
    pub port: Port,
    /// The schema of the data on the edge (the source node's schema).
    pub schema: Schema,
}

/// How a target uses an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Port {
    /// The n-th relational input (0 for single-input operators; JOIN/COGROUP/UNION/CROSS inputs in
    /// script order).
    Input(usize),
    /// A relation read as a scalar by some expression of the target ([`super::expr::ExprKind::Scalar`]).
    Scalar,
}

/// A load or store function with its constructor arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageSpec {
    /// The function.
    pub func: StorageFunc,
    /// Its constructor arguments, unescaped (`PigStorage(',')` → `[","]`).
    pub args: Vec<String>,
}

/// A sort key.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    /// The key.
    pub expr: Expr,
    /// Descending order.
    pub descending: bool,
}

/// Join kinds.
pub use crate::parse::ast::JoinKind;

/// The execution strategy a JOIN asks for with `USING '…'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JoinStrategy {
    /// Default hash join.
    Hash,
    /// `'replicated'`: every input but the first is small and loaded as a lookup table.
    Replicated,
    /// `'skewed'`.
    Skewed,
    /// `'merge'`: inputs already sorted on the key.
    Merge,
    /// `'merge-sparse'`.
    MergeSparse,
    /// `'bloom'`: a hash join whose other inputs are pre-filtered by a Bloom filter of the first.
    Bloom,
}

/// The relational operators.
#[derive(Debug, Clone, PartialEq)]
pub enum LogicalOp {
    /// `LOAD 'location' USING func AS schema`.
    Load {
        /// The location string as written (a path or, in stream mode, a topic binding).
        location: String,
        /// The load function.
        storage: StorageSpec,
        /// Whether the script declared the schema with AS (the loader then casts fields to it).
        declared_schema: bool,
    },
    /// Keeps the rows for which the predicate is true.
    Filter {
        /// A boolean expression over the input row.
        predicate: Expr,
    },
    /// `FOREACH … GENERATE`, with the nested block if any.
    ForEach(ForEach),
    /// GROUP / COGROUP: output `(group, bag of input 0, bag of input 1, …)`.
    Group(Group),
    /// JOIN: the concatenation of matching rows (fields named `alias::field`).
    Join {
        /// Per input, its key expressions (same count and types across inputs).
        keys: Vec<Vec<Expr>>,
        /// Inner or outer.
        kind: JoinKind,
        /// Strategy hint.
        strategy: JoinStrategy,
    },
    /// CROSS: every combination of the inputs' rows.
    Cross,
    /// Removes duplicate rows.
    Distinct,
    /// Concatenates its inputs.
    Union {
        /// For UNION ONSCHEMA: per input, for every output field, the input field it comes from
        /// (`None`: null). Plain UNION: `None` (inputs have the same width).
        mapping: Option<Vec<Vec<Option<usize>>>>,
    },
    /// The identity operator feeding the branches of a SPLIT.
    Split,
    /// One branch of a SPLIT.
    SplitOutput {
        /// The branch condition.
        condition: SplitCondition,
    },
    /// Keeps each row with the given probability (a double between 0 and 1).
    Sample {
        /// The fraction.
        fraction: Expr,
    },
    /// Total order on the keys (nulls first ascending, as Pig).
    Order {
        /// Sort keys, most significant first.
        keys: Vec<SortKey>,
    },
    /// The first `count` rows (of the order, when the input is ordered).
    Limit {
        /// A long expression (a constant or a scalar).
        count: Expr,
    },
    /// RANK: prepends a `rank_<alias>` long field.
    Rank {
        /// Rank by these keys; empty: the row number in input order.
        keys: Vec<SortKey>,
        /// DENSE ranking.
        dense: bool,
    },
    /// CUBE/ROLLUP: groups the input by every grouping set of the dimensions. Output
    /// `(group: tuple(dimensions…), cube: bag)`; a rolled-up dimension is null in the group tuple (Pig
    /// prints it as null). As in Pig (a FOREACH generating `FLATTEN(CubeDimensions(…))` and the other
    /// columns, then a GROUP), each bag tuple is the group's dimension values followed by the input
    /// columns [`cube_pushed_columns`] names.
    Cube {
        /// The dimension expressions, in output order.
        dimensions: Vec<Expr>,
        /// The grouping sets: for each, which dimensions are kept (the others are rolled up).
        sets: Vec<Vec<bool>>,
    },
    /// ASSERT: passes rows through, and fails the job on a row where the condition is not true.
    Assert {
        /// The condition.
        predicate: Expr,
        /// The message to fail with.
        message: Option<String>,
    },
    /// STORE: writes its input.
    Store {
        /// The location string as written.
        location: String,
        /// The store function.
        storage: StorageSpec,
    },
    /// DUMP: prints its input to standard output.
    Dump,
}

/// The input columns a CUBE's bag tuples carry after its dimensions, in input order: every column that
/// is not itself a dimension (Pig pushes down the columns whose alias no dimension projects).
pub fn cube_pushed_columns(dimensions: &[Expr], input_width: usize) -> Vec<usize> {
    (0..input_width)
        .filter(|c| {
            !dimensions.iter().any(
                |d| matches!(d.kind, super::expr::ExprKind::Column { index, .. } if index == *c),
            )
        })
        .collect()
}

/// The condition of a SPLIT branch.
#[derive(Debug, Clone, PartialEq)]
pub enum SplitCondition {
    /// `alias IF condition`.
    If(Expr),
    /// `alias OTHERWISE`: rows for which none of the listed conditions (the other branches') is true,
    /// i.e. Pig's `NOT (c1 OR c2 …)`.
    Otherwise(Vec<Expr>),
}

/// A FOREACH operator.
#[derive(Debug, Clone, PartialEq)]
pub struct ForEach {
    /// The nested block's operators, in order (empty for the plain `GENERATE` form).
    pub nested: Vec<NestedOp>,
    /// The GENERATE items.
    pub generate: Vec<GenerateItem>,
}

/// One GENERATE item.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateItem {
    /// The value, over the input row (and the nested aliases).
    pub expr: Expr,
    /// FLATTEN: a bag gives one output row per tuple, a tuple its fields.
    pub flatten: bool,
    /// The output fields this item contributes (one unless flattened).
    pub fields: Vec<super::schema::Field>,
}

/// An operator of a nested FOREACH block: `alias = op;`.
#[derive(Debug, Clone, PartialEq)]
pub struct NestedOp {
    /// The inner alias.
    pub alias: String,
    /// The operator.
    pub kind: NestedKind,
    /// The result type (a bag for the relational forms).
    pub ty: super::types::Type,
    /// Where it is in the script.
    pub span: Span,
}

/// Nested FOREACH operators. `input` expressions are evaluated on the outer row (they are a bag field,
/// a projection of one, or an earlier inner alias); predicates and keys on the bag's tuples.
#[derive(Debug, Clone, PartialEq)]
pub enum NestedKind {
    /// Keeps the tuples for which `predicate` is true.
    Filter {
        /// The bag.
        input: Expr,
        /// Condition over a tuple of it.
        predicate: Expr,
    },
    /// Sorts the bag.
    Order {
        /// The bag.
        input: Expr,
        /// Keys over a tuple of it.
        keys: Vec<SortKey>,
    },
    /// The first `count` tuples.
    Limit {
        /// The bag.
        input: Expr,
        /// A long expression over the outer row.
        count: Expr,
    },
    /// Removes duplicate tuples.
    Distinct {
        /// The bag.
        input: Expr,
    },
    /// Cross product of bags.
    Cross {
        /// The bags.
        inputs: Vec<Expr>,
    },
    /// A projection/computation over each tuple.
    ForEach {
        /// The bag.
        input: Expr,
        /// Items over a tuple of it.
        generate: Vec<GenerateItem>,
    },
    /// `x = expr;` over the outer row.
    Expr(Expr),
}

/// A GROUP/COGROUP operator.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Per input, its key expressions (empty for GROUP ALL). With several expressions the `group`
    /// field is a tuple of them.
    pub keys: Vec<Vec<Expr>>,
    /// `GROUP … ALL`: a single group whose key is the chararray `all`.
    pub all: bool,
    /// Per input, whether it is INNER (groups where this input's bag is empty are dropped).
    pub inner: Vec<bool>,
    /// `USING 'collected'|'merge'` as written.
    pub strategy: Option<String>,
}

impl LogicalPlan {
    /// An empty plan.
    pub fn new() -> LogicalPlan {
        LogicalPlan::default()
    }

    /// Adds a node fed by `inputs` (in port order).
    pub fn add_node(&mut self, node: Node, inputs: &[NodeId]) -> NodeId {
        let id = self.graph.add_node(node);
        for (i, &input) in inputs.iter().enumerate() {
            self.connect(input, id, Port::Input(i));
        }
        id
    }

    /// Adds an edge from `from` to `to`, carrying `from`'s schema. Scalar edges are added once.
    pub fn connect(&mut self, from: NodeId, to: NodeId, port: Port) {
        if port == Port::Scalar
            && self
                .graph
                .edges_connecting(from, to)
                .any(|e| e.weight().port == Port::Scalar)
        {
            return;
        }
        let schema = self.graph[from].schema.clone();
        self.graph.add_edge(from, to, Edge { port, schema });
    }

    /// Sets every edge's schema to its source node's schema (call after a rewrite changed nodes).
    pub fn sync_edge_schemas(&mut self) {
        let edges: Vec<_> = self.graph.edge_indices().collect();
        for e in edges {
            if let Some((source, _)) = self.graph.edge_endpoints(e) {
                let schema = self.graph[source].schema.clone();
                self.graph[e].schema = schema;
            }
        }
    }

    /// The node with this id.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.graph[id]
    }

    /// The relational inputs of a node, in port order.
    pub fn inputs(&self, id: NodeId) -> Vec<NodeId> {
        let mut inputs: Vec<(usize, NodeId)> = self
            .graph
            .edges_directed(id, Direction::Incoming)
            .filter_map(|e| match e.weight().port {
                Port::Input(i) => Some((i, e.source())),
                Port::Scalar => None,
            })
            .collect();
        inputs.sort_by_key(|(i, _)| *i);
        inputs.into_iter().map(|(_, n)| n).collect()
    }

    /// The relations a node reads as scalars.
    pub fn scalar_inputs(&self, id: NodeId) -> Vec<NodeId> {
        let mut v: Vec<NodeId> = self
            .graph
            .edges_directed(id, Direction::Incoming)
            .filter(|e| e.weight().port == Port::Scalar)
            .map(|e| e.source())
            .collect();
        v.sort();
        v
    }

    /// The nodes that use this node's output (relational or scalar), sorted by id.
    pub fn users(&self, id: NodeId) -> Vec<NodeId> {
        let mut v: Vec<NodeId> = self
            .graph
            .neighbors_directed(id, Direction::Outgoing)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// The sinks (STORE and DUMP), in script order.
    pub fn sinks(&self) -> Vec<NodeId> {
        let mut v: Vec<NodeId> = self
            .graph
            .node_indices()
            .filter(|&n| matches!(self.graph[n].op, LogicalOp::Store { .. } | LogicalOp::Dump))
            .collect();
        v.sort();
        v
    }

    /// Every node in a topological order (inputs before users; ties broken by id, so the order is
    /// deterministic).
    pub fn topo_order(&self) -> Vec<NodeId> {
        let mut indegree: std::collections::BTreeMap<NodeId, usize> = self
            .graph
            .node_indices()
            .map(|n| (n, self.graph.edges_directed(n, Direction::Incoming).count()))
            .collect();
        let mut ready: std::collections::BTreeSet<NodeId> = indegree
            .iter()
            .filter(|(_, d)| **d == 0)
            .map(|(n, _)| *n)
            .collect();
        let mut order = Vec::with_capacity(indegree.len());
        while let Some(n) = ready.pop_first() {
            order.push(n);
            for e in self.graph.edges_directed(n, Direction::Outgoing) {
                if let Some(d) = indegree.get_mut(&e.target()) {
                    *d -= 1;
                    if *d == 0 {
                        ready.insert(e.target());
                    }
                }
            }
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::schema::Field;
    use crate::plan::types::Type;

    fn node(op: LogicalOp, alias: &str) -> Node {
        Node {
            op,
            schema: Schema::new(vec![Field::named("x", Type::Int)]),
            alias: Some(alias.to_string()),
            span: Span::default(),
        }
    }

    fn load(alias: &str) -> Node {
        node(
            LogicalOp::Load {
                location: alias.to_string(),
                storage: StorageSpec {
                    func: crate::plan::builtins::StorageFunc::PigStorage,
                    args: Vec::new(),
                },
                declared_schema: true,
            },
            alias,
        )
    }

    #[test]
    fn graph_queries() {
        let mut plan = LogicalPlan::new();
        let b = plan.add_node(load("b"), &[]);
        let a = plan.add_node(load("a"), &[]);
        let cross = plan.add_node(node(LogicalOp::Cross, "c"), &[a, b]);
        let distinct = plan.add_node(node(LogicalOp::Distinct, "d"), &[a]);
        plan.connect(b, distinct, Port::Scalar);
        plan.connect(b, distinct, Port::Scalar);
        let store = plan.add_node(node(LogicalOp::Dump, "s"), &[cross]);
        assert_eq!(plan.inputs(cross), vec![a, b], "inputs in port order");
        assert_eq!(
            plan.scalar_inputs(distinct),
            vec![b],
            "scalar edge added once"
        );
        assert_eq!(plan.users(a), vec![cross, distinct]);
        assert_eq!(plan.sinks(), vec![store]);
        let order = plan.topo_order();
        assert_eq!(order.len(), 5);
        let pos = |n| order.iter().position(|&x| x == n);
        assert!(pos(a) < pos(cross) && pos(b) < pos(cross) && pos(b) < pos(distinct));
        assert!(pos(cross) < pos(store));
        plan.graph[a].schema = Schema::unknown();
        plan.sync_edge_schemas();
        let edge = plan
            .graph
            .find_edge(a, cross)
            .map(|e| plan.graph[e].schema.clone());
        assert_eq!(edge, Some(Schema::unknown()));
    }
}
