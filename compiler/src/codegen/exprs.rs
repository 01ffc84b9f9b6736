//! Pig expressions → Rust expressions with Pig's null semantics inlined.
//!
//! A translated expression is a [`Code`]: tokens, the Rust type of the value and whether it is an
//! `Option` (nullable). Values that cannot be null are plain Rust values; nullable ones are `Option`s
//! combined with `map`/`and_then` or the runtime's null-aware helpers (`rt::data::ops`). Operands are
//! borrowed where the callee takes a reference (strings as `&str`), so fields are not cloned needlessly.

use super::names::NameSet;
use super::records::{FieldSpec, RType, RecordId, Records};
use super::CodegenError;
use crate::plan::builtins::Builtin;
use crate::plan::expr::{BinaryOp, Expr, ExprKind, Func, Literal};
use crate::plan::udf::RustUdf;
use crate::plan::Type;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::LitStr;

mod collection;

/// A translated expression.
#[derive(Debug, Clone)]
pub struct Code {
    /// The Rust expression.
    pub ts: TokenStream,
    /// The type of its value.
    pub ty: RType,
    /// Whether the value is an `Option`.
    pub opt: bool,
}

impl Code {
    fn new(ts: TokenStream, ty: RType, opt: bool) -> Self {
        Code { ts, ty, opt }
    }

    /// The value as an `Option`.
    pub fn as_option(&self) -> TokenStream {
        let ts = &self.ts;
        if self.opt {
            ts.clone()
        } else {
            quote!(Some(#ts))
        }
    }
}

/// What column references read: a row of a generated struct or an untyped tuple.
#[derive(Debug, Clone)]
pub enum Row {
    /// `row.field` of a generated struct (the tokens name a value or a reference to one).
    Record(TokenStream, RecordId),
    /// `row.get(i)` of an untyped `Tuple`.
    Tuple(TokenStream),
}

/// A name bound in the generated code (a nested FOREACH alias): the variable holds an owned value.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The variable.
    pub var: Ident,
    /// Its type.
    pub ty: RType,
    /// Whether it is an `Option`.
    pub opt: bool,
}

/// Where an expression is evaluated: the row, and the nested aliases bound so far.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The row.
    pub row: Row,
    /// Nested aliases by index (`None`: not bound yet).
    pub nested: Vec<Option<Binding>>,
}

impl Scope {
    /// A scope over one row.
    pub fn row(row: Row) -> Self {
        Scope {
            row,
            nested: Vec::new(),
        }
    }
}

/// A relation used as a scalar ([`ExprKind::Scalar`]), as the expressions being translated see it.
#[derive(Debug, Clone)]
pub struct ScalarBinding {
    /// The logical nodes whose value the relation is (a scalar expression names one of them).
    pub logical: Vec<crate::plan::NodeId>,
    /// An expression of type `Option<&S>`: the relation's row, `None` while it has none.
    pub value: TokenStream,
    /// The row's struct.
    pub record: RecordId,
}

/// Translates expressions; collects module-level statics (compiled regexes) on the way.
pub struct ExprGen<'a> {
    /// The module's structs.
    pub records: &'a mut Records,
    /// Module-level items the expressions refer to.
    pub statics: &'a mut Vec<TokenStream>,
    /// Names of module-level statics.
    pub static_names: &'a mut NameSet,
    /// The script's Rust UDFs (`Func::Rust` indexes them).
    pub udfs: &'a [RustUdf],
    /// Counter for closure variables.
    vars: usize,
    /// The script's `pigc.seed` (RANDOM's seed).
    seed: u64,
    /// The relations used as scalars that expressions may read here (none: a scalar is an error).
    scalars: Vec<ScalarBinding>,
}

fn lit_str(s: &str) -> LitStr {
    LitStr::new(s, Span::call_site())
}

/// `ts` as a method receiver (see `atom`).
pub fn receiver(ts: &TokenStream) -> TokenStream {
    atom(ts)
}

/// `ts` as a method receiver or operand: a borrow `&place` becomes `place` (auto-ref makes the
/// borrow needless), and anything that is not a simple expression (path, field, call, literal…) is
/// wrapped in parentheses.
fn atom(ts: &TokenStream) -> TokenStream {
    match syn::parse2::<syn::Expr>(ts.clone()) {
        Ok(syn::Expr::Reference(r)) if r.mutability.is_none() => {
            let inner = &r.expr;
            atom(&quote!(#inner))
        }
        // A negative literal (`-3i32`) binds looser than a method call on it.
        Ok(syn::Expr::Lit(_)) if ts.to_string().starts_with('-') => quote!((#ts)),
        Ok(
            syn::Expr::Path(_)
            | syn::Expr::Field(_)
            | syn::Expr::MethodCall(_)
            | syn::Expr::Call(_)
            | syn::Expr::Lit(_)
            | syn::Expr::Paren(_)
            | syn::Expr::Macro(_)
            | syn::Expr::Index(_)
            | syn::Expr::Tuple(_)
            | syn::Expr::Struct(_)
            | syn::Expr::Block(_),
        ) => ts.clone(),
        _ => quote!((#ts)),
    }
}

impl<'a> ExprGen<'a> {
    /// A translator adding structs to `records` and statics to `statics`.
    pub fn new(
        records: &'a mut Records,
        statics: &'a mut Vec<TokenStream>,
        static_names: &'a mut NameSet,
        udfs: &'a [RustUdf],
    ) -> Self {
        ExprGen {
            records,
            statics,
            static_names,
            udfs,
            vars: 0,
            seed: 0,
            scalars: Vec::new(),
        }
    }

    /// The same translator with these relations readable as scalars.
    pub fn with_scalars(mut self, scalars: &[ScalarBinding]) -> Self {
        self.scalars = scalars.to_vec();
        self
    }

    /// The same translator with RANDOM seeded by `seed` (the script's `pigc.seed`).
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    fn var(&mut self, base: &str) -> Ident {
        self.vars += 1;
        format_ident!("{}{}", base, self.vars)
    }

    /// The Rust type of `ty` (`Option<…>` when `opt`).
    pub fn rust_type(&self, ty: &RType, opt: bool) -> TokenStream {
        self.records.field_type(ty, opt)
    }

    /// A field of a record value: `(tokens of the place, type, optional)`.
    fn field_place(
        &self,
        base: &TokenStream,
        id: RecordId,
        index: usize,
        span: crate::parse::Span,
    ) -> Result<(TokenStream, RType, bool), CodegenError> {
        let def = self.records.get(id);
        let f = def.fields.get(index).ok_or_else(|| CodegenError::Invalid {
            message: format!("field ${index} is out of range"),
            span,
        })?;
        let ident = &f.ident;
        Ok((quote!(#base.#ident), f.ty.clone(), f.optional))
    }

    /// The place an expression names without computing (a column or a nested alias), if it is one.
    fn place(
        &self,
        scope: &Scope,
        e: &Expr,
    ) -> Result<Option<(TokenStream, RType, bool)>, CodegenError> {
        match &e.kind {
            ExprKind::Column { index, .. } => match &scope.row {
                Row::Record(row, id) => Ok(Some(self.field_place(row, *id, *index, e.span)?)),
                Row::Tuple(_) => Ok(None),
            },
            ExprKind::Row => Ok(Some(match &scope.row {
                Row::Record(row, id) => (row.clone(), RType::Record(*id), false),
                Row::Tuple(row) => (row.clone(), RType::Tuple, false),
            })),
            ExprKind::Nested { index, name } => {
                let b = scope
                    .nested
                    .get(*index)
                    .and_then(Option::as_ref)
                    .ok_or_else(|| CodegenError::Invalid {
                        message: format!("nested alias `{name}` is used before it is defined"),
                        span: e.span,
                    })?;
                let var = &b.var;
                Ok(Some((quote!(#var), b.ty.clone(), b.opt)))
            }
            _ => Ok(None),
        }
    }

    /// An owned value of a place.
    fn owned_place(place: TokenStream, ty: RType, opt: bool) -> Code {
        if ty.is_copy() {
            Code::new(place, ty, opt)
        } else {
            Code::new(quote!(#place.clone()), ty, opt)
        }
    }

    /// A borrowed view of a place (or of an owned value): `&str` for strings, `&T` for other non-`Copy`
    /// types, the value itself for `Copy` types; inside an `Option` when nullable.
    fn borrow_of(ts: TokenStream, ty: RType, opt: bool) -> Code {
        if ty.is_copy() {
            return Code::new(ts, ty, opt);
        }
        let recv = atom(&ts);
        let out = match (&ty, opt) {
            (RType::Chararray, true) => quote!(#recv.as_deref()),
            (RType::Chararray, false) => quote!(#recv.as_str()),
            (_, true) => quote!(#recv.as_ref()),
            (_, false) => quote!(&#recv),
        };
        Code::new(out, ty, opt)
    }

    /// Translates `e` into an owned value.
    pub fn eval(&mut self, scope: &Scope, e: &Expr) -> Result<Code, CodegenError> {
        if let Some((place, ty, opt)) = self.place(scope, e)? {
            return Ok(Self::owned_place(place, ty, opt));
        }
        self.eval_computed(scope, e)
    }

    /// Translates `e` into a borrowed view (see [`Self::borrow_of`]).
    pub fn eval_ref(&mut self, scope: &Scope, e: &Expr) -> Result<Code, CodegenError> {
        if let Some((place, ty, opt)) = self.place(scope, e)? {
            return Ok(Self::borrow_of(place, ty, opt));
        }
        if let ExprKind::Literal(Literal::Chararray(s)) = &e.kind {
            let s = lit_str(s);
            return Ok(Code::new(quote!(#s), RType::Chararray, false));
        }
        let c = self.eval_computed(scope, e)?;
        Ok(Self::borrow_of(c.ts, c.ty, c.opt))
    }

    /// A condition as a `bool` (FILTER, SPLIT): only `true` keeps the row.
    pub fn condition(&mut self, scope: &Scope, e: &Expr) -> Result<TokenStream, CodegenError> {
        let c = self.eval(scope, e)?;
        self.expect_type(&c, &RType::Boolean, e)?;
        let ts = c.ts;
        Ok(if c.opt { quote!(#ts == Some(true)) } else { ts })
    }

    fn expect_type(&self, c: &Code, ty: &RType, e: &Expr) -> Result<(), CodegenError> {
        if &c.ty == ty {
            Ok(())
        } else {
            Err(CodegenError::unsupported(
                format!("the expression `{e}` (of an unexpected type here)"),
                e.span,
            ))
        }
    }

    /// Applies `body` to the values of `args`, propagating nulls: nullable arguments are unwrapped with
    /// `map`/`and_then`, so the body sees plain values. `body_opt` says whether the body itself returns
    /// an `Option`. Returns the tokens and whether the result is an `Option`.
    fn lift(
        &mut self,
        args: Vec<Code>,
        body_opt: bool,
        body: impl FnOnce(&[TokenStream]) -> TokenStream,
    ) -> (TokenStream, bool) {
        let mut vals = Vec::with_capacity(args.len());
        let mut wraps = Vec::new();
        for a in &args {
            if a.opt {
                let v = self.var("v");
                vals.push(quote!(#v));
                wraps.push((atom(&a.ts), v));
            } else {
                vals.push(a.ts.clone());
            }
        }
        if wraps.is_empty() {
            return (body(&vals), body_opt);
        }
        // `x.map(f)` instead of `x.map(|v| f(v))` (clippy::redundant_closure).
        let mut inner = body(&vals);
        let mut first = true;
        for (recv, v) in wraps.into_iter().rev() {
            let direct = first && args.len() == 1;
            inner = match (first && !body_opt, direct) {
                (true, true) => match direct_fn(&inner, &v) {
                    Some(f) => quote!(#recv.map(#f)),
                    None => quote!(#recv.map(|#v| #inner)),
                },
                (true, false) => quote!(#recv.map(|#v| #inner)),
                (false, true) => match direct_fn(&inner, &v) {
                    Some(f) => quote!(#recv.and_then(#f)),
                    None => quote!(#recv.and_then(|#v| #inner)),
                },
                (false, false) => quote!(#recv.and_then(|#v| #inner)),
            };
            first = false;
        }
        (inner, true)
    }

    /// Field `field` of the relation `node` used as a scalar: null while the relation has no row.
    fn scalar(
        &self,
        node: crate::plan::NodeId,
        field: usize,
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        let binding = match &self.scalars[..] {
            [only] => Some(only),
            all => all.iter().find(|b| b.logical.contains(&node)),
        };
        let b = binding.ok_or_else(|| {
            CodegenError::unsupported(
                "a relation used as a scalar here (FOREACH, FILTER, the FOREACH of a GROUP and \
                 LIMIT/SAMPLE counts can read scalars)",
                e.span,
            )
        })?;
        let (place, ty, opt) = self.field_place(&quote!(sc), b.record, field, e.span)?;
        let get = if ty.is_copy() {
            place
        } else {
            quote!(#place.clone())
        };
        let value = &b.value;
        let ts = if opt {
            quote!(#value.and_then(|sc| #get))
        } else {
            quote!(#value.map(|sc| #get))
        };
        Ok(Code::new(ts, ty, true))
    }

    fn eval_computed(&mut self, scope: &Scope, e: &Expr) -> Result<Code, CodegenError> {
        match &e.kind {
            ExprKind::Column { index, .. } => match &scope.row {
                Row::Tuple(row) => Ok(Code::new(
                    {
                        let idx = proc_macro2::Literal::usize_unsuffixed(*index);
                        quote!(#row.get(#idx).filter(|v| !v.is_null()).cloned())
                    },
                    RType::Value,
                    true,
                )),
                Row::Record(..) => Err(CodegenError::Internal("column without a place".into())),
            },
            ExprKind::Nested { .. } | ExprKind::Row => Err(CodegenError::Internal(
                "a row or nested alias without a place".into(),
            )),
            ExprKind::Scalar { node, field } => self.scalar(*node, *field, e),
            ExprKind::Literal(l) => self.literal(l, &e.ty, e),
            ExprKind::Cast(inner) => {
                let c = self.eval(scope, inner)?;
                let target = self.records.of_pig(&e.ty, "cast")?;
                self.cast(c, &target, e)
            }
            ExprKind::Neg(inner) => {
                let c = self.eval(scope, inner)?;
                let ty = c.ty.clone();
                let (ts, opt) = self.lift(vec![c], false, |v| {
                    let x = &v[0];
                    quote!(rt::data::ops::PigArith::pig_neg(#x))
                });
                Ok(Code::new(ts, ty, opt))
            }
            ExprKind::Not(inner) => {
                let c = self.eval(scope, inner)?;
                let x = atom(&c.ts);
                Ok(if c.opt {
                    Code::new(quote!(rt::data::ops::not(#x)), RType::Boolean, true)
                } else {
                    Code::new(quote!(!#x), RType::Boolean, false)
                })
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(scope, *op, lhs, rhs, e),
            ExprKind::IsNull { operand, negated } => {
                let c = match self.place(scope, operand)? {
                    Some((place, ty, opt)) => Code::new(place, ty, opt),
                    None => self.eval_ref(scope, operand)?,
                };
                if !c.opt {
                    return Ok(Code::new(quote!(#negated), RType::Boolean, false));
                }
                let x = atom(&c.ts);
                let ts = if *negated {
                    quote!(#x.is_some())
                } else {
                    quote!(#x.is_none())
                };
                Ok(Code::new(ts, RType::Boolean, false))
            }
            ExprKind::In { operand, list } => {
                let x = self.eval_ref(scope, operand)?;
                let mut items = Vec::with_capacity(list.len());
                for item in list {
                    let c = self.eval_ref(scope, item)?;
                    if c.ty != x.ty {
                        return Err(CodegenError::unsupported(
                            "IN with candidates of another type than the value",
                            item.span,
                        ));
                    }
                    items.push(c.as_option());
                }
                let xo = x.as_option();
                Ok(Code::new(
                    quote!(rt::data::ops::is_in(#xo, &[#(#items),*])),
                    RType::Boolean,
                    true,
                ))
            }
            ExprKind::BinCond {
                cond,
                then,
                otherwise,
            } => {
                let c = self.eval(scope, cond)?;
                let t = self.eval(scope, then)?;
                let o = self.eval(scope, otherwise)?;
                self.choose(c, t, o, e)
            }
            ExprKind::Case { whens, otherwise } => {
                // Pig plans CASE as nested bincond: a null condition gives null.
                let mut acc = match otherwise {
                    Some(o) => self.eval(scope, o)?,
                    None => {
                        let ty = self.records.of_pig(&e.ty, "case")?;
                        let t = self.rust_type(&ty, false);
                        Code::new(quote!(None::<#t>), ty, true)
                    }
                };
                for (w, t) in whens.iter().rev() {
                    let c = self.eval(scope, w)?;
                    let t = self.eval(scope, t)?;
                    acc = self.choose(c, t, acc, e)?;
                }
                Ok(acc)
            }
            ExprKind::Call { func, args } => match func {
                Func::Builtin(b) => self.call(scope, *b, args, e),
                Func::Rust(i) => self.udf_call(scope, *i, args, e),
            },
            ExprKind::TupleField { base, index } => {
                let b = self.eval_ref(scope, base)?;
                self.tuple_field(b, *index, e)
            }
            ExprKind::TupleProject { base, fields } => {
                let b = self.eval_ref(scope, base)?;
                let RType::Record(id) = b.ty else {
                    return Err(CodegenError::unsupported(
                        "projecting fields of an untyped tuple",
                        e.span,
                    ));
                };
                let t = self.var("t");
                let (rec, ts) = self.project_record(&quote!(#t), id, fields, e)?;
                let recv = atom(&b.ts);
                Ok(if b.opt {
                    Code::new(quote!(#recv.map(|#t| #ts)), RType::Record(rec), true)
                } else {
                    let base_ts = b.ts.clone();
                    let (_, ts) = self.project_record(&atom(&base_ts), id, fields, e)?;
                    Code::new(ts, RType::Record(rec), false)
                })
            }
            ExprKind::BagProject { base, fields } => {
                let b = self.eval_ref(scope, base)?;
                let RType::Bag(elem) = &b.ty else {
                    return Err(CodegenError::unsupported("projecting a non-bag", e.span));
                };
                let t = self.var("t");
                let (elem_ty, item) = match **elem {
                    RType::Record(id) => {
                        let (rec, ts) = self.project_record(&quote!(#t), id, fields, e)?;
                        (RType::Record(rec), ts)
                    }
                    _ => {
                        let gets = fields
                            .iter()
                            .map(|i| proc_macro2::Literal::usize_unsuffixed(*i))
                            .map(|i| quote!(#t.get(#i).cloned().unwrap_or_default()));
                        (
                            RType::Tuple,
                            quote!(rt::data::Tuple(Vec::from([#(#gets),*]))),
                        )
                    }
                };
                let ty = RType::Bag(Box::new(elem_ty));
                let recv = atom(&b.ts);
                Ok(if b.opt {
                    Code::new(
                        quote!(#recv.map(|b| b.iter().map(|#t| #item).collect::<rt::data::Bag<_>>())),
                        ty,
                        true,
                    )
                } else {
                    Code::new(
                        quote!(#recv.iter().map(|#t| #item).collect::<rt::data::Bag<_>>()),
                        ty,
                        false,
                    )
                })
            }
            ExprKind::MapLookup { base, key } => {
                let b = self.eval_ref(scope, base)?;
                if b.ty != RType::Map {
                    return Err(CodegenError::unsupported(
                        "a map lookup on a non-map",
                        e.span,
                    ));
                }
                let k = lit_str(key);
                let recv = atom(&b.ts);
                let ts = if b.opt {
                    quote!(#recv.and_then(|m| m.get(#k)).filter(|v| !v.is_null()).cloned())
                } else {
                    quote!(#recv.get(#k).filter(|v| !v.is_null()).cloned())
                };
                let looked_up = Code::new(ts, RType::Value, true);
                let target = self.records.of_pig(&e.ty, "value")?;
                if target == RType::Bytearray {
                    Ok(looked_up)
                } else {
                    self.cast(looked_up, &target, e)
                }
            }
            ExprKind::Tuple(items) => {
                let mut codes = Vec::with_capacity(items.len());
                for i in items {
                    codes.push(self.eval(scope, i)?);
                }
                let names = match &e.ty {
                    Type::Tuple(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
                    _ => vec![None; codes.len()],
                };
                let (rec, ts) = self.record_literal("tuple", codes, names);
                Ok(Code::new(ts, RType::Record(rec), false))
            }
            ExprKind::Bag(items) => {
                let mut codes = Vec::with_capacity(items.len());
                for i in items {
                    codes.push(self.eval(scope, i)?);
                }
                let Some(first) = codes.first() else {
                    return Err(CodegenError::unsupported("an empty bag constant", e.span));
                };
                let ty = first.ty.clone();
                if codes.iter().any(|c| c.ty != ty || c.opt) {
                    return Err(CodegenError::unsupported(
                        "a bag constant with tuples of different types",
                        e.span,
                    ));
                }
                let items = codes.iter().map(|c| &c.ts);
                Ok(Code::new(
                    quote!(rt::data::Bag::from_vec(Vec::from([#(#items),*]))),
                    RType::Bag(Box::new(ty)),
                    false,
                ))
            }
            ExprKind::Map(entries) => {
                let mut pairs = Vec::with_capacity(entries.len());
                for (k, v) in entries {
                    let k = self.eval(scope, k)?;
                    let v = self.eval(scope, v)?;
                    let ko = k.as_option();
                    let vo = v.as_option();
                    pairs.push(quote!((#ko, rt::data::Value::from(#vo))));
                }
                Ok(Code::new(
                    quote!(rt::builtins::collection::to_map([#(#pairs),*])),
                    RType::Map,
                    false,
                ))
            }
        }
    }

    /// A struct literal of a new record holding `codes`, named after `hint`.
    fn record_literal(
        &mut self,
        hint: &str,
        codes: Vec<Code>,
        names: Vec<Option<String>>,
    ) -> (RecordId, TokenStream) {
        let specs = codes
            .iter()
            .enumerate()
            .map(|(i, c)| FieldSpec {
                pig_name: names.get(i).cloned().flatten(),
                ty: c.ty.clone(),
                optional: c.opt,
            })
            .collect();
        let rec = self
            .records
            .record(hint, format!("Tuples built by `{hint}`"), specs);
        let def = self.records.get(rec);
        let name = &def.ident;
        let inits = def.fields.iter().zip(&codes).map(|(f, c)| {
            let id = &f.ident;
            let ts = &c.ts;
            quote!(#id: #ts)
        });
        (rec, quote!(#name { #(#inits),* }))
    }

    /// A new record of some fields of record `id` held by `base` (a reference or value).
    fn project_record(
        &mut self,
        base: &TokenStream,
        id: RecordId,
        fields: &[usize],
        e: &Expr,
    ) -> Result<(RecordId, TokenStream), CodegenError> {
        let mut codes = Vec::with_capacity(fields.len());
        let mut names = Vec::with_capacity(fields.len());
        for &i in fields {
            let (place, ty, opt) = self.field_place(base, id, i, e.span)?;
            names.push(self.records.get(id).fields[i].pig_name.clone());
            codes.push(Self::owned_place(place, ty, opt));
        }
        Ok(self.record_literal("projection", codes, names))
    }

    /// Field `index` of a tuple given as a borrowed view.
    fn tuple_field(&mut self, b: Code, index: usize, e: &Expr) -> Result<Code, CodegenError> {
        let recv = atom(&b.ts);
        match b.ty {
            RType::Record(id) => {
                let t = self.var("t");
                let (place, ty, opt) = self.field_place(&quote!(#t), id, index, e.span)?;
                let owned = Self::owned_place(place, ty.clone(), opt).ts;
                if !b.opt {
                    let (place, ty, opt) = self.field_place(&recv, id, index, e.span)?;
                    return Ok(Self::owned_place(place, ty, opt));
                }
                let ts = if opt {
                    quote!(#recv.and_then(|#t| #owned))
                } else {
                    quote!(#recv.map(|#t| #owned))
                };
                Ok(Code::new(ts, ty, true))
            }
            RType::Tuple => {
                let index = proc_macro2::Literal::usize_unsuffixed(index);
                let ts = if b.opt {
                    quote!(#recv.and_then(|t| t.get(#index)).filter(|v| !v.is_null()).cloned())
                } else {
                    quote!(#recv.get(#index).filter(|v| !v.is_null()).cloned())
                };
                let v = Code::new(ts, RType::Value, true);
                let target = self.records.of_pig(&e.ty, "field")?;
                if matches!(target, RType::Bytearray) {
                    Ok(v)
                } else {
                    self.cast(v, &target, e)
                }
            }
            _ => Err(CodegenError::unsupported("a field of a non-tuple", e.span)),
        }
    }

    /// `cond ? then : otherwise` with Pig's null condition giving null.
    fn choose(&mut self, c: Code, t: Code, o: Code, e: &Expr) -> Result<Code, CodegenError> {
        if t.ty != o.ty {
            return Err(CodegenError::unsupported(
                "branches of different Rust types",
                e.span,
            ));
        }
        let ty = t.ty.clone();
        let opt = c.opt || t.opt || o.opt;
        let (tt, ot) = if opt {
            (t.as_option(), o.as_option())
        } else {
            (t.ts, o.ts)
        };
        let cond = &c.ts;
        let ts = if c.opt {
            quote!(match #cond { Some(true) => #tt, Some(false) => #ot, None => None })
        } else {
            quote!(if #cond { #tt } else { #ot })
        };
        Ok(Code::new(ts, ty, opt))
    }

    fn literal(&mut self, l: &Literal, ty: &Type, e: &Expr) -> Result<Code, CodegenError> {
        let code = |ts, ty| Ok(Code::new(ts, ty, false));
        match l {
            Literal::Null => {
                let rty = self.records.of_pig(ty, "null")?;
                let t = self.rust_type(&rty, false);
                Ok(Code::new(quote!(None::<#t>), rty, true))
            }
            Literal::Boolean(b) => code(quote!(#b), RType::Boolean),
            Literal::Int(i) => code(quote!(#i), RType::Int),
            Literal::Long(i) => code(quote!(#i), RType::Long),
            Literal::Float(x) => {
                let v = float_tokens32(*x);
                code(quote!(rt::data::Float(#v)), RType::Float)
            }
            Literal::Double(x) => {
                let v = float_tokens64(*x);
                code(quote!(rt::data::Double(#v)), RType::Double)
            }
            Literal::Chararray(s) => {
                let s = lit_str(s);
                code(quote!(String::from(#s)), RType::Chararray)
            }
            Literal::BigInteger(s) => {
                let s = lit_str(s);
                Ok(Code::new(
                    quote!(#s.parse::<rt::data::BigInt>().ok()),
                    RType::BigInteger,
                    true,
                ))
            }
            Literal::BigDecimal(s) => {
                let s = lit_str(s);
                Ok(Code::new(
                    quote!(#s.parse::<rt::data::BigDecimal>().ok()),
                    RType::BigDecimal,
                    true,
                ))
            }
        }
        .map_err(|err: CodegenError| match err {
            CodegenError::Internal(m) => CodegenError::Invalid {
                message: m,
                span: e.span,
            },
            other => other,
        })
    }

    fn binary(
        &mut self,
        scope: &Scope,
        op: BinaryOp,
        lhs: &Expr,
        rhs: &Expr,
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let a = self.eval(scope, lhs)?;
                let b = self.eval(scope, rhs)?;
                if !a.opt && !b.opt {
                    let (x, y) = (atom(&a.ts), atom(&b.ts));
                    let ts = if op == BinaryOp::And {
                        quote!(#x && #y)
                    } else {
                        quote!(#x || #y)
                    };
                    return Ok(Code::new(ts, RType::Boolean, false));
                }
                let (x, y) = (a.as_option(), b.as_option());
                let ts = if op == BinaryOp::And {
                    quote!(rt::data::ops::and(#x, #y))
                } else {
                    quote!(rt::data::ops::or(#x, #y))
                };
                Ok(Code::new(ts, RType::Boolean, true))
            }
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => {
                let a = self.eval_ref(scope, lhs)?;
                let b = self.eval_ref(scope, rhs)?;
                if a.ty != b.ty {
                    return Err(CodegenError::unsupported(
                        format!("comparing values of different types in `{e}`"),
                        e.span,
                    ));
                }
                if !a.opt && !b.opt {
                    let (x, y) = (atom(&a.ts), atom(&b.ts));
                    let ts = match op {
                        BinaryOp::Eq => quote!(#x == #y),
                        BinaryOp::Ne => quote!(#x != #y),
                        BinaryOp::Lt => quote!(#x < #y),
                        BinaryOp::Le => quote!(#x <= #y),
                        BinaryOp::Gt => quote!(#x > #y),
                        _ => quote!(#x >= #y),
                    };
                    return Ok(Code::new(ts, RType::Boolean, false));
                }
                let f = match op {
                    BinaryOp::Eq => quote!(eq),
                    BinaryOp::Ne => quote!(ne),
                    BinaryOp::Lt => quote!(lt),
                    BinaryOp::Le => quote!(le),
                    BinaryOp::Gt => quote!(gt),
                    _ => quote!(ge),
                };
                let (x, y) = (a.as_option(), b.as_option());
                Ok(Code::new(
                    quote!(rt::data::ops::#f(#x, #y)),
                    RType::Boolean,
                    true,
                ))
            }
            BinaryOp::Matches => {
                let s = self.eval_ref(scope, lhs)?;
                self.expect_type(&s, &RType::Chararray, lhs)?;
                let so = s.as_option();
                if let ExprKind::Literal(Literal::Chararray(p)) = &rhs.kind {
                    let name = self.static_names.fresh("PATTERN");
                    let name = format_ident!("{}", name);
                    let p = lit_str(p);
                    self.statics.push(quote! {
                        /// A MATCHES pattern of the script, compiled once (an invalid pattern matches nothing: null).
                        static #name: std::sync::LazyLock<Option<rt::data::pattern::FullMatch>> =
                            std::sync::LazyLock::new(|| rt::data::pattern::FullMatch::new(#p).ok());
                    });
                    Ok(Code::new(
                        quote!(#name.as_ref().and_then(|p| p.matches(#so))),
                        RType::Boolean,
                        true,
                    ))
                } else {
                    let p = self.eval_ref(scope, rhs)?;
                    let po = p.as_option();
                    Ok(Code::new(
                        quote!(rt::data::pattern::matches_dynamic(#so, #po)),
                        RType::Boolean,
                        true,
                    ))
                }
            }
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => {
                let a = self.eval(scope, lhs)?;
                let b = self.eval(scope, rhs)?;
                if a.ty != b.ty || !is_numeric(&a.ty) {
                    return Err(CodegenError::unsupported(
                        format!("arithmetic on these operand types in `{e}`"),
                        e.span,
                    ));
                }
                let ty = a.ty.clone();
                let (m, f, total) = match op {
                    BinaryOp::Add => (quote!(pig_add), quote!(add), true),
                    BinaryOp::Sub => (quote!(pig_sub), quote!(sub), true),
                    BinaryOp::Mul => (quote!(pig_mul), quote!(mul), true),
                    BinaryOp::Div => (quote!(pig_div), quote!(div), false),
                    _ => (quote!(pig_rem), quote!(rem), false),
                };
                if !a.opt && !b.opt {
                    let (x, y) = (&a.ts, &b.ts);
                    return Ok(Code::new(
                        quote!(rt::data::ops::PigArith::#m(#x, #y)),
                        ty,
                        !total,
                    ));
                }
                let (x, y) = (a.as_option(), b.as_option());
                Ok(Code::new(quote!(rt::data::ops::#f(#x, #y)), ty, true))
            }
        }
    }

    /// Converts `c` to `target` with Pig's cast rules.
    pub fn cast(&mut self, c: Code, target: &RType, e: &Expr) -> Result<Code, CodegenError> {
        self.cast_at(c, target, &e.to_string(), e.span)
    }

    /// [`Self::cast`] of a value that is not an expression of the script (`what` names it in errors).
    pub fn cast_at(
        &mut self,
        c: Code,
        target: &RType,
        what: &str,
        span: crate::parse::Span,
    ) -> Result<Code, CodegenError> {
        if &c.ty == target {
            return Ok(c);
        }
        use RType::*;
        let src = c.ty.clone();
        // Total numeric conversions (Java's primitive casts).
        let total: Option<fn(&TokenStream) -> TokenStream> = match (&src, target) {
            (Int, Long) => Some(|x| quote!(i64::from(#x))),
            (Int, Float) => Some(|x| quote!(rt::data::Float(#x as f32))),
            (Int, Double) => Some(|x| quote!(rt::data::Double(f64::from(#x)))),
            (Long, Int) => Some(|x| quote!(#x as i32)),
            (Long, Float) => Some(|x| quote!(rt::data::Float(#x as f32))),
            (Long, Double) => Some(|x| quote!(rt::data::Double(#x as f64))),
            (Float, Double) => Some(|x| quote!(rt::data::Double(f64::from(#x.0)))),
            (Float, Int) => Some(|x| quote!(#x.0 as i32)),
            (Float, Long) => Some(|x| quote!(#x.0 as i64)),
            (Double, Int) => Some(|x| quote!(#x.0 as i32)),
            (Double, Long) => Some(|x| quote!(#x.0 as i64)),
            (Double, Float) => Some(|x| quote!(rt::data::Float(#x.0 as f32))),
            (
                Int | Long | Float | Double | Boolean | Datetime | BigInteger | BigDecimal,
                Chararray,
            ) => Some(|x| quote!(rt::data::PigText::to_text(&#x))),
            (Bytearray, Chararray) => {
                Some(|x| quote!(rt::data::cast::bytes_to_chararray(#x.as_slice())))
            }
            _ => None,
        };
        if let Some(f) = total {
            let (ts, opt) = self.lift(vec![c], false, |v| f(&atom(&v[0])));
            return Ok(Code::new(ts, target.clone(), opt));
        }
        // Parsing conversions from text.
        let parse = match (&src, target) {
            (Chararray, Int) => Some(quote!(text_to_int)),
            (Chararray, Long) => Some(quote!(text_to_long)),
            (Chararray, Float) => Some(quote!(text_to_float)),
            (Chararray, Double) => Some(quote!(text_to_double)),
            (Chararray, Boolean) => Some(quote!(text_to_boolean)),
            (Chararray, Datetime) => Some(quote!(text_to_datetime)),
            (Chararray, BigInteger) => Some(quote!(text_to_biginteger)),
            (Chararray, BigDecimal) => Some(quote!(text_to_bigdecimal)),
            (Bytearray, Int) => Some(quote!(bytes_to_int)),
            (Bytearray, Long) => Some(quote!(bytes_to_long)),
            (Bytearray, Float) => Some(quote!(bytes_to_float)),
            (Bytearray, Double) => Some(quote!(bytes_to_double)),
            (Bytearray, Boolean) => Some(quote!(bytes_to_boolean)),
            (Bytearray, Datetime) => Some(quote!(bytes_to_datetime)),
            (Bytearray, BigInteger) => Some(quote!(bytes_to_biginteger)),
            (Bytearray, BigDecimal) => Some(quote!(bytes_to_bigdecimal)),
            (Bytearray, Map) => Some(quote!(bytes_to_map)),
            (Bytearray, Tuple) => Some(quote!(bytes_to_tuple)),
            _ => None,
        };
        if let Some(f) = parse {
            let b = Self::borrow_of(c.ts, c.ty, c.opt);
            let b = if src == Bytearray {
                let recv = atom(&b.ts);
                if b.opt {
                    Code::new(
                        quote!(#recv.map(rt::data::Bytes::as_slice)),
                        Bytearray,
                        true,
                    )
                } else {
                    Code::new(quote!(#recv.as_slice()), Bytearray, false)
                }
            } else {
                b
            };
            let (ts, _) = self.lift(vec![b], true, |v| {
                let x = &v[0];
                quote!(rt::data::cast::#f(#x))
            });
            return Ok(Code::new(ts, target.clone(), true));
        }
        // Everything else goes through the dynamic value and the runtime's cast rules.
        let convertible_from = matches!(
            src,
            Int | Long
                | Float
                | Double
                | Boolean
                | Datetime
                | Bytearray
                | Chararray
                | BigInteger
                | BigDecimal
                | Map
                | Tuple
                | Value
        ) || matches!(&src, Bag(inner) if **inner == Tuple);
        if !convertible_from || matches!(target, Value) {
            return Err(CodegenError::unsupported(
                format!("this cast in `{what}`"),
                span,
            ));
        }
        let t = self.rust_type(target, false);
        let (ts, _) = self.lift(vec![c], true, |v| {
            let x = &v[0];
            if src == Value {
                quote!(<#t as rt::data::FromValue>::from_value(&#x))
            } else {
                quote!(<#t as rt::data::FromValue>::from_value(&rt::data::Value::from(#x)))
            }
        });
        Ok(Code::new(ts, target.clone(), true))
    }

    /// Converts a runtime builtin's untyped result to the type the plan gives it (e.g. TOKENIZE's
    /// `Bag<Tuple>` to a bag of `(token: chararray)` structs).
    fn conform(&mut self, c: Code, ty: &Type, e: &Expr) -> Result<Code, CodegenError> {
        let target = self.records.of_pig(ty, "result")?;
        if c.ty == target {
            return Ok(c);
        }
        self.cast(c, &target, e)
    }

    fn call(
        &mut self,
        scope: &Scope,
        b: Builtin,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        use Builtin::*;
        if matches!(b, Count | CountStar | Sum | Avg | Min | Max) {
            return self.aggregate_call(scope, b, args, e);
        }
        if let Some(c) = self.collection_call(scope, b, args, e)? {
            return Ok(c);
        }
        let mut refs = Vec::with_capacity(args.len());
        for a in args {
            refs.push(self.eval_ref(scope, a)?);
        }
        if b == RoundTo && refs.len() == 2 {
            // Pig's default rounding mode (HALF_EVEN's ordinal in java.math.RoundingMode).
            refs.push(Code::new(
                quote!(rt::builtins::math::ROUND_TO_DEFAULT_MODE),
                RType::Int,
                false,
            ));
        }
        let arg_ty = |i: usize| refs.get(i).map(|c| c.ty.clone());
        let path = |module: &str, name: &str| -> TokenStream {
            let m = format_ident!("{}", module);
            let n = format_ident!("{}", name);
            quote!(rt::builtins::#m::#n)
        };
        // (function path, result type, whether the function returns an Option)
        let simple: Option<(TokenStream, RType, bool)> = match b {
            Upper => Some((path("string", "upper"), RType::Chararray, false)),
            Lower => Some((path("string", "lower"), RType::Chararray, false)),
            UcFirst => Some((path("string", "ucfirst"), RType::Chararray, false)),
            LcFirst => Some((path("string", "lcfirst"), RType::Chararray, false)),
            Trim => Some((path("string", "trim"), RType::Chararray, false)),
            LTrim => Some((path("string", "ltrim"), RType::Chararray, false)),
            RTrim => Some((path("string", "rtrim"), RType::Chararray, false)),
            Substring => Some((path("string", "substring"), RType::Chararray, true)),
            LastIndexOf => Some((path("string", "last_index_of"), RType::Int, false)),
            Replace => Some((path("string", "replace"), RType::Chararray, true)),
            RegexExtract => Some((path("string", "regex_extract"), RType::Chararray, true)),
            RegexExtractAll => Some((path("string", "regex_extract_all"), RType::Tuple, true)),
            StartsWith => Some((path("string", "startswith"), RType::Boolean, false)),
            EndsWith => Some((path("string", "endswith"), RType::Boolean, false)),
            EqualsIgnoreCase => Some((path("string", "equals_ignore_case"), RType::Boolean, false)),
            Ceil | Floor => {
                let name = if b == Ceil { "ceil" } else { "floor" };
                match arg_ty(0) {
                    Some(RType::Double) => Some((path("math", name), RType::Double, false)),
                    Some(RType::Float) => {
                        Some((path("math", &format!("{name}_float")), RType::Float, false))
                    }
                    Some(RType::BigDecimal) => Some((
                        path("math", &format!("{name}_bigdecimal")),
                        RType::BigDecimal,
                        false,
                    )),
                    _ => None,
                }
            }
            Sqrt => Some((path("math", "sqrt"), RType::Double, false)),
            Cbrt => Some((path("math", "cbrt"), RType::Double, false)),
            Exp => Some((path("math", "exp"), RType::Double, false)),
            Log => Some((path("math", "log"), RType::Double, false)),
            Log10 => Some((path("math", "log10"), RType::Double, false)),
            ToUnixTime => Some((path("datetime", "to_unix_time"), RType::Long, false)),
            ToMilliSeconds => Some((path("datetime", "to_milliseconds"), RType::Long, false)),
            GetYear => Some((path("datetime", "get_year"), RType::Int, false)),
            GetMonth => Some((path("datetime", "get_month"), RType::Int, false)),
            GetDay => Some((path("datetime", "get_day"), RType::Int, false)),
            GetWeek => Some((path("datetime", "get_week"), RType::Int, false)),
            GetWeekYear => Some((path("datetime", "get_week_year"), RType::Int, false)),
            GetHour => Some((path("datetime", "get_hour"), RType::Int, false)),
            GetMinute => Some((path("datetime", "get_minute"), RType::Int, false)),
            GetSecond => Some((path("datetime", "get_second"), RType::Int, false)),
            GetMilliSecond => Some((path("datetime", "get_millisecond"), RType::Int, false)),
            YearsBetween => Some((path("datetime", "years_between"), RType::Long, false)),
            MonthsBetween => Some((path("datetime", "months_between"), RType::Long, false)),
            WeeksBetween => Some((path("datetime", "weeks_between"), RType::Long, false)),
            DaysBetween => Some((path("datetime", "days_between"), RType::Long, false)),
            HoursBetween => Some((path("datetime", "hours_between"), RType::Long, false)),
            MinutesBetween => Some((path("datetime", "minutes_between"), RType::Long, false)),
            SecondsBetween => Some((path("datetime", "seconds_between"), RType::Long, false)),
            MilliSecondsBetween => {
                Some((path("datetime", "milliseconds_between"), RType::Long, false))
            }
            AddDuration => Some((path("datetime", "add_duration"), RType::Datetime, true)),
            SubtractDuration => {
                Some((path("datetime", "subtract_duration"), RType::Datetime, true))
            }
            Abs => match arg_ty(0) {
                Some(RType::Int) => Some((path("math", "abs_int"), RType::Int, false)),
                Some(RType::Long) => Some((path("math", "abs_long"), RType::Long, false)),
                Some(RType::Float) => Some((path("math", "abs_float"), RType::Float, false)),
                Some(RType::Double) => Some((path("math", "abs_double"), RType::Double, false)),
                Some(RType::BigInteger) => {
                    Some((path("math", "abs_biginteger"), RType::BigInteger, false))
                }
                Some(RType::BigDecimal) => {
                    Some((path("math", "abs_bigdecimal"), RType::BigDecimal, false))
                }
                _ => None,
            },
            Round => match arg_ty(0) {
                Some(RType::Double) => Some((path("math", "round_double"), RType::Long, false)),
                Some(RType::Float) => Some((path("math", "round_float"), RType::Int, false)),
                Some(RType::BigDecimal) => {
                    Some((path("math", "round_bigdecimal"), RType::BigDecimal, false))
                }
                _ => None,
            },
            RoundTo => match arg_ty(0) {
                Some(RType::Double) => Some((path("math", "round_to_double"), RType::Double, true)),
                Some(RType::Float) => Some((path("math", "round_to_float"), RType::Float, true)),
                _ => None,
            },
            Size => match arg_ty(0) {
                Some(RType::Chararray) => {
                    Some((path("string", "size_chararray"), RType::Long, false))
                }
                Some(RType::Bag(_)) => Some((path("collection", "size_bag"), RType::Long, false)),
                Some(RType::Map) => Some((path("collection", "size_map"), RType::Long, false)),
                Some(RType::Tuple) => Some((path("collection", "size_tuple"), RType::Long, false)),
                Some(RType::Bytearray) => {
                    Some((path("collection", "size_bytearray"), RType::Long, false))
                }
                Some(RType::Value) => Some((path("collection", "size_value"), RType::Long, true)),
                Some(
                    RType::Int
                    | RType::Long
                    | RType::Float
                    | RType::Double
                    | RType::Boolean
                    | RType::Datetime
                    | RType::BigInteger
                    | RType::BigDecimal,
                ) => Some((path("collection", "size_scalar"), RType::Long, false)),
                _ => None,
            },
            IsEmpty => match arg_ty(0) {
                Some(RType::Bag(_)) => {
                    Some((path("collection", "is_empty_bag"), RType::Boolean, false))
                }
                Some(RType::Map) => {
                    Some((path("collection", "is_empty_map"), RType::Boolean, false))
                }
                Some(RType::Bytearray) => Some((
                    path("collection", "is_empty_bytearray"),
                    RType::Boolean,
                    true,
                )),
                Some(RType::Value) => {
                    Some((path("collection", "is_empty_value"), RType::Boolean, true))
                }
                _ => None,
            },
            ToString => match refs.len() {
                1 => Some((path("datetime", "to_string"), RType::Chararray, false)),
                _ => Some((path("datetime", "to_string_format"), RType::Chararray, true)),
            },
            ToDate => match (refs.len(), arg_ty(0)) {
                (1, Some(RType::Long)) => {
                    Some((path("datetime", "to_date_millis"), RType::Datetime, true))
                }
                (1, Some(RType::Chararray)) => {
                    Some((path("datetime", "to_date_iso"), RType::Datetime, true))
                }
                (2, _) => Some((path("datetime", "to_date_format"), RType::Datetime, true)),
                (3, _) => Some((
                    path("datetime", "to_date_format_zone"),
                    RType::Datetime,
                    true,
                )),
                _ => None,
            },
            _ => None,
        };
        if let Some((f, ty, ret_opt)) = simple {
            let (ts, opt) = self.lift(refs, ret_opt, |v| quote!(#f(#(#v),*)));
            let c = Code::new(ts, ty, opt);
            return self.conform(c, &e.ty, e);
        }
        match b {
            Size if matches!(arg_ty(0), Some(RType::Record(_))) => {
                // A typed tuple's size is its width.
                let Some(RType::Record(id)) = arg_ty(0) else {
                    return Err(CodegenError::Internal("SIZE of a record".into()));
                };
                let n = i64::try_from(self.records.get(id).fields.len()).unwrap_or(i64::MAX);
                let t = &refs[0];
                let recv = atom(&t.ts);
                Ok(if t.opt {
                    Code::new(quote!(#recv.map(|_| #n)), RType::Long, true)
                } else {
                    Code::new(quote!(#n), RType::Long, false)
                })
            }
            Concat => {
                let bytes = refs.iter().all(|r| r.ty == RType::Bytearray);
                let (f, ty) = if bytes {
                    (path("string", "concat_bytes"), RType::Bytearray)
                } else {
                    (path("string", "concat"), RType::Chararray)
                };
                let refs = if bytes {
                    refs.into_iter()
                        .map(|r| {
                            let recv = atom(&r.ts);
                            if r.opt {
                                Code::new(quote!(#recv.map(rt::data::Bytes::as_slice)), r.ty, true)
                            } else {
                                Code::new(quote!(#recv.as_slice()), r.ty, false)
                            }
                        })
                        .collect()
                } else {
                    refs
                };
                let (ts, opt) = self.lift(refs, false, |v| quote!(#f(&[#(#v),*])));
                Ok(Code::new(ts, ty, opt))
            }
            IndexOf => {
                let mut refs = refs;
                if refs.len() == 2 {
                    refs.push(Code::new(quote!(0), RType::Int, false));
                }
                let f = path("string", "indexof");
                let (ts, opt) = self.lift(refs, false, |v| quote!(#f(#(#v),*)));
                Ok(Code::new(ts, RType::Int, opt))
            }
            StrSplit | StrSplitToBag => {
                let mut refs = refs;
                if refs.len() == 1 {
                    refs.push(Code::new(quote!("\\s"), RType::Chararray, false));
                }
                if refs.len() == 2 {
                    refs.push(Code::new(quote!(0), RType::Int, false));
                }
                let (f, ty) = if b == StrSplit {
                    (path("string", "strsplit"), RType::Tuple)
                } else {
                    (
                        path("string", "strsplittobag"),
                        RType::Bag(Box::new(RType::Tuple)),
                    )
                };
                let (ts, _) = self.lift(refs, true, |v| quote!(#f(#(#v),*)));
                self.conform(Code::new(ts, ty, true), &e.ty, e)
            }
            Tokenize => {
                let mut refs = refs;
                if refs.len() == 1 {
                    refs.push(Code::new(
                        quote!(rt::builtins::string::TOKENIZE_DELIMITERS),
                        RType::Chararray,
                        false,
                    ));
                }
                let f = path("string", "tokenize");
                let (ts, opt) = self.lift(refs, false, |v| quote!(#f(#(#v),*)));
                self.conform(
                    Code::new(ts, RType::Bag(Box::new(RType::Tuple)), opt),
                    &e.ty,
                    e,
                )
            }
            ToTuple => {
                let mut codes = Vec::with_capacity(args.len());
                for a in args {
                    codes.push(self.eval(scope, a)?);
                }
                let names = match &e.ty {
                    Type::Tuple(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
                    _ => Vec::new(),
                };
                let (rec, ts) = self.record_literal("totuple", codes, names);
                Ok(Code::new(ts, RType::Record(rec), false))
            }
            ToMap => {
                let mut pairs = Vec::new();
                for kv in args.chunks(2) {
                    let [k, v] = kv else {
                        return Err(CodegenError::Invalid {
                            message: "TOMAP takes key/value pairs".into(),
                            span: e.span,
                        });
                    };
                    let k = self.eval(scope, k)?.as_option();
                    let v = self.eval(scope, v)?.as_option();
                    pairs.push(quote!((#k, rt::data::Value::from(#v))));
                }
                Ok(Code::new(
                    quote!(rt::builtins::collection::to_map([#(#pairs),*])),
                    RType::Map,
                    false,
                ))
            }
            // An integer is its own ceiling, floor and rounding.
            Ceil | Floor | Round if arg_ty(0) == Some(RType::BigInteger) => {
                let c = self.eval(scope, &args[0])?;
                self.conform(c, &e.ty, e)
            }
            CurrentTime => Ok(Code::new(
                quote!(rt::builtins::datetime::current_time()),
                RType::Datetime,
                false,
            )),
            other => Err(CodegenError::unsupported(
                format!("the builtin {} with these argument types", other.name()),
                e.span,
            )),
        }
    }

    /// A Rust UDF call: `path(Option<A>, …) -> Option<R>` (see [`crate::plan::udf`]).
    fn udf_call(
        &mut self,
        scope: &Scope,
        index: usize,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        let udf = self
            .udfs
            .get(index)
            .ok_or_else(|| CodegenError::Internal(format!("UDF #{index} is not declared")))?;
        let path: syn::Path = syn::parse_str(&udf.path).map_err(|_| CodegenError::Invalid {
            message: format!(
                "`{}` is not a Rust path (expected e.g. `my_crate::module::function`)",
                udf.path
            ),
            span: e.span,
        })?;
        let mut values = Vec::with_capacity(args.len());
        for a in args {
            values.push(self.eval(scope, a)?.as_option());
        }
        let ret = self.records.of_pig(&udf.ret, &udf.alias)?;
        Ok(Code::new(quote!(#path(#(#values),*)), ret, true))
    }

    /// COUNT/COUNT_STAR/SUM/AVG/MIN/MAX over a bag value (a group's bag or a nested alias).
    fn aggregate_call(
        &mut self,
        scope: &Scope,
        b: Builtin,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        let [arg] = args else {
            return Err(CodegenError::unsupported(
                format!("{} with {} arguments", b.name(), args.len()),
                e.span,
            ));
        };
        // `bag.f` is iterated in place; otherwise the aggregate reads each tuple's first field.
        let (bag_expr, field) = match &arg.kind {
            ExprKind::BagProject { base, fields } if fields.len() == 1 => {
                (&**base, Some(fields[0]))
            }
            _ => (arg, None),
        };
        let bag = self.eval_ref(scope, bag_expr)?;
        let RType::Bag(elem) = bag.ty.clone() else {
            return Err(CodegenError::unsupported(
                format!("{} of a value that is not a bag", b.name()),
                e.span,
            ));
        };
        let t = self.var("t");
        let (item, item_ty, item_opt) = match (*elem, field) {
            (RType::Record(id), f) => {
                let (place, ty, opt) = self
                    .field_place(&quote!(#t), id, f.unwrap_or(0), e.span)
                    .map_err(|_| {
                        CodegenError::unsupported(
                            format!("{} of a bag of empty tuples", b.name()),
                            e.span,
                        )
                    })?;
                let v = Self::borrow_of(place, ty, opt);
                (v.ts, v.ty, v.opt)
            }
            (_, f) => {
                let i = proc_macro2::Literal::usize_unsuffixed(f.unwrap_or(0));
                (
                    quote!(#t.get(#i).filter(|v| !v.is_null())),
                    RType::Value,
                    true,
                )
            }
        };
        let item_opt_ts = if item_opt {
            item.clone()
        } else {
            quote!(Some(#item))
        };
        let values = quote!(b.iter().map(|#t| #item_opt_ts));
        // Pig casts bytearray (and untyped) values to double for SUM, AVG, MIN and MAX; a value that
        // does not parse is skipped like a null.
        let doubles = match item_ty {
            RType::Bytearray => Some(
                quote!(#values.map(|v| v.and_then(|x| rt::data::cast::bytes_to_double(x.as_slice())))),
            ),
            RType::Value => Some(
                quote!(#values.map(|v| v.and_then(<rt::data::Double as rt::data::FromValue>::from_value))),
            ),
            _ => None,
        };
        let (values, item_ty) = match (&doubles, b) {
            (Some(d), Builtin::Sum | Builtin::Avg | Builtin::Min | Builtin::Max) => {
                (d.clone(), RType::Double)
            }
            _ => (values, item_ty),
        };
        let agg = |f: &str| {
            let f = format_ident!("{}", f);
            quote!(rt::builtins::aggregate::#f)
        };
        let (body, ty, body_opt): (TokenStream, RType, bool) = match b {
            Builtin::CountStar => (quote!(b.len() as i64), RType::Long, false),
            Builtin::Count => {
                if item_opt {
                    let f = agg("count");
                    (quote!(#f(#values)), RType::Long, false)
                } else {
                    (quote!(b.len() as i64), RType::Long, false)
                }
            }
            Builtin::Sum => {
                let (f, ty) = match item_ty {
                    RType::Int => ("sum_int", RType::Long),
                    RType::Long => ("sum_long", RType::Long),
                    RType::Float => ("sum_float", RType::Double),
                    RType::Double => ("sum_double", RType::Double),
                    RType::BigInteger => ("sum_biginteger", RType::BigInteger),
                    RType::BigDecimal => ("sum_bigdecimal", RType::BigDecimal),
                    _ => return Err(CodegenError::unsupported("SUM of this field type", e.span)),
                };
                let f = agg(f);
                if matches!(ty, RType::BigInteger | RType::BigDecimal) {
                    (quote!(#f(#values.map(|v| v.cloned()))), ty, true)
                } else {
                    (quote!(#f(#values)), ty, true)
                }
            }
            Builtin::Avg => match item_ty {
                RType::Int | RType::Long => {
                    let f = agg("avg_long");
                    let values = quote!(#values.map(|v| v.map(i64::from)));
                    (quote!(#f(#values)), RType::Double, true)
                }
                RType::Float => {
                    let f = agg("avg");
                    let values =
                        quote!(#values.map(|v| v.map(|x| rt::data::Double(f64::from(x.0)))));
                    (quote!(#f(#values)), RType::Double, true)
                }
                RType::Double => {
                    let f = agg("avg");
                    (quote!(#f(#values)), RType::Double, true)
                }
                RType::BigInteger => {
                    let f = agg("avg_bigdecimal");
                    let values =
                        quote!(#values.map(|v| v.map(|x| rt::data::BigDecimal::from(x.clone()))));
                    (quote!(#f(#values)), RType::BigDecimal, true)
                }
                RType::BigDecimal => {
                    let f = agg("avg_bigdecimal");
                    (
                        quote!(#f(#values.map(|v| v.cloned()))),
                        RType::BigDecimal,
                        true,
                    )
                }
                _ => return Err(CodegenError::unsupported("AVG of this field type", e.span)),
            },
            _ => {
                let f = agg(if b == Builtin::Min { "min" } else { "max" });
                if item_ty.is_copy() {
                    (quote!(#f(#values)), item_ty, true)
                } else if item_ty == RType::Chararray {
                    (quote!(#f(#values).map(str::to_owned)), item_ty, true)
                } else {
                    (quote!(#f(#values).cloned()), item_ty, true)
                }
            }
        };
        let recv = atom(&bag.ts);
        let whole = &bag.ts;
        let ts = if bag.opt {
            if body_opt {
                quote!(#recv.and_then(|b| #body))
            } else {
                quote!(#recv.map(|b| #body))
            }
        } else {
            quote!({ let b = #whole; #body })
        };
        let code = Code::new(ts, ty, bag.opt || body_opt);
        self.conform(code, &e.ty, e)
    }
}

fn is_numeric(t: &RType) -> bool {
    matches!(
        t,
        RType::Int
            | RType::Long
            | RType::Float
            | RType::Double
            | RType::BigInteger
            | RType::BigDecimal
    )
}

/// `f` when `body` is exactly `f(v)` for a path `f`, so that `x.map(f)` can replace `x.map(|v| f(v))`.
fn direct_fn(body: &TokenStream, v: &Ident) -> Option<TokenStream> {
    let call: syn::ExprCall = syn::parse2(body.clone()).ok()?;
    let [arg] = call.args.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let syn::Expr::Path(p) = arg else {
        return None;
    };
    if !p.path.is_ident(v) {
        return None;
    }
    let syn::Expr::Path(f) = &*call.func else {
        return None;
    };
    Some(quote!(#f))
}

fn float_tokens64(x: f64) -> TokenStream {
    if x.is_finite() {
        let l = proc_macro2::Literal::f64_suffixed(x);
        quote!(#l)
    } else if x.is_nan() {
        quote!(f64::NAN)
    } else if x > 0.0 {
        quote!(f64::INFINITY)
    } else {
        quote!(f64::NEG_INFINITY)
    }
}

fn float_tokens32(x: f32) -> TokenStream {
    if x.is_finite() {
        let l = proc_macro2::Literal::f32_suffixed(x);
        quote!(#l)
    } else if x.is_nan() {
        quote!(f32::NAN)
    } else if x > 0.0 {
        quote!(f32::INFINITY)
    } else {
        quote!(f32::NEG_INFINITY)
    }
}
