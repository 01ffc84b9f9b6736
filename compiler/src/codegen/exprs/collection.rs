//! Bag and tuple builtins (TOBAG, TOP, DIFF, BagToString, BagToTuple) and RANDOM, and the conversions
//! they need between generated structs and the runtime's untyped values.
//!
//! Null arguments: TOP, DIFF, BagToString and BagToTuple of a null bag (or a null count, column or
//! delimiter) give null, as Pig's BagToString/BagToTuple/TOP do for a null bag (where Pig fails the
//! job instead, e.g. DIFF of a null bag or TOP with a null count, pigc gives null too, so a streaming
//! job does not die on one record).

use super::{atom, Code, ExprGen, Row, Scope};
use crate::codegen::records::{RType, RecordId};
use crate::codegen::CodegenError;
use crate::plan::builtins::Builtin;
use crate::plan::expr::{Expr, ExprKind, Literal};
use crate::plan::Type;
use proc_macro2::TokenStream;
use quote::quote;

impl ExprGen<'_> {
    /// The translation of a bag/tuple builtin or RANDOM, or `None` for other builtins.
    pub(super) fn collection_call(
        &mut self,
        scope: &Scope,
        b: Builtin,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Option<Code>, CodegenError> {
        Ok(Some(match b {
            Builtin::ToBag => self.tobag(scope, args, e)?,
            Builtin::Top => self.top(scope, args, e)?,
            Builtin::Diff => self.diff(scope, args, e)?,
            Builtin::BagToString => self.bag_to_string(scope, args, e)?,
            Builtin::BagToTuple => self.bag_to_tuple(scope, args, e)?,
            Builtin::Random => self.random(scope, e),
            _ => return Ok(None),
        }))
    }

    /// `args` as borrowed views, checking their number.
    fn refs_of(
        &mut self,
        scope: &Scope,
        args: &[Expr],
        arity: std::ops::RangeInclusive<usize>,
        e: &Expr,
    ) -> Result<Vec<Code>, CodegenError> {
        if !arity.contains(&args.len()) {
            return Err(CodegenError::Invalid {
                message: format!("`{e}` has {} arguments", args.len()),
                span: e.span,
            });
        }
        args.iter().map(|a| self.eval_ref(scope, a)).collect()
    }

    /// The element type of a bag argument.
    fn bag_element(c: &Code, what: &str, e: &Expr) -> Result<RType, CodegenError> {
        match &c.ty {
            RType::Bag(elem) => Ok((**elem).clone()),
            _ => Err(CodegenError::unsupported(
                format!("{what} of a value that is not a bag"),
                e.span,
            )),
        }
    }

    /// `TOBAG(a, b, …)`: each argument becomes a tuple of the bag; a tuple argument is added as it is
    /// (Pig's TOBAG). Arguments of one non-tuple type give a bag of one-field structs; tuples of the
    /// schema the plan gives the bag are converted to its struct (a null tuple becomes a tuple of
    /// nulls; Pig's is a one-field `(null)`); anything else gives a bag of untyped tuples.
    fn tobag(&mut self, scope: &Scope, args: &[Expr], e: &Expr) -> Result<Code, CodegenError> {
        let mut codes = Vec::with_capacity(args.len());
        for a in args {
            codes.push(self.eval(scope, a)?);
        }
        let Some(first) = codes.first() else {
            // `TOBAG()`: an empty bag.
            return Ok(Code::new(
                quote!(rt::data::Bag::<rt::data::Tuple>::new()),
                RType::Bag(Box::new(RType::Tuple)),
                false,
            ));
        };
        let ty = first.ty.clone();
        let same = codes.iter().all(|c| c.ty == ty);
        if same && !matches!(ty, RType::Record(_) | RType::Tuple) {
            return Ok(self.tobag_of_values(codes, ty, e));
        }
        if let Type::Bag(s) = &e.ty {
            let all_records = codes.iter().all(|c| matches!(c.ty, RType::Record(_)));
            if !s.is_unknown() && all_records {
                let RType::Bag(elem) = self.records.of_pig(&e.ty, "tobag")? else {
                    return Err(CodegenError::Internal("TOBAG of tuples".into()));
                };
                let RType::Record(rid) = *elem else {
                    return Err(CodegenError::Internal("TOBAG of tuples".into()));
                };
                let mut items = Vec::with_capacity(codes.len());
                for c in codes {
                    items.push(self.convert_to_record(c, rid, e)?);
                }
                return Ok(Code::new(
                    quote!(rt::data::Bag::from_vec(Vec::from([#(#items),*]))),
                    RType::Bag(Box::new(RType::Record(rid))),
                    false,
                ));
            }
        }
        let values: Vec<TokenStream> = codes.iter().map(|c| self.value_of(c)).collect();
        let bag = Code::new(
            quote!(rt::builtins::collection::to_bag_values(Vec::from([#(#values),*]))),
            RType::Bag(Box::new(RType::Tuple)),
            false,
        );
        self.conform(bag, &e.ty, e)
    }

    /// `TOBAG` of values of one (non-tuple) type: a bag of one-field structs.
    fn tobag_of_values(&mut self, codes: Vec<Code>, ty: RType, e: &Expr) -> Code {
        let opt = codes.iter().any(|c| c.opt);
        let name = match &e.ty {
            Type::Bag(s) => s.fields.first().and_then(|f| f.name.clone()),
            _ => None,
        };
        let rid = self.records.record(
            "tobag",
            "Tuples built by TOBAG".to_owned(),
            vec![crate::codegen::records::FieldSpec {
                pig_name: name,
                ty,
                optional: opt,
            }],
        );
        let def = self.records.get(rid);
        let (rname, fid) = (&def.ident, &def.fields[0].ident);
        let items = codes.iter().map(|c| {
            let v = if opt { c.as_option() } else { c.ts.clone() };
            quote!(#rname { #fid: #v })
        });
        Code::new(
            quote!(rt::data::Bag::from_vec(Vec::from([#(#items),*]))),
            RType::Bag(Box::new(RType::Record(rid))),
            false,
        )
    }

    /// An owned tuple value `c` (a struct, possibly null) as a value of struct `rid`, whose fields are
    /// all nullable: field by field when the shapes match, else through the untyped value.
    fn convert_to_record(
        &mut self,
        c: Code,
        rid: RecordId,
        e: &Expr,
    ) -> Result<TokenStream, CodegenError> {
        let RType::Record(src) = c.ty else {
            return Err(CodegenError::Internal(
                "a tuple that is not a struct".into(),
            ));
        };
        let target = self.records.get(rid).clone();
        if target.fields.iter().any(|f| !f.optional) {
            return Err(CodegenError::unsupported(
                "TOBAG of tuples whose schema has non-nullable fields",
                e.span,
            ));
        }
        let name = &target.ident;
        let nulls = target.fields.iter().map(|f| {
            let fid = &f.ident;
            quote!(#fid: None)
        });
        let null_record = quote!(#name { #(#nulls),* });
        if src == rid && !c.opt {
            return Ok(c.ts);
        }
        let source = self.records.get(src).clone();
        let same_shape = source.fields.len() == target.fields.len()
            && source
                .fields
                .iter()
                .zip(&target.fields)
                .all(|(a, b)| a.ty == b.ty);
        let r = self.var("r");
        let converted = if same_shape {
            let inits = source.fields.iter().zip(&target.fields).map(|(s, t)| {
                let (sid, tid) = (&s.ident, &t.ident);
                if s.optional {
                    quote!(#tid: #r.#sid)
                } else {
                    quote!(#tid: Some(#r.#sid))
                }
            });
            quote!(#name { #(#inits),* })
        } else {
            let v = self.value_of(&Code::new(quote!(#r), RType::Record(src), false));
            quote!(<#name as rt::data::FromValue>::from_value(&#v).unwrap_or(#null_record))
        };
        let ts = &c.ts;
        Ok(if c.opt {
            quote!(#ts.map_or(#null_record, |#r| #converted))
        } else {
            quote!({ let #r = #ts; #converted })
        })
    }

    /// An owned value `c` as an untyped `rt::data::Value` (null for `None`).
    pub(crate) fn value_of(&mut self, c: &Code) -> TokenStream {
        let ts = &c.ts;
        let recv = atom(ts);
        match &c.ty {
            RType::Value if c.opt => quote!(#recv.unwrap_or_default()),
            RType::Value => ts.clone(),
            RType::Record(_) | RType::Bag(_) => {
                let x = self.var("x");
                let inner = self.value_of(&Code::new(quote!(#x), c.ty.clone(), false));
                if c.opt {
                    quote!(#recv.map_or(rt::data::Value::Null, |#x| #inner))
                } else {
                    self.value_of_present(ts, &c.ty)
                }
            }
            _ => quote!(rt::data::Value::from(#ts)),
        }
    }

    /// A present (non-null) owned struct or bag as a value.
    fn value_of_present(&mut self, ts: &TokenStream, ty: &RType) -> TokenStream {
        match ty {
            RType::Record(id) => {
                let tuple = self.tuple_of(ts, *id);
                quote!(rt::data::Value::Tuple(#tuple))
            }
            RType::Bag(_) => {
                let bag = self.untyped_bag(ts, ty);
                quote!(rt::data::Value::Bag(#bag))
            }
            _ => quote!(rt::data::Value::from(#ts)),
        }
    }

    /// An owned struct of record `id` as an untyped `rt::data::Tuple`.
    fn tuple_of(&mut self, ts: &TokenStream, id: RecordId) -> TokenStream {
        let def = self.records.get(id).clone();
        let r = self.var("r");
        let fields: Vec<TokenStream> = def
            .fields
            .iter()
            .map(|f| {
                let fid = &f.ident;
                self.value_of(&Code::new(quote!(#r.#fid), f.ty.clone(), f.optional))
            })
            .collect();
        quote!({
            let #r = #ts;
            rt::data::Tuple(Vec::from([#(#fields),*]))
        })
    }

    /// An owned bag (of structs or untyped tuples) as an untyped `rt::data::Bag<rt::data::Tuple>`.
    fn untyped_bag(&mut self, ts: &TokenStream, ty: &RType) -> TokenStream {
        match ty {
            RType::Bag(elem) => match **elem {
                RType::Record(id) => {
                    let t = self.var("t");
                    let tuple = self.tuple_of(&quote!(#t), id);
                    let recv = atom(ts);
                    quote!(#recv.into_iter().map(|#t| #tuple).collect::<rt::data::Bag<rt::data::Tuple>>())
                }
                _ => ts.clone(),
            },
            _ => ts.clone(),
        }
    }

    /// A constant int argument (a literal, possibly cast by the planner).
    fn constant_int(e: &Expr) -> Option<i64> {
        match &e.kind {
            ExprKind::Literal(Literal::Int(i)) => Some(i64::from(*i)),
            ExprKind::Literal(Literal::Long(i)) => Some(*i),
            ExprKind::Cast(inner) => Self::constant_int(inner),
            _ => None,
        }
    }

    /// `TOP(n, column, bag)`: see `rt::builtins::collection::top_by`. A constant column compares that
    /// field; a computed one picks the field per row (null when it is out of range, where Pig fails).
    fn top(&mut self, scope: &Scope, args: &[Expr], e: &Expr) -> Result<Code, CodegenError> {
        let refs = self.refs_of(scope, args, 3..=3, e)?;
        let elem = Self::bag_element(&refs[2], "TOP", e)?;
        let bag_ty = refs[2].ty.clone();
        let top_by = quote!(rt::builtins::collection::top_by);
        let (n, col, bag) = (refs[0].clone(), refs[1].clone(), refs[2].clone());
        let RType::Record(id) = elem else {
            let f = quote!(rt::builtins::collection::top_values);
            let (ts, opt) = self.lift(vec![n, col, bag], false, |v| {
                let (n, c, b) = (&v[0], &v[1], &v[2]);
                quote!(#f(#n, #c, #b))
            });
            return Ok(Code::new(ts, bag_ty, opt));
        };
        let width = self.records.get(id).fields.len();
        let compare = |g: &mut Self, i: usize| -> Result<TokenStream, CodegenError> {
            let (pa, ta, oa) = g.field_place(&quote!(a), id, i, e.span)?;
            let (pb, tb, ob) = g.field_place(&quote!(b), id, i, e.span)?;
            let ka = Self::borrow_of(pa, ta, oa).ts;
            let kb = Self::borrow_of(pb, tb, ob).ts;
            Ok(quote!(|a, b| Ord::cmp(&#ka, &#kb)))
        };
        if let Some(c) = Self::constant_int(&args[1]) {
            let i = usize::try_from(c)
                .ok()
                .filter(|i| *i < width)
                .ok_or_else(|| CodegenError::Invalid {
                    message: format!(
                        "TOP's column {c} is not a field of the bag's tuples (0 to {})",
                        width.saturating_sub(1)
                    ),
                    span: args[1].span,
                })?;
            let cmp = compare(self, i)?;
            let (ts, opt) = self.lift(vec![n, bag], false, |v| {
                let (n, b) = (&v[0], &v[1]);
                quote!(#top_by(#n, #b, #cmp))
            });
            return Ok(Code::new(ts, bag_ty, opt));
        }
        let mut arms = Vec::with_capacity(width);
        for i in 0..width {
            let cmp = compare(self, i)?;
            let lit = proc_macro2::Literal::i32_unsuffixed(i32::try_from(i).unwrap_or(i32::MAX));
            arms.push((lit, cmp));
        }
        let (ts, _) = self.lift(vec![n, col, bag], true, |v| {
            let (n, c, b) = (&v[0], &v[1], &v[2]);
            let arms = arms
                .iter()
                .map(|(i, cmp)| quote!(#i => Some(#top_by(#n, #b, #cmp)),));
            quote!(match #c { #(#arms)* _ => None })
        });
        Ok(Code::new(ts, bag_ty, true))
    }

    /// `DIFF(bag1, bag2)`: see `rt::builtins::collection::diff`. Bags of different tuple types are
    /// compared as untyped tuples.
    fn diff(&mut self, scope: &Scope, args: &[Expr], e: &Expr) -> Result<Code, CodegenError> {
        let refs = self.refs_of(scope, args, 2..=2, e)?;
        Self::bag_element(&refs[0], "DIFF", e)?;
        Self::bag_element(&refs[1], "DIFF", e)?;
        let f = quote!(rt::builtins::collection::diff);
        if refs[0].ty == refs[1].ty {
            let ty = refs[0].ty.clone();
            let (ts, opt) = self.lift(refs, false, |v| {
                let (a, b) = (&v[0], &v[1]);
                quote!(#f(#a, #b))
            });
            return Ok(Code::new(ts, ty, opt));
        }
        let mut untyped = Vec::with_capacity(2);
        for arg in args {
            let c = self.eval(scope, arg)?;
            if matches!(&c.ty, RType::Bag(elem) if **elem == RType::Tuple) {
                untyped.push(c);
                continue;
            }
            let x = self.var("x");
            let bag = self.untyped_bag(&quote!(#x), &c.ty);
            let recv = atom(&c.ts);
            let ts = if c.opt {
                quote!(#recv.map(|#x| #bag))
            } else {
                quote!({ let #x = #recv; #bag })
            };
            untyped.push(Code::new(ts, RType::Bag(Box::new(RType::Tuple)), c.opt));
        }
        let (ts, opt) = self.lift(untyped, false, |v| {
            let (a, b) = (&v[0], &v[1]);
            quote!(#f(&#a, &#b))
        });
        let c = Code::new(ts, RType::Bag(Box::new(RType::Tuple)), opt);
        self.conform(c, &e.ty, e)
    }

    /// `BagToString(bag [, delimiter])`: see `rt::builtins::collection::FieldJoiner`.
    fn bag_to_string(
        &mut self,
        scope: &Scope,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        let mut refs = self.refs_of(scope, args, 1..=2, e)?;
        let elem = Self::bag_element(&refs[0], "BagToString", e)?;
        if refs.len() == 1 {
            refs.push(Code::new(
                quote!(rt::builtins::collection::BAG_TO_STRING_DELIMITER),
                RType::Chararray,
                false,
            ));
        }
        let pushes: Vec<TokenStream> = match &elem {
            RType::Record(id) => self
                .records
                .get(*id)
                .fields
                .iter()
                .map(|f| {
                    let fid = &f.ident;
                    if f.optional {
                        quote!(j.push(t.#fid.as_ref());)
                    } else {
                        quote!(j.push(Some(&t.#fid));)
                    }
                })
                .collect(),
            _ => vec![quote!(for f in t.fields() {
                j.push_value(f);
            })],
        };
        let (ts, opt) = self.lift(refs, false, |v| {
            let (b, d) = (atom(&v[0]), &v[1]);
            quote!({
                let mut j = rt::builtins::collection::FieldJoiner::new(#d);
                for t in #b.iter() { #(#pushes)* }
                j.finish()
            })
        });
        Ok(Code::new(ts, RType::Chararray, opt))
    }

    /// `BagToTuple(bag)`: one untyped tuple of every field of every tuple, in order.
    fn bag_to_tuple(
        &mut self,
        scope: &Scope,
        args: &[Expr],
        e: &Expr,
    ) -> Result<Code, CodegenError> {
        let refs = self.refs_of(scope, args, 1..=1, e)?;
        let elem = Self::bag_element(&refs[0], "BagToTuple", e)?;
        let body_fields: Option<Vec<TokenStream>> = match &elem {
            RType::Record(id) => {
                let fields = self.records.get(*id).fields.clone();
                Some(
                    fields
                        .iter()
                        .map(|f| {
                            let fid = &f.ident;
                            let owned = if f.ty.is_copy() {
                                quote!(t.#fid)
                            } else {
                                quote!(t.#fid.clone())
                            };
                            self.value_of(&Code::new(owned, f.ty.clone(), f.optional))
                        })
                        .collect(),
                )
            }
            _ => None,
        };
        let (ts, opt) = self.lift(refs, false, |v| {
            let b = atom(&v[0]);
            match &body_fields {
                Some(fields) => quote!(rt::builtins::collection::bag_to_tuple_fields(
                    #b.iter().flat_map(|t| [#(#fields),*])
                )),
                None => quote!(rt::builtins::collection::bag_to_tuple(#b)),
            }
        });
        let c = Code::new(ts, RType::Tuple, opt);
        self.conform(c, &e.ty, e)
    }

    /// `RANDOM()`: `rt::builtins::math::random` of the script's `pigc.seed`, the call's position in the
    /// script and the row in scope.
    fn random(&mut self, scope: &Scope, e: &Expr) -> Code {
        let seed = self.seed;
        let site = u64::try_from(e.span.start).unwrap_or(u64::MAX);
        let row = match &scope.row {
            Row::Record(ts, _) | Row::Tuple(ts) => atom(ts),
        };
        Code::new(
            quote!(rt::builtins::math::random(#seed, #site, &#row)),
            RType::Double,
            false,
        )
    }
}
