//! FOREACH: GENERATE items (FLATTEN, AS, `*` and ranges) and nested blocks.

use super::exprs::{expr_name, Scope};
use super::Builder;
use crate::parse::ast::{self, NestedOp as N, Relation};
use crate::parse::Span;
use crate::plan::expr::{Expr, ExprKind};
use crate::plan::logical::{ForEach, GenerateItem, LogicalOp, NestedKind, NestedOp, NodeId};
use crate::plan::schema::{Field, Schema};
use crate::plan::types::{can_cast, Type};

/// A field name the GENERATE output has twice, where at least one of the two is not from a FLATTEN
/// (Pig rejects those as duplicate schema aliases but lets flattened bags repeat names).
fn duplicate_name(items: &[GenerateItem]) -> Option<String> {
    let mut seen: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for item in items {
        for f in &item.fields {
            let Some(name) = f.name.as_deref() else {
                continue;
            };
            match seen.get(name) {
                Some(&flattened) if !(flattened && item.flatten) => return Some(name.to_string()),
                Some(_) => {}
                None => {
                    seen.insert(name, item.flatten);
                }
            }
        }
    }
    None
}

impl Builder {
    pub(super) fn foreach(
        &mut self,
        input: &Relation,
        body: &ast::ForeachBody,
        alias: Option<&str>,
        span: Span,
    ) -> Option<NodeId> {
        let (input, _) = self.relation(input)?;
        let schema = self.plan.node(input).schema.clone();
        let (statements, generate) = match body {
            ast::ForeachBody::Generate(g) => (&[][..], g),
            ast::ForeachBody::Nested {
                statements,
                generate,
            } => (&statements[..], generate),
        };
        let mut nested: Vec<NestedOp> = Vec::with_capacity(statements.len());
        let mut ok = true;
        for st in statements {
            match self.nested_op(st, &schema, &nested) {
                Some(op) => nested.push(op),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let scope = Scope {
            schema: &schema,
            nested: &nested,
        };
        let (items, out) = self.generate(generate, scope)?;
        let op = LogicalOp::ForEach(ForEach {
            nested,
            generate: items,
        });
        Some(self.add(op, out, alias, span, &[input]))
    }

    /// GENERATE items and the schema they produce (unknown when a flattened bag or tuple has an unknown
    /// schema and no AS names its fields).
    fn generate(
        &mut self,
        g: &ast::Generate,
        scope: Scope<'_>,
    ) -> Option<(Vec<GenerateItem>, Schema)> {
        let mut items = Vec::new();
        let mut unknown = false;
        let mut ok = true;
        for item in &g.items {
            let exprs = match self.expand(&item.expr, scope) {
                Some(cols) => cols,
                None => self.expr(&item.expr, scope).map(|e| vec![e]),
            };
            let Some(exprs) = exprs else {
                ok = false;
                continue;
            };
            if item.alias.is_some() && exprs.len() != 1 {
                self.error("AS cannot name the fields of `*` or a range", item.span);
                ok = false;
                continue;
            }
            for expr in exprs {
                let flatten = item.flatten || expr.kind == ExprKind::Row;
                match self.generate_item(expr, flatten, item.alias.as_ref()) {
                    Some((gi, known)) => {
                        unknown |= !known;
                        items.push(gi);
                    }
                    None => ok = false,
                }
            }
        }
        if !ok {
            return None;
        }
        let schema = if unknown {
            Schema::unknown()
        } else {
            Schema::new(
                items
                    .iter()
                    .flat_map(|i| i.fields.iter().cloned())
                    .collect(),
            )
        };
        if let Some(name) = duplicate_name(&items) {
            self.error(
                format!("duplicate field name `{name}` in the GENERATE output; rename one with AS"),
                g.span,
            );
            return None;
        }
        Some((items, schema))
    }

    /// One item; the flag says whether its fields are known.
    fn generate_item(
        &mut self,
        mut expr: Expr,
        flatten: bool,
        alias: Option<&ast::Schema>,
    ) -> Option<(GenerateItem, bool)> {
        let name = expr_name(&expr);
        let mut known = true;
        let mut fields = match (&expr.ty, flatten) {
            (Type::Bag(s) | Type::Tuple(s), true) => {
                if s.is_unknown() {
                    known = false;
                    Vec::new()
                } else {
                    let tuple_nullable = expr.nullable && matches!(expr.ty, Type::Tuple(_));
                    s.fields
                        .iter()
                        .map(|f| Field {
                            name: f.name.as_ref().map(|n| match &name {
                                Some(p) => format!("{p}::{n}"),
                                None => n.clone(),
                            }),
                            ty: f.ty.clone(),
                            nullable: f.nullable || tuple_nullable,
                        })
                        .collect()
                }
            }
            _ => vec![Field {
                name: name.clone(),
                ty: expr.ty.clone(),
                nullable: expr.nullable,
            }],
        };
        if let Some(schema) = alias {
            let declared = self.ast_schema(schema);
            if known && declared.len() != fields.len() {
                self.error(
                    format!(
                        "AS gives {} field(s) but this item produces {}",
                        declared.len(),
                        fields.len()
                    ),
                    schema.span,
                );
                return None;
            }
            if !known {
                fields = declared.fields.clone();
                known = true;
            }
            let single = fields.len() == 1 && !flatten;
            for (f, (d, ast_f)) in fields
                .iter_mut()
                .zip(declared.fields.iter().zip(&schema.fields))
            {
                f.name = d.name.clone();
                if ast_f.ty.is_none() || d.ty == f.ty {
                    continue;
                }
                if !can_cast(&f.ty, &d.ty) {
                    self.error(
                        format!("illegal cast from {} to {} in AS", f.ty, d.ty),
                        ast_f.span,
                    );
                    return None;
                }
                if single {
                    expr = expr.cast_to(&d.ty);
                }
                f.ty = d.ty.clone();
            }
        }
        Some((
            GenerateItem {
                expr,
                flatten,
                fields,
            },
            known,
        ))
    }

    /// One statement of a nested FOREACH block.
    fn nested_op(
        &mut self,
        st: &ast::NestedStatement,
        outer: &Schema,
        nested: &[NestedOp],
    ) -> Option<NestedOp> {
        let scope = Scope {
            schema: outer,
            nested,
        };
        let bag = |b: &mut Builder, e: &ast::Expr| -> Option<(Expr, Schema)> {
            let x = b.expr(e, scope)?;
            match &x.ty {
                Type::Bag(s) => {
                    let s = (**s).clone();
                    Some((x, s))
                }
                Type::Bytearray => {
                    Some((x.cast_to(&Type::bag(Schema::unknown())), Schema::unknown()))
                }
                other => {
                    b.error(
                        format!(
                            "type mismatch: a nested operator's input must be a bag, found {other}"
                        ),
                        x.span,
                    );
                    None
                }
            }
        };
        let (kind, ty) = match &st.op {
            N::Filter { input, condition } => {
                let (input, s) = bag(self, input)?;
                let predicate = self.condition(condition, Scope::new(&s), "a FILTER condition")?;
                let ty = input.ty.clone();
                (NestedKind::Filter { input, predicate }, ty)
            }
            N::Order { input, keys, using } => {
                let (input, s) = bag(self, input)?;
                if let Some(u) = using {
                    self.error(
                        "ORDER … USING a Java comparator is not supported by pigc",
                        u.span,
                    );
                    return None;
                }
                let keys = self.order_keys(keys, Scope::new(&s))?;
                let ty = input.ty.clone();
                (NestedKind::Order { input, keys }, ty)
            }
            N::Limit { input, count } => {
                let (input, _) = bag(self, input)?;
                let count = self.expr(count, scope)?;
                if !(count.ty.is_numeric() || count.ty == Type::Bytearray) {
                    self.error(
                        format!("type mismatch: LIMIT expects a number, found {}", count.ty),
                        count.span,
                    );
                    return None;
                }
                let count = count.cast_to(&Type::Long);
                let ty = input.ty.clone();
                (NestedKind::Limit { input, count }, ty)
            }
            N::Distinct { input } => {
                let (input, _) = bag(self, input)?;
                let ty = input.ty.clone();
                (NestedKind::Distinct { input }, ty)
            }
            N::Cross { inputs } => {
                let mut exprs = Vec::with_capacity(inputs.len());
                let mut fields = Vec::new();
                let mut unknown = false;
                for i in inputs {
                    let (x, s) = bag(self, i)?;
                    let prefix = expr_name(&x).unwrap_or_default();
                    unknown |= s.is_unknown();
                    fields.extend(s.qualified(&prefix).fields);
                    exprs.push(x);
                }
                let s = if unknown {
                    Schema::unknown()
                } else {
                    Schema::new(fields)
                };
                (NestedKind::Cross { inputs: exprs }, Type::bag(s))
            }
            N::Foreach { input, generate } => {
                let (input, s) = bag(self, input)?;
                let (items, out) = self.generate(generate, Scope::new(&s))?;
                (
                    NestedKind::ForEach {
                        input,
                        generate: items,
                    },
                    Type::bag(out),
                )
            }
            N::Expr(e) => {
                let x = self.expr(e, scope)?;
                let ty = x.ty.clone();
                (NestedKind::Expr(x), ty)
            }
        };
        Some(NestedOp {
            alias: st.alias.name.clone(),
            kind,
            ty,
            span: st.span,
        })
    }
}
