//! Renderings of a physical plan: a flat text listing in plan order (`pigc explain --physical`, the
//! snapshots) and Graphviz dot (`--physical --dot`).
//!
//! ```text
//! %2 events.distinct.1f0c9a2e: Distinct  (line 13)
//!   | inputs %1
//!   | key record; emits append-only; event time $4
//!   | state per record: multiplicity; evicted 2d behind the watermark by $4
//!   | schema events: {event_id: chararray,…}
//! ```

use super::{
    Accumulator, Changelog, Eviction, KeySpec, PhysicalNode, PhysicalOp, PhysicalPlan, SinkMode,
    SinkTarget,
};
use crate::plan::expr::Expr;
use crate::plan::{ForEach, GenerateItem, NestedKind, SortKey, SplitCondition};
use std::fmt::{self, Write as _};

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

fn items(items: &[GenerateItem]) -> String {
    items
        .iter()
        .map(|g| {
            let fields: Vec<String> = g.fields.iter().map(|f| f.to_string()).collect();
            if g.flatten {
                format!("flatten({}) as ({})", g.expr, fields.join(","))
            } else {
                format!("{} as ({})", g.expr, fields.join(","))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn nested_body(kind: &NestedKind) -> String {
    match kind {
        NestedKind::Filter { input, predicate } => format!("filter {input} by {predicate}"),
        NestedKind::Order { input, keys } => format!("order {input} by {}", sort_keys(keys)),
        NestedKind::Limit { input, count } => format!("limit {input} {count}"),
        NestedKind::Distinct { input } => format!("distinct {input}"),
        NestedKind::Cross { inputs } => format!("cross {}", list(inputs)),
        NestedKind::ForEach { input, generate } => {
            format!("foreach {input} generate {}", items(generate))
        }
        NestedKind::Expr(e) => e.to_string(),
    }
}

fn foreach_lines(f: &ForEach) -> Vec<String> {
    let mut lines: Vec<String> = f
        .nested
        .iter()
        .enumerate()
        .map(|(i, n)| format!("nested {i} {} = {}", n.alias, nested_body(&n.kind)))
        .collect();
    lines.push(format!("generate {}", items(&f.generate)));
    lines
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeySpec::None => f.write_str("none"),
            KeySpec::Exprs(k) => write!(f, "({})", list(k)),
            KeySpec::Record => f.write_str("record"),
            KeySpec::Global => f.write_str("global"),
        }
    }
}

impl fmt::Display for Accumulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.func)?;
        match &self.value {
            Some(v) => write!(f, "({v})")?,
            None => f.write_str("(*)")?,
        }
        if let Some(p) = &self.filter {
            write!(f, " where {p}")?;
        }
        write!(f, " -> {}", self.ty)
    }
}

impl PhysicalOp {
    /// One-line description of the operator's arguments (also hashed into operator ids).
    pub fn summary(&self) -> String {
        match self {
            PhysicalOp::Source {
                location,
                storage,
                materialize,
                ..
            } => {
                let mut s = format!("{location:?} using {}({:?})", storage.func, storage.args);
                if let Some(cols) = materialize {
                    let cols: Vec<String> = cols.iter().map(|c| format!("${c}")).collect();
                    let _ = write!(s, " materialize [{}]", cols.join(", "));
                }
                s
            }
            PhysicalOp::Map { exprs } => format!("({})", list(exprs)),
            PhysicalOp::Filter { predicate } => format!("by {predicate}"),
            PhysicalOp::FlatMap { foreach } => foreach_lines(foreach).join("; "),
            PhysicalOp::Exchange { key } => format!("by {key}"),
            PhysicalOp::Aggregate {
                keys,
                all,
                accumulators,
                finish,
            } => {
                let mut s = if *all {
                    "all".to_string()
                } else {
                    format!("by ({})", list(keys))
                };
                let accs: Vec<String> = accumulators.iter().map(|a| a.to_string()).collect();
                let _ = write!(s, " accumulators [{}]", accs.join("; "));
                if let Some(f) = finish {
                    let _ = write!(s, " finish {}", foreach_lines(f).join("; "));
                }
                s
            }
            PhysicalOp::Distinct | PhysicalOp::Cross => String::new(),
            PhysicalOp::HashJoin {
                left_keys,
                right_keys,
                kind,
            }
            | PhysicalOp::LookupJoin {
                left_keys,
                right_keys,
                kind,
            } => format!("{kind:?} on ({}) = ({})", list(left_keys), list(right_keys)),
            PhysicalOp::CoGroup { keys, all, inner } => {
                if *all {
                    return format!("all inner {inner:?}");
                }
                let k: Vec<String> = keys.iter().map(|k| format!("({})", list(k))).collect();
                format!("by {} inner {inner:?}", k.join(", "))
            }
            PhysicalOp::Union { mapping } => match mapping {
                None => String::new(),
                Some(m) => format!("onschema {m:?}"),
            },
            PhysicalOp::Split { branches } => {
                let b: Vec<String> = branches
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match c {
                        SplitCondition::If(e) => format!("{i}: if {e}"),
                        SplitCondition::Otherwise(cs) => {
                            format!("{i}: otherwise (not any of: {})", list(cs))
                        }
                    })
                    .collect();
                b.join("; ")
            }
            PhysicalOp::TopN { keys, count } => format!("{count} by {}", sort_keys(keys)),
            PhysicalOp::Sort { keys } => format!("by {}", sort_keys(keys)),
            PhysicalOp::Limit { count } => count.to_string(),
            PhysicalOp::Sample { fraction } => fraction.to_string(),
            PhysicalOp::Rank { keys, dense } => {
                format!(
                    "by {}{}",
                    sort_keys(keys),
                    if *dense { " dense" } else { "" }
                )
            }
            PhysicalOp::Cube { dimensions, sets } => {
                format!("by ({}) sets {sets:?}", list(dimensions))
            }
            PhysicalOp::Assert { predicate, message } => match message {
                Some(m) => format!("by {predicate}, {m:?}"),
                None => format!("by {predicate}"),
            },
            PhysicalOp::Sink { target, mode } => {
                let t = match target {
                    SinkTarget::Store { location, storage } => {
                        format!("{location:?} using {}({:?})", storage.func, storage.args)
                    }
                    SinkTarget::Dump => "dump".to_string(),
                };
                let m = match mode {
                    SinkMode::Append => "append".to_string(),
                    SinkMode::Upsert { key } => format!("upsert by {key:?}"),
                    SinkMode::Sorted { keys } => format!("sorted by {}", sort_keys(keys)),
                };
                format!("{t} {m}")
            }
        }
    }
}

impl PhysicalNode {
    fn header(&self, index: usize) -> String {
        let mut s = format!("%{index} {}: {}", self.id, self.op.name());
        let summary = self.op.summary();
        if !summary.is_empty() {
            let _ = write!(s, " {summary}");
        }
        let _ = write!(s, "  (line {})", self.span.line);
        s
    }

    fn detail_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.inputs.is_empty() {
            let ins: Vec<String> = self
                .inputs
                .iter()
                .map(|i| {
                    if i.port == 0 {
                        i.node.to_string()
                    } else {
                        format!("{}.{}", i.node, i.port)
                    }
                })
                .collect();
            let mut l = format!("inputs {}", ins.join(", "));
            if !self.scalar_inputs.is_empty() {
                let s: Vec<String> = self.scalar_inputs.iter().map(|i| i.to_string()).collect();
                let _ = write!(l, "; scalars {}", s.join(", "));
            }
            lines.push(l);
        }
        let emits = match &self.changelog {
            Changelog::AppendOnly => "append-only".to_string(),
            Changelog::Updating { key: Some(k) } => format!("updates keyed by {k:?}"),
            Changelog::Updating { key: None } => "updates".to_string(),
        };
        let mut l = format!("key {}; emits {emits}", self.key);
        if let Some(c) = self.event_time {
            let _ = write!(l, "; event time ${c}");
        }
        lines.push(l);
        if let Some(state) = &self.state {
            let ev = match &state.eviction {
                Eviction::Retention {
                    event_time,
                    retention,
                } => format!("evicted {retention:?} behind the watermark by {event_time:?}"),
                Eviction::Unbounded => "unbounded".to_string(),
                Eviction::Bounded => "bounded".to_string(),
            };
            lines.push(format!("state {}; {ev}", state.holds));
        }
        let schema = match &self.alias {
            Some(a) => self.schema.describe(a),
            None => self.schema.to_string(),
        };
        lines.push(format!("schema {schema}"));
        lines
    }
}

impl fmt::Display for PhysicalPlan {
    /// Every operator in plan order, then the stream blockers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "physical plan ({:?})", self.mode)?;
        for (i, n) in self.nodes.iter().enumerate() {
            writeln!(f, "{}", n.header(i))?;
            for l in n.detail_lines() {
                writeln!(f, "  | {l}")?;
            }
        }
        for b in &self.stream_blockers {
            writeln!(
                f,
                "stream mode blocked (line {}): {}",
                b.span.line, b.reason
            )?;
        }
        Ok(())
    }
}

impl PhysicalPlan {
    /// The plan as Graphviz dot: one box per operator labelled with its header and details; stateful
    /// operators are shaded; edges from SPLIT ports are labelled with the port.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph physical {\n    rankdir=TB;\n    node [shape=box, fontsize=10, fontname=\"Helvetica\"];\n");
        for (i, n) in self.nodes.iter().enumerate() {
            let mut label = n.header(i);
            for l in n.detail_lines() {
                label.push('\n');
                label.push_str(&l);
            }
            let fill = if n.op.is_stateful() {
                "#ffd9b3"
            } else if matches!(n.op, PhysicalOp::Source { .. } | PhysicalOp::Sink { .. }) {
                "#cfe8ff"
            } else {
                "#ffffff"
            };
            let _ = writeln!(
                out,
                "    n{i} [label=\"{}\", style=filled, fillcolor=\"{fill}\"];",
                escape_dot(&label)
            );
        }
        for (i, n) in self.nodes.iter().enumerate() {
            for input in &n.inputs {
                let _ = writeln!(
                    out,
                    "    n{} -> n{i} [label=\"{}\"];",
                    input.node.0, input.port
                );
            }
            for s in &n.scalar_inputs {
                let _ = writeln!(
                    out,
                    "    n{} -> n{i} [style=dashed, label=\"scalar\"];",
                    s.0
                );
            }
        }
        out.push_str("}\n");
        out
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
