//! Relational operators: one method per operator, each checking its inputs and computing its output
//! schema.

use super::exprs::{expr_name, Scope};
use super::{Binding, Builder};
use crate::diagnostics::Diagnostic;
use crate::parse::ast::{self, OperatorKind as O, Relation};
use crate::parse::Span;
use crate::plan::expr::{Expr, ExprKind};
use crate::plan::logical::{
    cube_pushed_columns, Group, JoinKind, JoinStrategy, LogicalOp, NodeId, SortKey, SplitCondition,
};
use crate::plan::schema::{Field, Schema};
use crate::plan::types::{self, Type};

/// Most dimensions one CUBE(…) or ROLLUP(…) may list.
const MAX_CUBE_DIMENSIONS: usize = 12;
/// Most grouping sets a CUBE operator may expand into.
const MAX_GROUPING_SETS: usize = 4096;

impl Builder {
    /// Plans an operator; the binding is `Failed` after an error.
    pub(super) fn operator(&mut self, op: &ast::Operator, alias: Option<&str>) -> Binding {
        self.pending_scalars.clear();
        if let O::Realias { input } = &op.kind {
            return match self.relation(input) {
                Some((n, _)) => Binding::Node(n),
                None => Binding::Failed,
            };
        }
        match self.operator_node(op, alias) {
            Some(n) => {
                if let Some(a) = alias {
                    self.plan.graph[n].alias = Some(a.to_string());
                }
                Binding::Node(n)
            }
            None => {
                // Every failure is reported where it is found; this keeps a statement from ever
                // disappearing silently from a plan that would otherwise be returned.
                if !self.diags.has_errors() {
                    self.error("this statement could not be planned", op.span);
                }
                Binding::Failed
            }
        }
    }

    fn operator_node(&mut self, op: &ast::Operator, alias: Option<&str>) -> Option<NodeId> {
        match &op.kind {
            O::Load {
                location,
                using,
                schema,
            } => self.load(location, using.as_ref(), schema.as_ref(), alias, op.span),
            O::Realias { input } => self.relation(input).map(|(n, _)| n),
            O::Filter { input, condition } => {
                let (input, _) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                let predicate =
                    self.condition(condition, Scope::new(&schema), "a FILTER condition")?;
                Some(self.add(
                    LogicalOp::Filter { predicate },
                    schema,
                    alias,
                    op.span,
                    &[input],
                ))
            }
            O::Foreach { input, body } => self.foreach(input, body, alias, op.span),
            O::Group(g) => self.group(g, alias, op.span),
            O::Join(j) => self.join(j, alias, op.span),
            O::Cross { inputs, .. } => {
                let inputs = self.relations(inputs)?;
                self.check_distinct_inputs(&inputs, "CROSS", op.span)?;
                let mut fields = Vec::new();
                for (n, name) in &inputs {
                    fields.extend(self.plan.node(*n).schema.qualified(name).fields);
                }
                let unknown = inputs
                    .iter()
                    .any(|(n, _)| self.plan.node(*n).schema.is_unknown());
                let schema = if unknown {
                    Schema::unknown()
                } else {
                    Schema::new(fields)
                };
                let ids: Vec<NodeId> = inputs.iter().map(|(n, _)| *n).collect();
                Some(self.add(LogicalOp::Cross, schema, alias, op.span, &ids))
            }
            O::Distinct { input, .. } => {
                let (input, _) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                Some(self.add(LogicalOp::Distinct, schema, alias, op.span, &[input]))
            }
            O::Order {
                input, keys, using, ..
            } => {
                let (input, _) = self.relation(input)?;
                if let Some(u) = using {
                    self.error(
                        "ORDER … USING a Java comparator is not supported by pigc",
                        u.span,
                    );
                    return None;
                }
                let schema = self.plan.node(input).schema.clone();
                let keys = self.order_keys(keys, Scope::new(&schema))?;
                Some(self.add(LogicalOp::Order { keys }, schema, alias, op.span, &[input]))
            }
            O::Limit { input, count } => {
                let (input, _) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                let count = self.constant_expr(count, Type::Long, "LIMIT")?;
                Some(self.add(LogicalOp::Limit { count }, schema, alias, op.span, &[input]))
            }
            O::Sample { input, fraction } => {
                let (input, _) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                let fraction = self.constant_expr(fraction, Type::Double, "SAMPLE")?;
                Some(self.add(
                    LogicalOp::Sample { fraction },
                    schema,
                    alias,
                    op.span,
                    &[input],
                ))
            }
            O::Union {
                inputs, onschema, ..
            } => self.union(inputs, *onschema, alias, op.span),
            O::Rank { input, by, dense } => {
                let (input, name) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                let scope = Scope::new(&schema);
                let keys = self.order_keys(&ast::OrderKeys::Keys(by.clone()), scope)?;
                let rank_name = format!("rank_{name}");
                let mut fields = vec![Field::named(rank_name, Type::Long).with_nullable(false)];
                fields.extend(schema.fields.iter().cloned());
                let out = if schema.is_unknown() {
                    Schema::unknown()
                } else {
                    Schema::new(fields)
                };
                Some(self.add(
                    LogicalOp::Rank {
                        keys,
                        dense: *dense,
                    },
                    out,
                    alias,
                    op.span,
                    &[input],
                ))
            }
            O::Cube { input, by, .. } => self.cube(input, by, alias, op.span),
            O::Assert {
                input,
                condition,
                message,
            } => {
                let (input, _) = self.relation(input)?;
                let schema = self.plan.node(input).schema.clone();
                let predicate =
                    self.condition(condition, Scope::new(&schema), "an ASSERT condition")?;
                let message = message.as_ref().map(|m| m.value.clone());
                Some(self.add(
                    LogicalOp::Assert { predicate, message },
                    schema,
                    alias,
                    op.span,
                    &[input],
                ))
            }
            O::Stream { .. } => {
                let d = Diagnostic::error(
                    format!("STREAM … THROUGH is not supported by pigc (line {})", op.span.line),
                    op.span,
                )
                .with_note("pigc compiles the whole script to Rust and does not pipe records through external commands")
                .with_help("rewrite the command as a Rust UDF: DEFINE f rust('my_crate::f', '(chararray) -> chararray');");
                self.diags.push(d);
                None
            }
            O::MapReduce(_) => {
                let d = Diagnostic::error(
                    format!("MAPREDUCE is not supported by pigc (line {})", op.span.line),
                    op.span,
                )
                .with_note("pigc does not run Hadoop jobs");
                self.diags.push(d);
                None
            }
        }
    }

    fn relations(&mut self, rels: &[Relation]) -> Option<Vec<(NodeId, String)>> {
        let mut out = Vec::with_capacity(rels.len());
        let mut ok = true;
        for r in rels {
            match self.relation(r) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn load(
        &mut self,
        location: &ast::StringLit,
        using: Option<&ast::FuncSpec>,
        schema: Option<&ast::Schema>,
        alias: Option<&str>,
        span: Span,
    ) -> Option<NodeId> {
        let storage = self.storage(using, true)?;
        let declared = schema.map(|s| self.ast_schema(s));
        let declared = match (declared, storage.func, storage.args.first()) {
            (Some(s), _, _) => Some(s),
            (None, crate::plan::builtins::StorageFunc::JsonLoader, Some(text)) => {
                match crate::plan::udf::parse_schema(text) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        self.error(format!("JsonLoader schema: {e}"), span);
                        return None;
                    }
                }
            }
            (None, _, _) => None,
        };
        let declared_schema = declared.is_some();
        let out = declared.unwrap_or_else(|| storage.func.default_schema());
        self.check_duplicate_names(&out, span);
        let op = LogicalOp::Load {
            location: self.substitute_text(&location.value),
            storage,
            declared_schema,
        };
        Some(self.add(op, out, alias, span, &[]))
    }

    /// Reports duplicate field names in an output schema (Pig rejects them).
    pub(super) fn check_duplicate_names(&mut self, schema: &Schema, span: Span) -> bool {
        let mut seen = std::collections::HashSet::new();
        for f in &schema.fields {
            if let Some(n) = &f.name {
                if !seen.insert(n.as_str()) {
                    self.error(
                        format!("duplicate field name `{n}` in schema {schema}"),
                        span,
                    );
                    return false;
                }
            }
        }
        true
    }

    /// A LIMIT/SAMPLE argument: a constant or scalar expression (no fields of the input).
    fn constant_expr(&mut self, e: &ast::Expr, ty: Type, what: &str) -> Option<Expr> {
        let empty = Schema::new(Vec::new());
        let x = self.expr(e, Scope::new(&empty))?;
        if !(x.ty.is_numeric() || x.ty == Type::Bytearray) {
            self.error(
                format!("type mismatch: {what} expects a number, found {}", x.ty),
                x.span,
            );
            return None;
        }
        if !types::can_cast(&x.ty, &ty) {
            self.error(format!("illegal cast from {} to {ty}", x.ty), x.span);
            return None;
        }
        Some(x.cast_to(&ty))
    }

    pub(super) fn order_keys(
        &mut self,
        keys: &ast::OrderKeys,
        scope: Scope<'_>,
    ) -> Option<Vec<SortKey>> {
        let desc = |d: Option<ast::SortDirection>| d == Some(ast::SortDirection::Desc);
        match keys {
            ast::OrderKeys::Star { direction, span } => {
                let cols = self.expand(
                    &ast::Expr {
                        kind: ast::ExprKind::Star,
                        span: *span,
                    },
                    scope,
                )??;
                Some(
                    cols.into_iter()
                        .map(|expr| SortKey {
                            expr,
                            descending: desc(*direction),
                        })
                        .collect(),
                )
            }
            ast::OrderKeys::Keys(keys) => {
                let mut out = Vec::with_capacity(keys.len());
                let mut ok = true;
                for k in keys {
                    let exprs = match self.expand(&k.expr, scope) {
                        Some(cols) => cols,
                        None => self.expr(&k.expr, scope).map(|e| vec![e]),
                    };
                    let Some(exprs) = exprs else {
                        ok = false;
                        continue;
                    };
                    for expr in exprs {
                        if !expr.ty.is_orderable() {
                            self.error(
                                format!("type mismatch: cannot order by a {}", expr.ty.kind_name()),
                                expr.span,
                            );
                            ok = false;
                        }
                        out.push(SortKey {
                            expr,
                            descending: desc(k.direction),
                        });
                    }
                }
                ok.then_some(out)
            }
        }
    }

    /// Key expressions of one JOIN/GROUP input.
    fn keys(&mut self, exprs: &[ast::Expr], schema: &Schema) -> Option<Vec<Expr>> {
        let scope = Scope::new(schema);
        let mut out = Vec::new();
        let mut ok = true;
        for e in exprs {
            match self.expand(e, scope) {
                Some(Some(cols)) => out.extend(cols),
                Some(None) => ok = false,
                None => match self.expr(e, scope) {
                    Some(x) => out.push(x),
                    None => ok = false,
                },
            }
        }
        ok.then_some(out)
    }

    /// Pig rejects the same relation twice among the inputs of a JOIN/COGROUP/CROSS (the output's
    /// field names would clash); it must be loaded or FOREACH'ed again under another alias.
    fn check_distinct_inputs(
        &mut self,
        inputs: &[(NodeId, String)],
        what: &str,
        span: Span,
    ) -> Option<()> {
        for (i, (node, name)) in inputs.iter().enumerate() {
            if inputs[..i]
                .iter()
                .any(|(n, other)| n == node && other == name)
            {
                let d = Diagnostic::error(
                    format!("`{name}` is used twice as an input of {what}"),
                    span,
                )
                .with_help(format!(
                    "define a second alias for it first, e.g. `{name}2 = FOREACH {name} GENERATE *;`"
                ));
                self.diags.push(d);
                return None;
            }
        }
        Some(())
    }

    /// Casts the keys of several inputs to common types; reports mismatched counts and types.
    fn unify_keys(&mut self, keys: &mut [Vec<Expr>], what: &str, span: Span) -> Option<()> {
        let n = keys.first().map_or(0, Vec::len);
        if keys.iter().any(|k| k.len() != n) {
            let counts: Vec<String> = keys.iter().map(|k| k.len().to_string()).collect();
            self.error(
                format!(
                    "{what} inputs have different numbers of keys ({})",
                    counts.join(", ")
                ),
                span,
            );
            return None;
        }
        for i in 0..n {
            let mut ty = keys[0][i].ty.clone();
            for k in keys.iter().skip(1) {
                match types::comparison_type("==", &ty, &k[i].ty) {
                    Ok(t) => ty = t,
                    Err(_) => {
                        let d = Diagnostic::error(
                            format!(
                                "type mismatch: {what} key {} is {} in one input and {} in another",
                                i + 1,
                                keys[0][i].ty,
                                k[i].ty
                            ),
                            k[i].span,
                        )
                        .with_label(keys[0][i].span, format!("this is {}", keys[0][i].ty));
                        self.diags.push(d);
                        return None;
                    }
                }
            }
            for k in keys.iter_mut() {
                let e = std::mem::replace(
                    &mut k[i],
                    Expr::new(
                        ExprKind::Literal(ast::Literal::Null),
                        Type::Bytearray,
                        true,
                        span,
                    ),
                );
                k[i] = e.cast_to(&ty);
            }
        }
        Some(())
    }

    fn group(&mut self, g: &ast::Group, alias: Option<&str>, span: Span) -> Option<NodeId> {
        let mut inputs = Vec::with_capacity(g.inputs.len());
        let mut keys = Vec::with_capacity(g.inputs.len());
        let mut inner = Vec::with_capacity(g.inputs.len());
        let mut all = false;
        let mut ok = true;
        for input in &g.inputs {
            let Some((node, name)) = self.relation(&input.relation) else {
                ok = false;
                continue;
            };
            let schema = self.plan.node(node).schema.clone();
            match &input.key {
                ast::GroupKey::All(_) => {
                    all = true;
                    keys.push(Vec::new());
                }
                ast::GroupKey::Exprs(es) => match self.keys(es, &schema) {
                    Some(k) => keys.push(k),
                    None => ok = false,
                },
            }
            inputs.push((node, name));
            inner.push(input.mode == Some(ast::GroupInputMode::Inner));
        }
        if !ok {
            return None;
        }
        if keys.is_empty() {
            self.error("GROUP needs an input", span);
            return None;
        }
        if all && keys.iter().any(|k| !k.is_empty()) {
            self.error("GROUP … ALL cannot be mixed with BY keys", span);
            return None;
        }
        if let Some(s) = &g.using {
            if !matches!(s.value.as_str(), "collected" | "merge") {
                self.error(
                    format!(
                        "unknown GROUP strategy '{}' (expected 'collected' or 'merge')",
                        s.value
                    ),
                    s.span,
                );
                return None;
            }
        }
        if inputs.len() > 1 {
            self.check_distinct_inputs(&inputs, "COGROUP", span)?;
        }
        self.unify_keys(&mut keys, "COGROUP", span)?;
        let group_field = if all {
            Field::named("group", Type::Chararray).with_nullable(false)
        } else if keys[0].len() == 1 {
            let k = &keys[0][0];
            Field {
                name: Some("group".to_string()),
                ty: k.ty.clone(),
                nullable: keys.iter().any(|ks| ks[0].nullable),
            }
        } else {
            let fields = keys[0]
                .iter()
                .map(|k| Field {
                    name: expr_name(k).map(|n| n.rsplit("::").next().unwrap_or(&n).to_string()),
                    ty: k.ty.clone(),
                    nullable: k.nullable,
                })
                .collect();
            Field::named("group", Type::tuple(Schema::new(fields))).with_nullable(false)
        };
        let mut fields = vec![group_field];
        for (node, name) in &inputs {
            let bag = Type::bag(self.plan.node(*node).schema.clone());
            fields.push(Field::named(name.clone(), bag).with_nullable(false));
        }
        let schema = Schema::new(fields);
        self.check_duplicate_names(&schema, span);
        let op = LogicalOp::Group(Group {
            keys,
            all,
            inner,
            strategy: g.using.as_ref().map(|s| s.value.clone()),
        });
        let ids: Vec<NodeId> = inputs.iter().map(|(n, _)| *n).collect();
        Some(self.add(op, schema, alias, span, &ids))
    }

    fn join(&mut self, j: &ast::Join, alias: Option<&str>, span: Span) -> Option<NodeId> {
        let mut inputs = Vec::with_capacity(j.inputs.len());
        let mut keys = Vec::with_capacity(j.inputs.len());
        let mut ok = true;
        for input in &j.inputs {
            let Some((node, name)) = self.relation(&input.relation) else {
                ok = false;
                continue;
            };
            let schema = self.plan.node(node).schema.clone();
            match self.keys(&input.keys, &schema) {
                Some(k) => keys.push(k),
                None => ok = false,
            }
            inputs.push((node, name));
        }
        if !ok {
            return None;
        }
        if inputs.len() < 2 {
            self.error("JOIN needs at least two inputs", span);
            return None;
        }
        if j.kind != JoinKind::Inner && inputs.len() != 2 {
            self.error("an outer JOIN takes exactly two inputs", span);
            return None;
        }
        let strategy = match j.using.as_ref().map(|s| s.value.as_str()) {
            None | Some("hash") | Some("default") => JoinStrategy::Hash,
            Some("replicated") | Some("repl") => JoinStrategy::Replicated,
            Some("skewed") => JoinStrategy::Skewed,
            Some("merge") => JoinStrategy::Merge,
            Some("merge-sparse") => JoinStrategy::MergeSparse,
            Some("bloom") => JoinStrategy::Bloom,
            Some(other) => {
                let s = j.using.as_ref().map_or(span, |s| s.span);
                self.error(
                    format!("unknown JOIN strategy '{other}' (expected 'replicated', 'skewed', 'merge', 'merge-sparse', 'bloom' or 'hash')"),
                    s,
                );
                return None;
            }
        };
        if strategy == JoinStrategy::Replicated
            && matches!(j.kind, JoinKind::RightOuter | JoinKind::FullOuter)
        {
            self.error("a replicated JOIN can only be inner or LEFT OUTER", span);
            return None;
        }
        self.check_distinct_inputs(&inputs, "JOIN", span)?;
        self.unify_keys(&mut keys, "JOIN", span)?;
        let mut fields = Vec::new();
        let mut unknown = false;
        for (i, (node, name)) in inputs.iter().enumerate() {
            let schema = self.plan.node(*node).schema.qualified(name);
            unknown |= schema.is_unknown();
            let padded = match j.kind {
                JoinKind::Inner => false,
                JoinKind::LeftOuter => i == 1,
                JoinKind::RightOuter => i == 0,
                JoinKind::FullOuter => true,
            };
            fields.extend(schema.fields.into_iter().map(|f| {
                if padded {
                    f.with_nullable(true)
                } else {
                    f
                }
            }));
        }
        let schema = if unknown {
            Schema::unknown()
        } else {
            Schema::new(fields)
        };
        self.check_duplicate_names(&schema, span);
        let ids: Vec<NodeId> = inputs.iter().map(|(n, _)| *n).collect();
        let op = LogicalOp::Join {
            keys,
            kind: j.kind,
            strategy,
        };
        Some(self.add(op, schema, alias, span, &ids))
    }

    fn union(
        &mut self,
        rels: &[Relation],
        onschema: bool,
        alias: Option<&str>,
        span: Span,
    ) -> Option<NodeId> {
        let inputs = self.relations(rels)?;
        let schemas: Vec<Schema> = inputs
            .iter()
            .map(|(n, _)| self.plan.node(*n).schema.clone())
            .collect();
        let ids: Vec<NodeId> = inputs.iter().map(|(n, _)| *n).collect();
        if !onschema {
            let schema = merge_union_schemas(&schemas);
            if schema.is_unknown() && schemas.iter().all(|s| !s.is_unknown()) {
                let d = Diagnostic::warning(
                    "the inputs of this UNION have different schemas, so its result has no schema (fields only by position)",
                    span,
                )
                .with_help("use UNION ONSCHEMA to merge the inputs by field name");
                self.diags.push(d);
            }
            return Some(self.add(
                LogicalOp::Union { mapping: None },
                schema,
                alias,
                span,
                &ids,
            ));
        }
        let mut fields: Vec<Field> = Vec::new();
        for (s, (_, name)) in schemas.iter().zip(&inputs) {
            if s.is_unknown() {
                self.error(
                    format!("UNION ONSCHEMA needs a schema for every input; `{name}` has none"),
                    span,
                );
                return None;
            }
            for f in &s.fields {
                let Some(fname) = &f.name else {
                    self.error(
                        format!("UNION ONSCHEMA needs named fields; `{name}` has an unnamed field"),
                        span,
                    );
                    return None;
                };
                match fields.iter_mut().find(|o| o.name.as_ref() == Some(fname)) {
                    Some(existing) => {
                        match types::unify_branches(Some(&existing.ty), Some(&f.ty)) {
                            Ok(Some(t)) => existing.ty = t,
                            _ => {
                                self.error(
                                format!("type mismatch: UNION ONSCHEMA field `{fname}` is {} in one input and {} in another", existing.ty, f.ty),
                                span,
                            );
                                return None;
                            }
                        }
                    }
                    None => fields.push(f.clone()),
                }
            }
        }
        let mapping: Vec<Vec<Option<usize>>> = schemas
            .iter()
            .map(|s| {
                fields
                    .iter()
                    .map(|f| s.fields.iter().position(|x| x.name == f.name))
                    .collect()
            })
            .collect();
        for (i, f) in fields.iter_mut().enumerate() {
            if mapping.iter().any(|m| m[i].is_none()) {
                f.nullable = true;
            }
        }
        let op = LogicalOp::Union {
            mapping: Some(mapping),
        };
        Some(self.add(op, Schema::new(fields), alias, span, &ids))
    }

    fn cube(
        &mut self,
        input: &Relation,
        by: &[ast::CubeSpec],
        alias: Option<&str>,
        span: Span,
    ) -> Option<NodeId> {
        let (input, _) = self.relation(input)?;
        let schema = self.plan.node(input).schema.clone();
        let mut dimensions = Vec::new();
        let mut sets: Vec<Vec<bool>> = vec![Vec::new()];
        for spec in by {
            let dims = self.keys(&spec.exprs, &schema)?;
            let n = dims.len();
            if n > MAX_CUBE_DIMENSIONS {
                self.error(
                    format!("CUBE/ROLLUP takes at most {MAX_CUBE_DIMENSIONS} dimensions per group, found {n}"),
                    spec.span,
                );
                return None;
            }
            let local: Vec<Vec<bool>> = match spec.kind {
                ast::CubeKind::Cube => (0..1u64 << n)
                    .rev()
                    .map(|mask| (0..n).map(|i| mask & (1 << (n - 1 - i)) != 0).collect())
                    .collect(),
                ast::CubeKind::Rollup => (0..=n)
                    .rev()
                    .map(|k| (0..n).map(|i| i < k).collect())
                    .collect(),
            };
            sets = sets
                .iter()
                .flat_map(|s| {
                    local.iter().map(move |l| {
                        let mut v = s.clone();
                        v.extend(l);
                        v
                    })
                })
                .collect();
            dimensions.extend(dims);
            if sets.len() > MAX_GROUPING_SETS {
                self.error(
                    format!("CUBE expands into more than {MAX_GROUPING_SETS} grouping sets"),
                    span,
                );
                return None;
            }
        }
        let group = Schema::new(
            dimensions
                .iter()
                .map(|d| Field {
                    name: expr_name(d),
                    ty: d.ty.clone(),
                    nullable: true,
                })
                .collect(),
        );
        // Each bag tuple: the group's dimension values, then the input's other columns (as Pig).
        let mut tuple = group.fields.clone();
        tuple.extend(
            cube_pushed_columns(&dimensions, schema.fields.len())
                .into_iter()
                .map(|c| schema.fields[c].clone()),
        );
        let out = Schema::new(vec![
            Field::named("group", Type::tuple(group)).with_nullable(false),
            Field::named("cube", Type::bag(Schema::new(tuple))).with_nullable(false),
        ]);
        Some(self.add(
            LogicalOp::Cube { dimensions, sets },
            out,
            alias,
            span,
            &[input],
        ))
    }

    pub(super) fn split(
        &mut self,
        relation: &Relation,
        branches: &[ast::SplitBranch],
        otherwise: Option<&ast::Ident>,
        span: Span,
    ) {
        let Some((input, _)) = self.relation(relation) else {
            for b in branches {
                self.bind(b.alias.name.clone(), Binding::Failed);
            }
            if let Some(o) = otherwise {
                self.bind(o.name.clone(), Binding::Failed);
            }
            return;
        };
        let schema = self.plan.node(input).schema.clone();
        let split = self.add(LogicalOp::Split, schema.clone(), None, span, &[input]);
        let mut conditions = Vec::new();
        for b in branches {
            let binding =
                match self.condition(&b.condition, Scope::new(&schema), "a SPLIT condition") {
                    Some(c) => {
                        conditions.push(c.clone());
                        let op = LogicalOp::SplitOutput {
                            condition: SplitCondition::If(c),
                        };
                        Binding::Node(self.add(
                            op,
                            schema.clone(),
                            Some(&b.alias.name),
                            b.span,
                            &[split],
                        ))
                    }
                    None => Binding::Failed,
                };
            self.bind(b.alias.name.clone(), binding);
        }
        if let Some(o) = otherwise {
            let binding = if conditions.len() == branches.len() {
                let op = LogicalOp::SplitOutput {
                    condition: SplitCondition::Otherwise(conditions),
                };
                Binding::Node(self.add(op, schema.clone(), Some(&o.name), o.span, &[split]))
            } else {
                Binding::Failed
            };
            self.bind(o.name.clone(), binding);
        }
    }
}

/// The schema of a plain UNION: the inputs' common schema when they have the same width and
/// compatible types, else unknown (as Pig).
fn merge_union_schemas(schemas: &[Schema]) -> Schema {
    let Some(first) = schemas.first() else {
        return Schema::unknown();
    };
    let mut fields = first.fields.clone();
    for s in &schemas[1..] {
        if s.is_unknown() || first.is_unknown() || s.len() != fields.len() {
            return Schema::unknown();
        }
        for (f, g) in fields.iter_mut().zip(&s.fields) {
            match types::unify_branches(Some(&f.ty), Some(&g.ty)) {
                Ok(Some(t)) => f.ty = t,
                _ => return Schema::unknown(),
            }
            f.nullable |= g.nullable;
            if f.name != g.name {
                f.name = match (f.base_name(), g.base_name()) {
                    (Some(a), Some(b)) if a == b => Some(a.to_string()),
                    _ => f.name.clone(),
                };
            }
        }
    }
    Schema::new(fields)
}
