//! Renderings of a logical plan: indented text (the `Display` impl, used by `pigc explain` and the
//! snapshots) and Graphviz dot (`pigc explain --dot`).
//!
//! The text form prints one tree per sink (STORE/DUMP), inputs indented under their users; a node
//! shared by several users is printed in full once and referred to as `-> #id` afterwards.

use super::expr::Expr;
use super::logical::{
    ForEach, GenerateItem, LogicalOp, LogicalPlan, NestedKind, NestedOp, Node, NodeId, Port,
    SortKey, SplitCondition,
};
use petgraph::dot::{Config, Dot};
use std::collections::HashSet;
use std::fmt::{self, Write as _};

impl LogicalOp {
    /// The operator's name (`Load`, `ForEach`, …).
    pub fn name(&self) -> &'static str {
        match self {
            LogicalOp::Load { .. } => "Load",
            LogicalOp::Filter { .. } => "Filter",
            LogicalOp::ForEach(_) => "ForEach",
            LogicalOp::Group(g) if g.keys.len() > 1 => "CoGroup",
            LogicalOp::Group(_) => "Group",
            LogicalOp::Join { .. } => "Join",
            LogicalOp::Cross => "Cross",
            LogicalOp::Distinct => "Distinct",
            LogicalOp::Union { .. } => "Union",
            LogicalOp::Split => "Split",
            LogicalOp::SplitOutput { .. } => "SplitOutput",
            LogicalOp::Sample { .. } => "Sample",
            LogicalOp::Order { .. } => "Order",
            LogicalOp::Limit { .. } => "Limit",
            LogicalOp::Rank { .. } => "Rank",
            LogicalOp::Cube { .. } => "Cube",
            LogicalOp::Assert { .. } => "Assert",
            LogicalOp::Store { .. } => "Store",
            LogicalOp::Dump => "Dump",
        }
    }

    /// One-line description of the operator's arguments (may be empty).
    fn summary(&self) -> String {
        match self {
            LogicalOp::Load {
                location, storage, ..
            }
            | LogicalOp::Store {
                location, storage, ..
            } => format!(
                "{location:?} using {}({})",
                storage.func,
                quoted(&storage.args)
            ),
            LogicalOp::Filter { predicate } => format!("by {predicate}"),
            LogicalOp::ForEach(_)
            | LogicalOp::Cross
            | LogicalOp::Distinct
            | LogicalOp::Split
            | LogicalOp::Dump => String::new(),
            LogicalOp::Group(g) => {
                let mut s = if g.all {
                    "all".to_string()
                } else {
                    let keys: Vec<String> =
                        g.keys.iter().map(|k| format!("by ({})", list(k))).collect();
                    keys.join(", ")
                };
                let inner: Vec<String> = g
                    .inner
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| **i)
                    .map(|(n, _)| format!("input {n}"))
                    .collect();
                if !inner.is_empty() {
                    let _ = write!(s, " inner: {}", inner.join(", "));
                }
                if let Some(st) = &g.strategy {
                    let _ = write!(s, " using '{st}'");
                }
                s
            }
            LogicalOp::Join {
                keys,
                kind,
                strategy,
            } => {
                let keys: Vec<String> = keys.iter().map(|k| format!("({})", list(k))).collect();
                format!("{kind:?} {strategy:?} on {}", keys.join(" = "))
            }
            LogicalOp::Union { mapping: None } => String::new(),
            LogicalOp::Union { mapping: Some(m) } => {
                let inputs: Vec<String> = m
                    .iter()
                    .map(|cols| {
                        let c: Vec<String> = cols
                            .iter()
                            .map(|c| c.map_or("null".to_string(), |i| format!("${i}")))
                            .collect();
                        format!("({})", c.join(", "))
                    })
                    .collect();
                format!("onschema {}", inputs.join(" "))
            }
            LogicalOp::SplitOutput {
                condition: SplitCondition::If(c),
            } => format!("if {c}"),
            LogicalOp::SplitOutput {
                condition: SplitCondition::Otherwise(cs),
            } => format!("otherwise (not any of: {})", list(cs)),
            LogicalOp::Sample { fraction } => format!("{fraction}"),
            LogicalOp::Order { keys } => format!("by {}", sort_keys(keys)),
            LogicalOp::Limit { count } => format!("{count}"),
            LogicalOp::Rank { keys, dense } => {
                let mut s = if keys.is_empty() {
                    "row number".to_string()
                } else {
                    format!("by {}", sort_keys(keys))
                };
                if *dense {
                    s.push_str(" dense");
                }
                s
            }
            LogicalOp::Cube { dimensions, sets } => {
                let sets: Vec<String> = sets
                    .iter()
                    .map(|s| {
                        let d: Vec<&str> = s.iter().map(|k| if *k { "x" } else { "_" }).collect();
                        d.join("")
                    })
                    .collect();
                format!("by ({}) sets [{}]", list(dimensions), sets.join(" "))
            }
            LogicalOp::Assert { predicate, message } => match message {
                Some(m) => format!("by {predicate}, {m:?}"),
                None => format!("by {predicate}"),
            },
        }
    }

    /// Further lines (nested blocks, GENERATE items: all on one line, or one per line for the dot
    /// pictures).
    fn details(&self, item_per_line: bool) -> Vec<String> {
        match self {
            LogicalOp::ForEach(ForEach { nested, generate }) => {
                let mut lines: Vec<String> = nested.iter().map(nested_line).collect();
                if item_per_line {
                    lines.push("generate".to_string());
                    lines.extend(generate.iter().map(|i| format!("    {}", item(i))));
                } else {
                    lines.push(format!("generate {}", items(generate)));
                }
                lines
            }
            _ => Vec::new(),
        }
    }
}

fn quoted(args: &[String]) -> String {
    args.iter()
        .map(|a| format!("{a:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(exprs: &[Expr]) -> String {
    exprs
        .iter()
        .map(Expr::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn sort_keys(keys: &[SortKey]) -> String {
    keys.iter()
        .map(|k| format!("{}{}", k.expr, if k.descending { " desc" } else { "" }))
        .collect::<Vec<_>>()
        .join(", ")
}

fn item(i: &GenerateItem) -> String {
    let e = if i.flatten {
        format!("flatten({})", i.expr)
    } else {
        i.expr.to_string()
    };
    let fields: Vec<String> = i.fields.iter().map(|f| f.to_string()).collect();
    format!("{e} as ({})", fields.join(","))
}

fn items(items: &[GenerateItem]) -> String {
    items.iter().map(item).collect::<Vec<_>>().join(", ")
}

fn nested_line(n: &NestedOp) -> String {
    let body = match &n.kind {
        NestedKind::Filter { input, predicate } => format!("filter {input} by {predicate}"),
        NestedKind::Order { input, keys } => format!("order {input} by {}", sort_keys(keys)),
        NestedKind::Limit { input, count } => format!("limit {input} {count}"),
        NestedKind::Distinct { input } => format!("distinct {input}"),
        NestedKind::Cross { inputs } => format!("cross {}", list(inputs)),
        NestedKind::ForEach { input, generate } => {
            format!("foreach {input} generate {}", items(generate))
        }
        NestedKind::Expr(e) => e.to_string(),
    };
    format!("{} = {body} -- {}", n.alias, n.ty)
}

impl Node {
    fn header(&self, id: NodeId) -> String {
        let mut s = format!("{} #{}", self.op.name(), id.index());
        if let Some(a) = &self.alias {
            let _ = write!(s, " {a}");
        }
        let summary = self.op.summary();
        if !summary.is_empty() {
            let _ = write!(s, ": {summary}");
        }
        let _ = write!(s, "  (line {})", self.span.line);
        s
    }

    fn schema_line(&self) -> String {
        match &self.alias {
            Some(a) => self.schema.describe(a),
            None if self.schema.is_unknown() => "unknown".to_string(),
            None => self.schema.to_string(),
        }
    }
}

impl LogicalPlan {
    fn write_tree(&self, out: &mut String, id: NodeId, depth: usize, seen: &mut HashSet<NodeId>) {
        let pad = "    ".repeat(depth);
        let node = self.node(id);
        if !seen.insert(id) {
            let alias = node
                .alias
                .as_deref()
                .map(|a| format!(" {a}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad}-> {} #{}{alias} (shown above)",
                node.op.name(),
                id.index()
            );
            return;
        }
        let _ = writeln!(out, "{pad}{}", node.header(id));
        for d in node.op.details(false) {
            let _ = writeln!(out, "{pad}  | {d}");
        }
        let scalars = self.scalar_inputs(id);
        if !scalars.is_empty() {
            let s: Vec<String> = scalars.iter().map(|n| format!("#{}", n.index())).collect();
            let _ = writeln!(out, "{pad}  | scalars from {}", s.join(", "));
        }
        let _ = writeln!(out, "{pad}  | schema {}", node.schema_line());
        for input in self.inputs(id).into_iter().chain(scalars) {
            self.write_tree(out, input, depth + 1, seen);
        }
    }

    /// The plan as Graphviz dot: one box per operator (shape and colour by kind) labelled with its
    /// summary and schema; scalar edges dashed.
    pub fn to_dot(&self) -> String {
        let graph = self.graph.map(
            |id, node| {
                let mut label = node.header(id);
                for d in node.op.details(true) {
                    label.push('\n');
                    label.push_str(&d);
                }
                label.push('\n');
                label.push_str(&node.schema_line());
                label
            },
            |_, edge| match edge.port {
                Port::Input(i) => i.to_string(),
                Port::Scalar => "scalar".to_string(),
            },
        );
        let edge_attrs = |_, e: petgraph::stable_graph::EdgeReference<'_, String>| {
            if e.weight() == "scalar" {
                "style=dashed, color=gray40, label=\"scalar\"".to_string()
            } else {
                format!("label=\"{}\"", e.weight())
            }
        };
        let node_attrs = |_, (id, label): (NodeId, &String)| {
            let (shape, color) = style(&self.node(id).op);
            format!(
                    "label=\"{}\", shape={shape}, style=filled, fillcolor=\"{color}\", fontname=\"Helvetica\"",
                    escape_dot(label)
                )
        };
        let config = [
            Config::EdgeNoLabel,
            Config::NodeNoLabel,
            Config::GraphContentOnly,
        ];
        let dot = Dot::with_attr_getters(&graph, &config, &edge_attrs, &node_attrs);
        format!("digraph plan {{\n    rankdir=TB;\n    node [fontsize=10];\n{dot}}}\n")
    }
}

/// Shape and fill colour per operator family.
fn style(op: &LogicalOp) -> (&'static str, &'static str) {
    match op {
        LogicalOp::Load { .. } => ("cylinder", "#cfe8ff"),
        LogicalOp::Store { .. } | LogicalOp::Dump => ("cylinder", "#d7f5d0"),
        LogicalOp::Filter { .. } | LogicalOp::SplitOutput { .. } | LogicalOp::Assert { .. } => {
            ("invtrapezium", "#fff2c2")
        }
        LogicalOp::ForEach(_) => ("box", "#ffffff"),
        LogicalOp::Group(_) | LogicalOp::Cube { .. } => ("hexagon", "#ffd9b3"),
        LogicalOp::Join { .. } | LogicalOp::Cross => ("diamond", "#f3d1f4"),
        LogicalOp::Union { .. } | LogicalOp::Split => ("trapezium", "#e6e6e6"),
        LogicalOp::Distinct
        | LogicalOp::Order { .. }
        | LogicalOp::Limit { .. }
        | LogicalOp::Rank { .. } => ("box", "#e0f0e8"),
        LogicalOp::Sample { .. } => ("box", "#f0e0e0"),
    }
}

fn escape_dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\l"),
            _ => out.push(c),
        }
    }
    out.push_str("\\l");
    out
}

impl fmt::Display for LogicalPlan {
    /// The indented text plan: settings, then one tree per sink.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let s = &self.settings;
        if let Some(e) = &s.event_time {
            let _ = writeln!(
                out,
                "set pigc.event_time = {}.{} (#{} ${})",
                e.alias,
                e.field,
                e.node.index(),
                e.index
            );
        }
        if let Some(d) = s.retention {
            let _ = writeln!(out, "set pigc.retention = {d:?}");
        }
        if let Some(d) = s.emit_interval {
            let _ = writeln!(out, "set pigc.emit_interval = {d:?}");
        }
        for u in &s.unique {
            let _ = writeln!(
                out,
                "set pigc.unique = {}.{} (#{} ${})",
                u.alias,
                u.field,
                u.node.index(),
                u.index
            );
        }
        for (k, v) in &s.other {
            let _ = writeln!(out, "set {k} = {v:?}");
        }
        for (i, u) in self.udfs.iter().enumerate() {
            let params: Vec<String> = u.params.iter().map(|p| p.to_string()).collect();
            let _ = writeln!(
                out,
                "udf#{i} {} = rust {} ({}) -> {}",
                u.alias,
                u.path,
                params.join(", "),
                u.ret
            );
        }
        let mut seen = HashSet::new();
        for sink in self.sinks() {
            self.write_tree(&mut out, sink, 0, &mut seen);
        }
        let unused: Vec<NodeId> = self
            .topo_order()
            .into_iter()
            .filter(|n| !seen.contains(n) && self.users(*n).is_empty())
            .collect();
        if !unused.is_empty() {
            let _ = writeln!(out, "-- not stored:");
            for n in unused {
                self.write_tree(&mut out, n, 0, &mut seen);
            }
        }
        f.write_str(&out)
    }
}
