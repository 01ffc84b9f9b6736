//! Expressions: name resolution against a row schema, type checking, implicit casts.

use super::{Binding, Builder, MacroValue};
use crate::diagnostics::Diagnostic;
use crate::parse::ast::{self, BinaryOp, ExprKind as A, Literal};
use crate::parse::Span;
use crate::plan::builtins::{self, Builtin, CallError};
use crate::plan::expr::{op_symbol, Expr, ExprKind, Func};
use crate::plan::logical::NestedOp;
use crate::plan::schema::{Field, LookupError, Schema};
use crate::plan::types::{self, can_cast, can_coerce, Type};

/// The package of the Java UDFs in Pig's own test jar, which many e2e scripts call.
pub(super) const TEST_UDF_PACKAGE: &str = "org.apache.pig.test.";

/// What names mean where an expression is evaluated.
#[derive(Clone, Copy)]
pub(super) struct Scope<'a> {
    /// The row: `Column(i)` is field `i` of this schema.
    pub schema: &'a Schema,
    /// Inner aliases of the enclosing nested FOREACH block visible here.
    pub nested: &'a [NestedOp],
}

impl<'a> Scope<'a> {
    pub fn new(schema: &'a Schema) -> Scope<'a> {
        Scope {
            schema,
            nested: &[],
        }
    }
}

/// The name an expression gives a GENERATE output field when it has no AS: a column's name, the field
/// name of a tuple projection, the name under a cast. Other expressions (calls, arithmetic, bag
/// projections) give none, as in Pig.
pub(super) fn expr_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Column { name, .. } => name.clone(),
        ExprKind::Nested { name, .. } => Some(name.clone()),
        ExprKind::Cast(inner) => expr_name(inner),
        ExprKind::TupleField { base, index } => base
            .ty
            .inner_schema()
            .and_then(|s| s.fields.get(*index))
            .and_then(|f| f.name.clone()),
        // Pig leaves bag projections (`bag.x`) unnamed: their tuples keep the field names.
        _ => None,
    }
}

fn is_null_literal(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Literal(Literal::Null))
}

impl Builder {
    /// A column of the scope's row.
    fn column(&self, index: usize, field: Field, span: Span) -> Expr {
        Expr::new(
            ExprKind::Column {
                index,
                name: field.name,
            },
            field.ty,
            field.nullable,
            span,
        )
    }

    /// Every column of the row (for `*`); over an unknown schema, the whole row as one tuple
    /// ([`ExprKind::Row`]).
    fn star(&mut self, scope: Scope<'_>, span: Span) -> Option<Vec<Expr>> {
        if scope.schema.is_unknown() {
            let ty = Type::tuple(Schema::unknown());
            return Some(vec![Expr::new(ExprKind::Row, ty, false, span)]);
        }
        Some(
            scope
                .schema
                .fields
                .iter()
                .enumerate()
                .map(|(i, f)| self.column(i, f.clone(), span))
                .collect(),
        )
    }

    /// Expands `*` and ranges (`a..c`, `$0..$3`, `..c`, `b..`) into columns; `None` for other
    /// expressions.
    pub(super) fn expand(&mut self, e: &ast::Expr, scope: Scope<'_>) -> Option<Option<Vec<Expr>>> {
        match &e.kind {
            A::Star => Some(self.star(scope, e.span)),
            A::Range { start, end } => {
                let position =
                    |b: &mut Builder, x: &Option<Box<ast::Expr>>| -> Option<Option<usize>> {
                        match x.as_deref() {
                            None => Some(None),
                            Some(ast::Expr {
                                kind: A::Positional(n),
                                ..
                            }) => Some(Some(*n as usize)),
                            Some(ast::Expr {
                                kind: A::Field(id),
                                span,
                            }) => match scope.schema.lookup(&id.name) {
                                Ok(i) => Some(Some(i)),
                                Err(err) => {
                                    b.lookup_error(err, *span);
                                    None
                                }
                            },
                            Some(other) => {
                                b.error("a range bound must be a field name or $n", other.span);
                                None
                            }
                        }
                    };
                let lo = position(self, start);
                let hi = position(self, end);
                let (Some(lo), Some(hi)) = (lo, hi) else {
                    return Some(None);
                };
                let lo = lo.unwrap_or(0);
                let hi = match hi {
                    Some(h) => h,
                    None if scope.schema.is_unknown() => {
                        self.error("an open-ended range `x..` needs a known schema", e.span);
                        return Some(None);
                    }
                    None => scope.schema.len().saturating_sub(1),
                };
                if hi < lo {
                    self.error("range end comes before its start", e.span);
                    return Some(None);
                }
                let mut cols = Vec::new();
                for i in lo..=hi {
                    match scope.schema.field_at(i) {
                        Ok(f) => cols.push(self.column(i, f, e.span)),
                        Err(err) => {
                            self.lookup_error(err, e.span);
                            return Some(None);
                        }
                    }
                }
                Some(Some(cols))
            }
            _ => None,
        }
    }

    /// Resolves a list of expressions where `*` and ranges expand in place (function arguments).
    pub(super) fn expr_list(&mut self, es: &[ast::Expr], scope: Scope<'_>) -> Option<Vec<Expr>> {
        let mut out = Vec::new();
        let mut ok = true;
        for e in es {
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

    pub(super) fn lookup_error(&mut self, err: LookupError, span: Span) {
        let mut d = Diagnostic::error(err.to_string(), span);
        match &err {
            LookupError::Unknown { available, .. } if !available.is_empty() => {
                d = d.with_note(format!("available fields: {}", available.join(", ")));
            }
            LookupError::Ambiguous { candidates, .. } => {
                d = d.with_help(format!(
                    "qualify the name, e.g. `{}`",
                    candidates.first().map_or("r::f", String::as_str)
                ));
            }
            _ => {}
        }
        self.diags.push(d);
    }

    /// A boolean condition (a bytearray is cast to boolean).
    pub(super) fn condition(
        &mut self,
        e: &ast::Expr,
        scope: Scope<'_>,
        what: &str,
    ) -> Option<Expr> {
        let x = self.expr(e, scope)?;
        self.expect_boolean(x, what)
    }

    fn expect_boolean(&mut self, x: Expr, what: &str) -> Option<Expr> {
        match x.ty {
            Type::Boolean => Some(x),
            Type::Bytearray => Some(x.cast_to(&Type::Boolean)),
            _ => {
                let d = Diagnostic::error(
                    format!("type mismatch: {what} must be boolean, found {}", x.ty),
                    x.span,
                )
                .with_primary_label(format!("this is {}", x.ty));
                self.diags.push(d);
                None
            }
        }
    }

    /// Resolves and types one expression. `None` after an error (already reported).
    pub(super) fn expr(&mut self, e: &ast::Expr, scope: Scope<'_>) -> Option<Expr> {
        let span = e.span;
        match &e.kind {
            A::Literal(l) => Some(literal(l.clone(), span)),
            A::Field(ident) => self.field(&ident.name, span, scope),
            A::Positional(n) => match scope.schema.field_at(*n as usize) {
                Ok(f) => Some(self.column(*n as usize, f, span)),
                Err(err) => {
                    self.lookup_error(err, span);
                    None
                }
            },
            A::Star | A::Range { .. } => {
                self.error(
                    "`*` and ranges are only allowed in GENERATE, function arguments and ORDER BY",
                    span,
                );
                None
            }
            A::Project {
                base,
                fields,
                grouped,
            } => self.project(base, fields, *grouped, span, scope),
            A::MapLookup { base, key } => {
                let base = self.expr(base, scope)?;
                let value = match &base.ty {
                    Type::Map(v) => v.as_deref().cloned().unwrap_or(Type::Bytearray),
                    Type::Bytearray => Type::Bytearray,
                    other => {
                        self.error(
                            format!("type mismatch: `#` looks up a key in a map, found {other}"),
                            base.span,
                        );
                        return None;
                    }
                };
                let base = if base.ty == Type::Bytearray {
                    base.cast_to(&Type::Map(None))
                } else {
                    base
                };
                Some(Expr::new(
                    ExprKind::MapLookup {
                        base: Box::new(base),
                        key: key.value.clone(),
                    },
                    value,
                    true,
                    span,
                ))
            }
            A::Call { name, args } => self.call(name, args, span, scope),
            A::Unary { op, operand } => {
                let x = self.expr(operand, scope)?;
                match op {
                    ast::UnaryOp::Not => {
                        let x = self.expect_boolean(x, "the operand of NOT")?;
                        let nullable = x.nullable;
                        Some(Expr::new(
                            ExprKind::Not(Box::new(x)),
                            Type::Boolean,
                            nullable,
                            span,
                        ))
                    }
                    ast::UnaryOp::Neg => {
                        let ty = match &x.ty {
                            Type::Bytearray => Type::Double,
                            t if t.is_numeric() => t.clone(),
                            t => {
                                self.error(format!("type mismatch: cannot negate {t}"), span);
                                return None;
                            }
                        };
                        let x = x.cast_to(&ty);
                        let nullable = x.nullable;
                        Some(Expr::new(ExprKind::Neg(Box::new(x)), ty, nullable, span))
                    }
                }
            }
            A::Binary { op, lhs, rhs } => {
                let l = self.expr(lhs, scope);
                let r = self.expr(rhs, scope);
                self.binary(*op, l?, r?, span)
            }
            A::IsNull { operand, negated } => {
                let x = self.expr(operand, scope)?;
                Some(Expr::new(
                    ExprKind::IsNull {
                        operand: Box::new(x),
                        negated: *negated,
                    },
                    Type::Boolean,
                    false,
                    span,
                ))
            }
            A::In { operand, list } => {
                let x = self.expr(operand, scope)?;
                let items = self.expr_list(list, scope)?;
                let mut ty = x.ty.clone();
                for item in &items {
                    match types::comparison_type("==", &ty, &item.ty) {
                        Ok(t) => ty = t,
                        Err(err) => {
                            self.error(format!("type mismatch in IN list: {err}"), item.span);
                            return None;
                        }
                    }
                }
                let nullable = x.nullable || items.iter().any(|i| i.nullable);
                let list = items.into_iter().map(|i| i.cast_to(&ty)).collect();
                Some(Expr::new(
                    ExprKind::In {
                        operand: Box::new(x.cast_to(&ty)),
                        list,
                    },
                    Type::Boolean,
                    nullable,
                    span,
                ))
            }
            A::Bincond {
                condition,
                then,
                otherwise,
            } => {
                let c = self.condition(condition, scope, "the condition of `?:`");
                let t = self.expr(then, scope);
                let o = self.expr(otherwise, scope);
                let (c, t, o) = (c?, t?, o?);
                let ty = self.unify(&[&t, &o], span)?;
                let nullable = c.nullable || t.nullable || o.nullable;
                Some(Expr::new(
                    ExprKind::BinCond {
                        cond: Box::new(c),
                        then: Box::new(t.cast_to(&ty)),
                        otherwise: Box::new(o.cast_to(&ty)),
                    },
                    ty,
                    nullable,
                    span,
                ))
            }
            A::Case {
                operand,
                whens,
                otherwise,
            } => self.case(operand.as_deref(), whens, otherwise.as_deref(), span, scope),
            A::Cast { ty, operand } => {
                let x = self.expr(operand, scope)?;
                let to = self.ast_type(ty);
                if is_null_literal(&x) {
                    return Some(Expr::new(x.kind, to, true, span));
                }
                if !can_cast(&x.ty, &to) {
                    let d = Diagnostic::error(format!("illegal cast from {} to {to}", x.ty), span)
                        .with_primary_label(format!("this is {}", x.ty));
                    let d = if to == Type::Bytearray {
                        d.with_note("Pig cannot cast any value to bytearray")
                    } else {
                        d
                    };
                    self.diags.push(d);
                    return None;
                }
                let nullable = x.nullable || x.ty != to;
                let inner = x;
                if inner.ty == to {
                    return Some(inner);
                }
                Some(Expr::new(
                    ExprKind::Cast(Box::new(inner)),
                    to,
                    nullable,
                    span,
                ))
            }
            A::Tuple(items) => {
                let items = self.expr_list(items, scope)?;
                let schema = Schema::new(
                    items
                        .iter()
                        .map(|i| Field {
                            name: None,
                            ty: i.ty.clone(),
                            nullable: i.nullable,
                        })
                        .collect(),
                );
                Some(Expr::new(
                    ExprKind::Tuple(items),
                    Type::tuple(schema),
                    false,
                    span,
                ))
            }
            A::Bag(items) => {
                let items = self.expr_list(items, scope)?;
                let mut elem: Option<Type> = None;
                let mut same = true;
                let mut tuples = Vec::with_capacity(items.len());
                for item in items {
                    let item = match item.ty {
                        Type::Tuple(_) => item,
                        _ => {
                            let ty =
                                Type::tuple(Schema::new(vec![Field::unnamed(item.ty.clone())]));
                            let s = item.span;
                            Expr::new(ExprKind::Tuple(vec![item]), ty, false, s)
                        }
                    };
                    match &elem {
                        None => elem = Some(item.ty.clone()),
                        Some(t) if *t != item.ty => same = false,
                        Some(_) => {}
                    }
                    tuples.push(item);
                }
                let schema = match (elem, same) {
                    (Some(Type::Tuple(s)), true) => *s,
                    (None, _) => Schema::new(Vec::new()),
                    _ => Schema::unknown(),
                };
                Some(Expr::new(
                    ExprKind::Bag(tuples),
                    Type::bag(schema),
                    false,
                    span,
                ))
            }
            A::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                let mut value_ty: Option<Type> = None;
                let mut mixed = false;
                for (k, v) in entries {
                    let k = self.expr(k, scope);
                    let v = self.expr(v, scope);
                    let (k, v) = (k?, v?);
                    if !can_coerce(&k.ty, &Type::Chararray) {
                        self.error(
                            format!("type mismatch: map keys are chararray, found {}", k.ty),
                            k.span,
                        );
                        return None;
                    }
                    match &value_ty {
                        None => value_ty = Some(v.ty.clone()),
                        Some(t) if *t != v.ty => mixed = true,
                        Some(_) => {}
                    }
                    out.push((k.cast_to(&Type::Chararray), v));
                }
                let value = if mixed { None } else { value_ty.map(Box::new) };
                Some(Expr::new(ExprKind::Map(out), Type::Map(value), false, span))
            }
        }
    }

    fn field(&mut self, name: &str, span: Span, scope: Scope<'_>) -> Option<Expr> {
        let name = match self.current_frame().params.get(name) {
            Some(MacroValue::Literal(Literal::Chararray(s))) if scope.schema.lookup(s).is_ok() => {
                s.clone()
            }
            Some(MacroValue::Literal(l)) => return Some(literal(l.clone(), span)),
            Some(MacroValue::Word(w, _)) => w.clone(),
            None => name.to_string(),
        };
        if let Some(index) = scope.nested.iter().rposition(|n| n.alias == name) {
            return Some(Expr::new(
                ExprKind::Nested {
                    index,
                    name: name.clone(),
                },
                scope.nested[index].ty.clone(),
                true,
                span,
            ));
        }
        match scope.schema.lookup(&name) {
            Ok(i) => {
                let f = scope.schema.fields[i].clone();
                Some(self.column(i, f, span))
            }
            Err(err) => {
                if name.starts_with('$') && !name[1..].chars().all(|c| c.is_ascii_digit()) {
                    self.error(format!("undefined parameter `{name}`"), span);
                    return None;
                }
                if matches!(self.lookup_alias(&name), Some(Binding::Node(_))) {
                    let d = Diagnostic::error(
                        format!("`{name}` is a relation, not a field of this input"),
                        span,
                    )
                    .with_help(format!(
                        "to use a one-row relation as a scalar, project a field: `{name}.field`"
                    ));
                    self.diags.push(d);
                    return None;
                }
                self.lookup_error(err, span);
                None
            }
        }
    }

    fn project(
        &mut self,
        base: &ast::Expr,
        fields: &[ast::Expr],
        grouped: bool,
        span: Span,
        scope: Scope<'_>,
    ) -> Option<Expr> {
        if let A::Field(ident) = &base.kind {
            let is_field = scope.nested.iter().any(|n| n.alias == ident.name)
                || scope.schema.lookup(&ident.name).is_ok()
                || self.current_frame().params.contains_key(&ident.name);
            if !is_field {
                if let Some(Binding::Node(node)) = self.lookup_alias(&ident.name) {
                    return self.scalar(node, &ident.name, fields, span);
                }
                if let Some(Binding::Failed) = self.lookup_alias(&ident.name) {
                    return None;
                }
            }
        }
        let base = self.expr(base, scope)?;
        let inner = match &base.ty {
            Type::Tuple(s) | Type::Bag(s) => (**s).clone(),
            Type::Bytearray => Schema::unknown(),
            other => {
                self.error(
                    format!("type mismatch: `.` projects fields of a tuple or bag, found {other}"),
                    base.span,
                );
                return None;
            }
        };
        let inner_scope = Scope::new(&inner);
        let mut positions = Vec::with_capacity(fields.len());
        for f in fields {
            let cols = match self.expand(f, inner_scope) {
                Some(cols) => cols?,
                None => vec![self.expr(f, inner_scope)?],
            };
            for c in cols {
                match c.kind {
                    ExprKind::Column { index, .. } => positions.push(index),
                    _ => {
                        self.error("only field names and $n can be projected", c.span);
                        return None;
                    }
                }
            }
        }
        let projected = Schema::new(
            positions
                .iter()
                .map(|&i| {
                    inner
                        .field_at(i)
                        .unwrap_or_else(|_| Field::unnamed(Type::Bytearray))
                })
                .collect(),
        );
        let nullable = base.nullable;
        match &base.ty {
            Type::Bag(_) => Some(Expr::new(
                ExprKind::BagProject {
                    base: Box::new(base),
                    fields: positions,
                },
                Type::bag(projected),
                nullable,
                span,
            )),
            _ if positions.len() == 1 && !grouped => {
                let f = projected.fields[0].clone();
                let base = if base.ty == Type::Bytearray {
                    base.cast_to(&Type::tuple(Schema::unknown()))
                } else {
                    base
                };
                Some(Expr::new(
                    ExprKind::TupleField {
                        base: Box::new(base),
                        index: positions[0],
                    },
                    f.ty,
                    true,
                    span,
                ))
            }
            _ => Some(Expr::new(
                ExprKind::TupleProject {
                    base: Box::new(base),
                    fields: positions,
                },
                Type::tuple(projected),
                nullable,
                span,
            )),
        }
    }

    /// `rel.field` where `rel` is a relation: the field of its single row.
    fn scalar(
        &mut self,
        node: super::NodeId,
        alias: &str,
        fields: &[ast::Expr],
        span: Span,
    ) -> Option<Expr> {
        let [field] = fields else {
            self.error(
                format!("a scalar from relation `{alias}` must name exactly one field"),
                span,
            );
            return None;
        };
        let schema = self.plan.node(node).schema.clone();
        let position = match &field.kind {
            A::Field(id) => schema.lookup(&id.name),
            A::Positional(n) => schema.field_at(*n as usize).map(|_| *n as usize),
            _ => {
                self.error("a scalar projection names a field or $n", field.span);
                return None;
            }
        };
        match position {
            Ok(index) => {
                let ty = schema.field_at(index).map_or(Type::Bytearray, |f| f.ty);
                self.pending_scalars.push(node);
                Some(Expr::new(
                    ExprKind::Scalar { node, field: index },
                    ty,
                    true,
                    span,
                ))
            }
            Err(err) => {
                self.lookup_error(err, field.span);
                None
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, mut l: Expr, mut r: Expr, span: Span) -> Option<Expr> {
        if is_null_literal(&l) && !is_null_literal(&r) {
            l.ty = r.ty.clone();
        } else if is_null_literal(&r) && !is_null_literal(&l) {
            r.ty = l.ty.clone();
        }
        let sym = op_symbol(op);
        let nullable = l.nullable || r.nullable;
        let (operand, result, nullable) = match op {
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => {
                match types::arithmetic_type(sym, &l.ty, &r.ty) {
                    Ok(t) => {
                        let div = matches!(op, BinaryOp::Div | BinaryOp::Mod);
                        (t.clone(), t, nullable || div)
                    }
                    Err(err) => return self.type_mismatch(err, span),
                }
            }
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => match types::comparison_type(sym, &l.ty, &r.ty) {
                Ok(t) => (t, Type::Boolean, nullable),
                Err(err) => return self.type_mismatch(err, span),
            },
            BinaryOp::And | BinaryOp::Or => {
                let l2 = self.expect_boolean(l, &format!("the left operand of {sym}"));
                let r2 = self.expect_boolean(r, &format!("the right operand of {sym}"));
                let (l2, r2) = (l2?, r2?);
                return Some(Expr::new(
                    ExprKind::Binary {
                        op,
                        lhs: Box::new(l2),
                        rhs: Box::new(r2),
                    },
                    Type::Boolean,
                    nullable,
                    span,
                ));
            }
            BinaryOp::Matches => {
                self.check_regex(&r)?;
                for side in [&l, &r] {
                    if !can_coerce(&side.ty, &Type::Chararray) {
                        self.error(
                            format!(
                                "type mismatch: MATCHES compares chararrays, found {}",
                                side.ty
                            ),
                            side.span,
                        );
                        return None;
                    }
                }
                (Type::Chararray, Type::Boolean, nullable)
            }
        };
        Some(Expr::new(
            ExprKind::Binary {
                op,
                lhs: Box::new(l.cast_to(&operand)),
                rhs: Box::new(r.cast_to(&operand)),
            },
            result,
            nullable,
            span,
        ))
    }

    /// A literal regular expression must compile: pigc runs Java-style patterns on the `regex` crate,
    /// which has no look-around and no backreferences.
    fn check_regex(&mut self, pattern: &Expr) -> Option<()> {
        let ExprKind::Literal(Literal::Chararray(text)) = &pattern.kind else {
            return Some(());
        };
        match regex::RegexBuilder::new(text).build() {
            Ok(_) => Some(()),
            Err(err) => {
                let detail = err.to_string();
                let last = detail.lines().last().unwrap_or("").trim();
                let last = last.strip_prefix("error: ").unwrap_or(last).to_string();
                let d = Diagnostic::error(format!("invalid regular expression: {last}"), pattern.span)
                    .with_note("pigc evaluates Java-style patterns with Rust's regex engine: no look-around and no backreferences");
                self.diags.push(d);
                None
            }
        }
    }

    fn type_mismatch(&mut self, err: types::TypeError, span: Span) -> Option<Expr> {
        self.error(format!("type mismatch: {err}"), span);
        None
    }

    /// The common type of bincond/CASE branches (null literals take the others' type).
    fn unify(&mut self, branches: &[&Expr], span: Span) -> Option<Type> {
        let mut ty: Option<Type> = None;
        for b in branches {
            let t = (!is_null_literal(b)).then_some(&b.ty);
            match types::unify_branches(ty.as_ref(), t) {
                Ok(u) => ty = u,
                Err(err) => {
                    self.error(format!("type mismatch: {err}"), span);
                    return None;
                }
            }
        }
        Some(ty.unwrap_or(Type::Bytearray))
    }

    fn case(
        &mut self,
        operand: Option<&ast::Expr>,
        whens: &[(ast::Expr, ast::Expr)],
        otherwise: Option<&ast::Expr>,
        span: Span,
        scope: Scope<'_>,
    ) -> Option<Expr> {
        let subject = match operand {
            Some(o) => Some(self.expr(o, scope)?),
            None => None,
        };
        let mut conds = Vec::with_capacity(whens.len());
        let mut values = Vec::with_capacity(whens.len());
        let mut ok = true;
        for (w, t) in whens {
            let cond = match &subject {
                Some(s) => match self.expr(w, scope) {
                    Some(w) => {
                        let span = w.span;
                        self.binary(BinaryOp::Eq, s.clone(), w, span)
                    }
                    None => None,
                },
                None => self.condition(w, scope, "a WHEN condition"),
            };
            let value = self.expr(t, scope);
            match (cond, value) {
                (Some(c), Some(v)) => {
                    conds.push(c);
                    values.push(v);
                }
                _ => ok = false,
            }
        }
        let other = match otherwise {
            Some(o) => Some(self.expr(o, scope)?),
            None => None,
        };
        if !ok {
            return None;
        }
        let mut all: Vec<&Expr> = values.iter().collect();
        all.extend(other.as_ref());
        let ty = self.unify(&all, span)?;
        let whens = conds
            .into_iter()
            .zip(values)
            .map(|(c, v)| (c, v.cast_to(&ty)))
            .collect();
        Some(Expr::new(
            ExprKind::Case {
                whens,
                otherwise: other.map(|o| Box::new(o.cast_to(&ty))),
            },
            ty,
            true,
            span,
        ))
    }

    fn call(
        &mut self,
        name: &ast::QualifiedName,
        args: &[ast::Expr],
        span: Span,
        scope: Scope<'_>,
    ) -> Option<Expr> {
        let func = self.resolve_function(name)?;
        let args = self.expr_list(args, scope)?;
        match func {
            Func::Builtin(b) => {
                let fields: Vec<Field> = args
                    .iter()
                    .map(|a| Field {
                        name: expr_name(a),
                        ty: a.ty.clone(),
                        nullable: a.nullable,
                    })
                    .collect();
                if let Some(pattern) = b.regex_argument().and_then(|i| args.get(i)) {
                    self.check_regex(pattern)?;
                }
                match b.resolve(&fields) {
                    Ok(sig) => {
                        let args = args
                            .into_iter()
                            .zip(&sig.params)
                            .map(|(a, p)| a.cast_to(p))
                            .collect();
                        Some(Expr::new(
                            ExprKind::Call { func, args },
                            sig.ret,
                            sig.nullable,
                            span,
                        ))
                    }
                    Err(err) => {
                        self.call_error(err, span);
                        None
                    }
                }
            }
            Func::Rust(i) => {
                let udf = self.plan.udfs[i].clone();
                if udf.params.len() != args.len() {
                    self.call_error(
                        CallError::Arity {
                            name: udf.alias.clone(),
                            expected: udf.params.len().to_string(),
                            found: args.len(),
                        },
                        span,
                    );
                    return None;
                }
                let mut out = Vec::with_capacity(args.len());
                for (pos, (a, p)) in args.into_iter().zip(&udf.params).enumerate() {
                    if !can_coerce(&a.ty, p) {
                        self.call_error(
                            CallError::ArgType {
                                name: udf.alias.clone(),
                                position: pos + 1,
                                expected: p.to_string(),
                                found: a.ty.clone(),
                            },
                            a.span,
                        );
                        return None;
                    }
                    out.push(a.cast_to(p));
                }
                Some(Expr::new(
                    ExprKind::Call { func, args: out },
                    udf.ret,
                    true,
                    span,
                ))
            }
        }
    }

    fn call_error(&mut self, err: CallError, span: Span) {
        let mut d = Diagnostic::error(err.to_string(), span);
        d = match &err {
            CallError::Arity { .. } => d.with_primary_label("wrong number of arguments"),
            CallError::ArgType { .. } => d.with_primary_label("type mismatch"),
            CallError::NotABag { .. } => d.with_primary_label("aggregate outside a bag context"),
        };
        self.diags.push(d);
    }

    /// Resolves a function name: DEFINE alias, Rust UDF, builtin. Reports unknown and unsupported
    /// (Java, scripting) functions.
    pub(super) fn resolve_function(&mut self, name: &ast::QualifiedName) -> Option<Func> {
        let mut target = name.name.clone();
        if let Some(i) = self.plan.udfs.iter().position(|u| u.alias == target) {
            return Some(Func::Rust(i));
        }
        let mut via = String::new();
        if let Some(d) = self.defines.get(&target) {
            via = format!(" (DEFINE {target})");
            target = d.name.clone();
        }
        if let Some(b) = Builtin::lookup(&target) {
            return Some(Func::Builtin(b));
        }
        let span = name.span;
        if let Some((ns, _)) = target.split_once('.') {
            if let Some(engine) = self.script_namespaces.get(ns) {
                self.error(
                    format!(
                        "`{target}` is a scripting UDF ({engine}); pigc does not run scripting UDFs (not supported)"
                    ),
                    span,
                );
                return None;
            }
        }
        if target.contains('.') {
            let origin = if target.starts_with(TEST_UDF_PACKAGE) {
                " (a test UDF from Pig's test jar)"
            } else {
                ""
            };
            let d = Diagnostic::error(format!("Java UDF `{target}`{via}{origin} is not supported by pigc"), span)
                .with_help("pigc compiles to Rust: declare a Rust UDF with `DEFINE f rust('my_crate::f', '(chararray) -> long');`");
            self.diags.push(d);
            return None;
        }
        let mut candidates: Vec<String> = builtins::builtin_names().map(str::to_string).collect();
        candidates.extend(self.plan.udfs.iter().map(|u| u.alias.clone()));
        candidates.extend(self.defines.keys().cloned());
        if let Some(engine) = self.scripting_engines.first() {
            let d = Diagnostic::error(
                format!("unknown function `{target}`: a scripting UDF ({engine}) is not supported by pigc"),
                span,
            );
            self.diags.push(d);
            return None;
        }
        let mut d = Diagnostic::error(format!("unknown function `{target}`{via}"), span);
        if let Some(s) = builtins::closest(&target, candidates.iter().map(String::as_str)) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        self.diags.push(d);
        None
    }

    /// Converts a schema written in the script.
    pub(super) fn ast_schema(&mut self, s: &ast::Schema) -> Schema {
        Schema::new(
            s.fields
                .iter()
                .map(|f| Field {
                    name: f.name.as_ref().map(|n| n.name.clone()),
                    ty: f.ty.as_ref().map_or(Type::Bytearray, |t| self.ast_type(t)),
                    nullable: true,
                })
                .collect(),
        )
    }

    /// Converts a type written in the script.
    pub(super) fn ast_type(&mut self, t: &ast::Type) -> Type {
        match t {
            ast::Type::Int => Type::Int,
            ast::Type::Long => Type::Long,
            ast::Type::Float => Type::Float,
            ast::Type::Double => Type::Double,
            ast::Type::BigInteger => Type::BigInteger,
            ast::Type::BigDecimal => Type::BigDecimal,
            ast::Type::Chararray => Type::Chararray,
            ast::Type::Bytearray => Type::Bytearray,
            ast::Type::Boolean => Type::Boolean,
            ast::Type::Datetime => Type::Datetime,
            ast::Type::Tuple(s) => Type::tuple(
                s.as_ref()
                    .map_or_else(Schema::unknown, |s| self.ast_schema(s)),
            ),
            ast::Type::Bag(b) => Type::bag(
                b.tuple
                    .as_ref()
                    .map_or_else(Schema::unknown, |s| self.ast_schema(s)),
            ),
            ast::Type::Map(v) => Type::Map(v.as_ref().map(|v| Box::new(self.ast_type(v)))),
        }
    }
}

/// A literal as a typed expression (`null` is a bytearray until the context gives it a type).
pub(super) fn literal(l: Literal, span: Span) -> Expr {
    let ty = match &l {
        Literal::Null => Type::Bytearray,
        Literal::Boolean(_) => Type::Boolean,
        Literal::Int(_) => Type::Int,
        Literal::Long(_) => Type::Long,
        Literal::Float(_) => Type::Float,
        Literal::Double(_) => Type::Double,
        Literal::BigInteger(_) => Type::BigInteger,
        Literal::BigDecimal(_) => Type::BigDecimal,
        Literal::Chararray(_) => Type::Chararray,
    };
    let nullable = matches!(l, Literal::Null);
    Expr::new(ExprKind::Literal(l), ty, nullable, span)
}
