//! Builds expressions (with pest's Pratt parser for precedence), schemas and types.
//!
//! Precedence, lowest first: `? :`; `OR`; `AND`; `NOT`; comparisons, `MATCHES`, `IS [NOT] NULL`,
//! `IN (…)`; `+ -`; `* / %`; unary minus and casts; projections `.` and map lookups `#`.

use super::ast::*;
use super::build::{children, number_literal, shape_error, Build, Builder};
use super::grammar::Rule;
use crate::diagnostics::Diagnostic;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::OnceLock;

fn pratt() -> &'static PrattParser<Rule> {
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::op_or, Assoc::Left))
            .op(Op::infix(Rule::op_and, Assoc::Left))
            .op(Op::prefix(Rule::op_not))
            .op(Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left)
                | Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left)
                | Op::infix(Rule::op_matches, Assoc::Left)
                | Op::postfix(Rule::is_null_op)
                | Op::postfix(Rule::in_op))
            .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
            .op(Op::infix(Rule::op_mul, Assoc::Left)
                | Op::infix(Rule::op_div, Assoc::Left)
                | Op::infix(Rule::op_mod, Assoc::Left))
            .op(Op::prefix(Rule::op_neg) | Op::prefix(Rule::cast_prefix))
    })
}

fn binary_op(rule: Rule) -> Option<BinaryOp> {
    Some(match rule {
        Rule::op_or => BinaryOp::Or,
        Rule::op_and => BinaryOp::And,
        Rule::op_eq => BinaryOp::Eq,
        Rule::op_ne => BinaryOp::Ne,
        Rule::op_lt => BinaryOp::Lt,
        Rule::op_le => BinaryOp::Le,
        Rule::op_gt => BinaryOp::Gt,
        Rule::op_ge => BinaryOp::Ge,
        Rule::op_matches => BinaryOp::Matches,
        Rule::op_add => BinaryOp::Add,
        Rule::op_sub => BinaryOp::Sub,
        Rule::op_mul => BinaryOp::Mul,
        Rule::op_div => BinaryOp::Div,
        Rule::op_mod => BinaryOp::Mod,
        _ => return None,
    })
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl Builder<'_> {
    /// Builds an `expression` pair (or any of the expression-level pairs).
    pub(crate) fn expression(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        match pair.as_rule() {
            Rule::expression => {
                let span = self.span(&pair);
                let bincond = pair
                    .clone()
                    .into_inner()
                    .last()
                    .filter(|p| p.as_rule() == Rule::bincond);
                let condition =
                    self.operators(pair.into_inner().filter(|p| p.as_rule() != Rule::bincond))?;
                let Some(bincond) = bincond else {
                    return Ok(condition);
                };
                self.count_operators(1, span)?;
                let mut it = children(bincond);
                let then = self.next(&mut it, "bincond", span)?;
                let otherwise = self.next(&mut it, "bincond", span)?;
                Ok(Expr {
                    kind: ExprKind::Bincond {
                        condition: boxed(condition),
                        then: boxed(self.expression(then)?),
                        otherwise: boxed(self.expression(otherwise)?),
                    },
                    span,
                })
            }
            Rule::postfix_expr => self.postfix_expr(pair),
            _ => Err(shape_error("expression", self.span(&pair))),
        }
    }

    /// Builds operands and operators (an expression's pairs before any bincond) by precedence.
    fn operators<'i>(
        &mut self,
        pairs: impl Iterator<Item = Pair<'i, Rule>> + Clone,
    ) -> Build<Expr> {
        // Most expressions are a single operand: no operators to order.
        let mut operands = pairs.clone();
        if let (Some(only), None) = (operands.next(), operands.next()) {
            if only.as_rule() == Rule::postfix_expr {
                return self.postfix_expr(only);
            }
        }
        let count = pairs
            .clone()
            .filter(|p| p.as_rule() != Rule::postfix_expr)
            .count();
        if let Some(first) = pairs.clone().next() {
            let span = self.span(&first);
            self.count_operators(count, span)?;
        }
        // The Pratt callbacks cannot borrow `self` mutably all at once, so they return
        // `Build<Expr>` and collect problems through a shared cell.
        let this = std::cell::RefCell::new(self);
        let result = pratt()
            .map_primary(|p| this.borrow_mut().postfix_expr(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let mut b = this.borrow_mut();
                let op_span = b.span(&op);
                let span = op_span.to(rhs.span);
                let kind = match op.as_rule() {
                    Rule::op_not => ExprKind::Unary {
                        op: UnaryOp::Not,
                        operand: boxed(rhs),
                    },
                    Rule::op_neg => ExprKind::Unary {
                        op: UnaryOp::Neg,
                        operand: boxed(rhs),
                    },
                    _ => {
                        let ty_pair = b.next(&mut children(op), "cast", op_span)?;
                        ExprKind::Cast {
                            ty: b.cast_type(ty_pair)?,
                            operand: boxed(rhs),
                        }
                    }
                };
                Ok(Expr { kind, span })
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                let mut b = this.borrow_mut();
                let span = lhs.span.to(b.span(&op));
                let kind = match op.as_rule() {
                    Rule::is_null_op => ExprKind::IsNull {
                        negated: op.into_inner().any(|p| p.as_rule() == Rule::not_kw),
                        operand: boxed(lhs),
                    },
                    _ => {
                        let list = op
                            .into_inner()
                            .filter(|p| p.as_rule() == Rule::expression)
                            .map(|p| b.expression(p))
                            .collect::<Build<_>>()?;
                        ExprKind::In {
                            operand: boxed(lhs),
                            list,
                        }
                    }
                };
                Ok(Expr { kind, span })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let b = this.borrow();
                let op =
                    binary_op(op.as_rule()).ok_or_else(|| shape_error("operator", b.span(&op)))?;
                Ok(Expr {
                    span: lhs.span.to(rhs.span),
                    kind: ExprKind::Binary {
                        op,
                        lhs: boxed(lhs),
                        rhs: boxed(rhs),
                    },
                })
            })
            .parse(pairs);
        result
    }

    /// Builds a `postfix_expr`: a primary with projections and map lookups.
    pub(crate) fn postfix_expr(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        let mut expr = self.primary(self.next(&mut it, "primary", span)?)?;
        for suffix in it {
            let sspan = self.span(&suffix);
            self.count_operators(1, sspan)?;
            let whole = expr.span.to(sspan);
            let kind = match suffix.as_rule() {
                Rule::projection => {
                    let target = self.next(&mut children(suffix), "projection", sspan)?;
                    match target.as_rule() {
                        Rule::projection_list => {
                            let fields = children(target)
                                .map(|item| {
                                    let ispan = self.span(&item);
                                    let inner =
                                        self.next(&mut children(item), "projection", ispan)?;
                                    self.projection_target(inner)
                                })
                                .collect::<Build<_>>()?;
                            ExprKind::Project {
                                base: boxed(expr),
                                fields,
                                grouped: true,
                            }
                        }
                        _ => ExprKind::Project {
                            base: boxed(expr),
                            fields: vec![self.projection_target(target)?],
                            grouped: false,
                        },
                    }
                }
                _ => {
                    let key = self.next(&mut children(suffix), "map lookup", sspan)?;
                    ExprKind::MapLookup {
                        base: boxed(expr),
                        key: self.string(key)?,
                    }
                }
            };
            expr = Expr { kind, span: whole };
        }
        Ok(expr)
    }

    /// A projected field: a name, a position or a range.
    fn projection_target(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::range_expr => self.range(pair),
            Rule::positional => self.positional(pair),
            Rule::field_name => Ok(Expr {
                kind: ExprKind::Field(self.ident(pair)),
                span,
            }),
            _ => Err(shape_error("projection", span)),
        }
    }

    fn positional(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        let n = pair.as_str()[1..].parse::<u32>().map_err(|_| {
            Box::new(Diagnostic::error(
                format!("column `{}` is out of range", pair.as_str()),
                span,
            ))
        })?;
        Ok(Expr {
            kind: ExprKind::Positional(n),
            span,
        })
    }

    fn range(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        let mut start = None;
        let mut end = None;
        let mut seen_dots = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::DOTDOT => seen_dots = true,
                _ => {
                    let pspan = self.span(&p);
                    let inner = self.next(&mut p.into_inner(), "range", pspan)?;
                    let e = boxed(self.projection_target(inner)?);
                    if seen_dots {
                        end = Some(e);
                    } else {
                        start = Some(e);
                    }
                }
            }
        }
        Ok(Expr {
            kind: ExprKind::Range { start, end },
            span,
        })
    }

    /// Builds an operand: the pair of one of `primary`'s alternatives (`primary` is silent).
    fn primary(&mut self, inner: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&inner);
        let kind = match inner.as_rule() {
            Rule::plain_field => ExprKind::Field(self.ident(inner)),
            Rule::literal => ExprKind::Literal(self.literal(inner)?),
            Rule::range_expr => return self.range(inner),
            Rule::positional => return self.positional(inner),
            Rule::star_expr => ExprKind::Star,
            Rule::func_call => {
                let mut it = children(inner);
                let name = self.qualified_name(self.next(&mut it, "call", span)?);
                let args = it
                    .map(|arg| {
                        let aspan = self.span(&arg);
                        let a = self.next(&mut arg.into_inner(), "argument", aspan)?;
                        match a.as_rule() {
                            Rule::star_expr => Ok(Expr {
                                kind: ExprKind::Star,
                                span: aspan,
                            }),
                            Rule::range_expr => self.range(a),
                            _ => self.expression(a),
                        }
                    })
                    .collect::<Build<_>>()?;
                ExprKind::Call { name, args }
            }
            Rule::paren_expr => {
                let mut items = children(inner)
                    .map(|p| self.expression(p))
                    .collect::<Build<Vec<_>>>()?;
                if items.len() == 1 {
                    if let Some(mut only) = items.pop() {
                        only.span = span;
                        return Ok(only);
                    }
                }
                ExprKind::Tuple(items)
            }
            Rule::bag_expr => ExprKind::Bag(
                children(inner)
                    .map(|p| self.expression(p))
                    .collect::<Build<_>>()?,
            ),
            Rule::map_expr => {
                let mut entries = Vec::new();
                for entry in children(inner) {
                    if entry.as_rule() == Rule::map_sugar {
                        entries = self.map_sugar(entry)?;
                        break;
                    }
                    let espan = self.span(&entry);
                    let mut it = children(entry);
                    let key_pair = self.next(&mut it, "map entry", espan)?;
                    let key_inner = self.next(&mut key_pair.into_inner(), "map key", espan)?;
                    let key = match key_inner.as_rule() {
                        Rule::string => Expr {
                            span: self.span(&key_inner),
                            kind: ExprKind::Literal(Literal::Chararray(
                                self.string_value(&key_inner),
                            )),
                        },
                        Rule::positional => self.positional(key_inner)?,
                        _ => self.field_ref(key_inner)?,
                    };
                    let value = self.expression(self.next(&mut it, "map entry", espan)?)?;
                    entries.push((key, value));
                }
                ExprKind::Map(entries)
            }
            Rule::field_ref => return self.field_ref(inner),
            Rule::case_expr => self.case_expr(inner, span)?,
            _ => return Err(shape_error("primary expression", span)),
        };
        Ok(Expr { kind, span })
    }

    /// `[k1, v1, k2, v2]` as key/value entries.
    fn map_sugar(&mut self, pair: Pair<'_, Rule>) -> Build<Vec<(Expr, Expr)>> {
        let span = self.span(&pair);
        let items = children(pair)
            .map(|p| self.expression(p))
            .collect::<Build<Vec<_>>>()?;
        if items.len() % 2 != 0 {
            return Err(Box::new(
                Diagnostic::error(
                    "a map constructor `[k1, v1, …]` needs an even number of elements",
                    span,
                )
                .with_help("write `[key#value, …]` or give a value for every key"),
            ));
        }
        let mut entries = Vec::with_capacity(items.len() / 2);
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            entries.push((k, v));
        }
        Ok(entries)
    }

    fn field_ref(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        let name = self.next(&mut pair.into_inner(), "field", span)?;
        Ok(Expr {
            kind: ExprKind::Field(self.ident(name)),
            span,
        })
    }

    fn case_expr(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<ExprKind> {
        let mut operand = None;
        let mut whens = Vec::new();
        let mut otherwise = None;
        let mut after_else = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_else => after_else = true,
                Rule::expression if after_else => otherwise = Some(boxed(self.expression(p)?)),
                Rule::expression => operand = Some(boxed(self.expression(p)?)),
                Rule::case_when => {
                    let wspan = self.span(&p);
                    let mut it = p.into_inner().filter(|c| c.as_rule() == Rule::expression);
                    let when = self.expression(self.next(&mut it, "WHEN", wspan)?)?;
                    let then = self.expression(self.next(&mut it, "THEN", wspan)?)?;
                    whens.push((when, then));
                }
                Rule::kw_case | Rule::kw_end => {}
                _ => return Err(shape_error("CASE", span)),
            }
        }
        Ok(ExprKind::Case {
            operand,
            whens,
            otherwise,
        })
    }

    fn literal(&mut self, pair: Pair<'_, Rule>) -> Build<Literal> {
        let span = self.span(&pair);
        let inner = self.next(&mut pair.into_inner(), "literal", span)?;
        Ok(match inner.as_rule() {
            Rule::string => Literal::Chararray(self.string_value(&inner)),
            Rule::null_lit => Literal::Null,
            Rule::true_lit => Literal::Boolean(true),
            Rule::false_lit => Literal::Boolean(false),
            _ => {
                let text = inner.as_str();
                number_literal(text, false).ok_or_else(|| {
                    Box::new(
                        Diagnostic::error(format!("number `{text}` is out of range"), span)
                            .with_primary_label("does not fit its type")
                            .with_help(
                                "use an `L` suffix for long values or a decimal for doubles",
                            ),
                    )
                })?
            }
        })
    }

    // ------------------------------------------------------------ schemas and types

    /// Builds a `schema` pair.
    pub(crate) fn schema(&mut self, pair: Pair<'_, Rule>) -> Build<Schema> {
        let span = self.span(&pair);
        let fields = children(pair)
            .map(|p| self.field_schema(p))
            .collect::<Build<_>>()?;
        Ok(Schema { fields, span })
    }

    /// Builds a `field_schema` pair.
    pub(crate) fn field_schema(&mut self, pair: Pair<'_, Rule>) -> Build<FieldSchema> {
        let span = self.span(&pair);
        let mut name = None;
        let mut ty = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::schema_field_name => name = Some(self.ident(p)),
                Rule::field_type => ty = Some(self.field_type(p)?),
                _ => return Err(shape_error("schema field", span)),
            }
        }
        Ok(FieldSchema { name, ty, span })
    }

    fn field_type(&mut self, pair: Pair<'_, Rule>) -> Build<Type> {
        let span = self.span(&pair);
        let inner = self.next(&mut pair.into_inner(), "type", span)?;
        match inner.as_rule() {
            Rule::simple_type => self.simple_type(inner),
            Rule::tuple_type => self.tuple_type(inner),
            Rule::bag_type => {
                let mut bag = BagType {
                    tuple_name: None,
                    tuple: None,
                };
                for p in children(inner) {
                    match p.as_rule() {
                        Rule::kw_bag => {}
                        Rule::bag_tuple => {
                            for q in children(p) {
                                match q.as_rule() {
                                    Rule::schema_field_name => bag.tuple_name = Some(self.ident(q)),
                                    _ => {
                                        if let Type::Tuple(schema) = self.tuple_type(q)? {
                                            bag.tuple = schema;
                                        }
                                    }
                                }
                            }
                        }
                        _ => {
                            let fspan = self.span(&p);
                            let fields = children(p)
                                .map(|f| self.field_schema(f))
                                .collect::<Build<_>>()?;
                            bag.tuple = Some(Schema {
                                fields,
                                span: fspan,
                            });
                        }
                    }
                }
                Ok(Type::Bag(Box::new(bag)))
            }
            _ => {
                let value = children(inner)
                    .find(|p| p.as_rule() == Rule::field_type)
                    .map(|p| self.field_type(p))
                    .transpose()?;
                Ok(Type::Map(value.map(Box::new)))
            }
        }
    }

    fn tuple_type(&mut self, pair: Pair<'_, Rule>) -> Build<Type> {
        let span = self.span(&pair);
        let schema = children(pair)
            .find(|p| p.as_rule() == Rule::schema)
            .ok_or_else(|| shape_error("tuple type", span))?;
        Ok(Type::Tuple(Some(self.schema(schema)?)))
    }

    fn simple_type(&mut self, pair: Pair<'_, Rule>) -> Build<Type> {
        let span = self.span(&pair);
        let kw = self.next(&mut pair.into_inner(), "type", span)?;
        Ok(match kw.as_rule() {
            Rule::kw_int => Type::Int,
            Rule::kw_long => Type::Long,
            Rule::kw_float => Type::Float,
            Rule::kw_double => Type::Double,
            Rule::kw_biginteger => Type::BigInteger,
            Rule::kw_bigdecimal => Type::BigDecimal,
            Rule::kw_chararray => Type::Chararray,
            Rule::kw_bytearray => Type::Bytearray,
            Rule::kw_boolean => Type::Boolean,
            Rule::kw_datetime => Type::Datetime,
            _ => return Err(shape_error("type", span)),
        })
    }

    /// Builds a `cast_type` pair.
    fn cast_type(&mut self, pair: Pair<'_, Rule>) -> Build<Type> {
        let span = self.span(&pair);
        let inner = self.next(&mut pair.into_inner(), "cast type", span)?;
        match inner.as_rule() {
            Rule::simple_type => self.simple_type(inner),
            Rule::cast_tuple => self.cast_tuple(inner),
            Rule::cast_bag => {
                let tuple = match children(inner).find(|p| p.as_rule() == Rule::cast_tuple) {
                    Some(t) => match self.cast_tuple(t)? {
                        Type::Tuple(schema) => schema,
                        _ => None,
                    },
                    None => None,
                };
                Ok(Type::Bag(Box::new(BagType {
                    tuple_name: None,
                    tuple,
                })))
            }
            _ => {
                let value = children(inner)
                    .find(|p| p.as_rule() == Rule::cast_type)
                    .map(|p| self.cast_type(p))
                    .transpose()?;
                Ok(Type::Map(value.map(Box::new)))
            }
        }
    }

    fn cast_tuple(&mut self, pair: Pair<'_, Rule>) -> Build<Type> {
        let span = self.span(&pair);
        let fields = children(pair)
            .filter(|p| p.as_rule() == Rule::cast_type)
            .map(|p| {
                let fspan = self.span(&p);
                Ok(FieldSchema {
                    name: None,
                    ty: Some(self.cast_type(p)?),
                    span: fspan,
                })
            })
            .collect::<Build<_>>()?;
        Ok(Type::Tuple(Some(Schema { fields, span })))
    }
}
