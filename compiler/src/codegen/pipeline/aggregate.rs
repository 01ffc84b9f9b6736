//! GROUP + FOREACH fused into `key_by(…).aggregate(…)`: group keys and accumulators.

use super::*;

impl Gen<'_> {
    /// GROUP (+ fused FOREACH): `key_by(…).aggregate(id, (accumulators,), finish)` producing the finish
    /// row `(group, acc_0, …)`, then the finish FOREACH over it.
    pub(super) fn aggregate(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        keys: &[Expr],
        all: bool,
        accumulators: &[Accumulator],
        finish: Option<&ForEach>,
    ) -> Result<(), CodegenError> {
        if accumulators.is_empty() {
            return Err(CodegenError::Internal(format!(
                "aggregate {} has no accumulators",
                node.id
            )));
        }
        let input = self.input(node, 0)?;
        let scope = Scope::row(Self::row_of(&input, quote!(r)));
        let in_ty = self.records.rust_type(&input.ty);
        let hint = Self::alias_of(id, node).unwrap_or_default();
        // The key.
        let key = if all {
            None
        } else {
            Some(self.group_key(&scope, keys, &hint, node)?)
        };
        // The accumulators and their result types.
        let mut accs = Vec::with_capacity(accumulators.len());
        let mut acc_specs = Vec::with_capacity(accumulators.len());
        let mut outs = Vec::with_capacity(accumulators.len());
        for (i, acc) in accumulators.iter().enumerate() {
            let (ts, ty, opt, out) = self.accumulator(&scope, &input, &in_ty, acc, i, node)?;
            accs.push(ts);
            acc_specs.push((ty, opt));
            outs.push(out);
        }
        // The finish row.
        // Without a finish the output is the finish row, named as the GROUP's schema says.
        let group_name = match finish {
            None => node.schema.fields.first().and_then(|f| f.name.clone()),
            Some(_) => None,
        }
        .or_else(|| Some("group".to_owned()));
        let mut specs = vec![match &key {
            Some(k) => FieldSpec {
                pig_name: group_name,
                ty: k.ty.clone(),
                optional: k.opt,
            },
            None => FieldSpec {
                pig_name: group_name,
                ty: RType::Chararray,
                optional: false,
            },
        }];
        for (i, (ty, opt)) in acc_specs.into_iter().enumerate() {
            let name = if finish.is_none() {
                node.schema.fields.get(i + 1).and_then(|f| f.name.clone())
            } else {
                Some(format!("acc{i}"))
            };
            specs.push(FieldSpec {
                pig_name: name,
                ty,
                optional: opt,
            });
        }
        let row_hint = if finish.is_none() {
            hint.clone()
        } else {
            format!("{hint}_group")
        };
        let fid = self.records.record(
            &row_hint,
            format!("Per-group results of `{hint}` (group key, then one column per aggregate)"),
            specs,
        );
        let (kpat, gval, key_fn) = match &key {
            Some(k) => {
                let ts = &k.ts;
                let gval = if k.ty.is_copy() {
                    quote!(*k)
                } else {
                    quote!(k.clone())
                };
                (quote!(k), gval, quote!(|r| #ts))
            }
            None => (quote!(_), quote!(String::from("all")), quote!(|_| ())),
        };
        let out_vars: Vec<Ident> = (0..accumulators.len())
            .map(|i| format_ident!("v{}", i))
            .collect();
        let mut values = vec![gval];
        for (v, out) in out_vars.iter().zip(&outs) {
            values.push(out(v));
        }
        let row = self.struct_literal(fid, values);
        let src = self.input_stream(node, 0)?;
        let sid = lit(&node.id.0);
        let (accs, outs) = (
            nested_tuple(accs),
            nested_tuple(out_vars.iter().map(|v| quote!(#v)).collect()),
        );
        let grouped = quote!(#src.key_by(#key_fn).aggregate(#sid, #accs, |#kpat, #outs| #row));
        let var = self.fresh_var(node, "grouped");
        match finish {
            None => self.bind(id, var, RType::Record(fid), grouped),
            Some(fe) => {
                let rows = ident(&self.vars.fresh(&format!("{}_groups", var)));
                self.stmts.push(quote!(let #rows = #grouped;));
                let mut rel = Rel {
                    var: rows,
                    ty: RType::Record(fid),
                };
                // Scalars are read by the finish FOREACH (over the groups' rows), never by keys or
                // accumulators (their expressions have no scalar bound, so they report it).
                if !node.scalar_inputs.is_empty() {
                    rel = self.pair_with_scalars(node, &rel)?;
                }
                let (init, ty) = self.foreach(&rel, fe, &node.schema, Some(&hint))?;
                self.scalars.clear();
                self.bind(id, var, ty, init);
            }
        }
        Ok(())
    }

    /// A group key over `scope`'s row: one expression's value, or a struct of several.
    pub(super) fn group_key(
        &mut self,
        scope: &Scope,
        keys: &[Expr],
        hint: &str,
        node: &PhysicalNode,
    ) -> Result<Code, CodegenError> {
        if keys.len() == 1 {
            return self.exprs().eval(scope, &keys[0]);
        }
        let mut codes = Vec::new();
        for e in keys {
            codes.push(self.exprs().eval(scope, e)?);
        }
        let names: Vec<Option<String>> = match node.schema.fields.first().map(|f| &f.ty) {
            Some(crate::plan::Type::Tuple(s)) => s.fields.iter().map(|f| f.name.clone()).collect(),
            _ => Vec::new(),
        };
        // Key fields are named as the group tuple's schema says, else after the columns they read.
        let specs = codes
            .iter()
            .zip(keys)
            .enumerate()
            .map(|(i, (c, e))| FieldSpec {
                pig_name: names.get(i).cloned().flatten().or_else(|| match &e.kind {
                    ExprKind::Column { name, .. } => name.clone(),
                    _ => None,
                }),
                ty: c.ty.clone(),
                optional: c.opt,
            })
            .collect();
        let hint = format!("{hint}_key");
        let rid = self
            .records
            .record(&hint, format!("Group keys of `{hint}`"), specs);
        let ts = self.struct_literal(rid, codes.into_iter().map(|c| c.ts).collect());
        Ok(Code {
            ts,
            ty: RType::Record(rid),
            opt: false,
        })
    }

    /// One accumulator: the runtime call, its result type, and how its output becomes the finish-row
    /// value.
    #[allow(clippy::type_complexity)]
    pub(super) fn accumulator(
        &mut self,
        scope: &Scope,
        input: &Rel,
        in_ty: &TokenStream,
        acc: &Accumulator,
        i: usize,
        node: &PhysicalNode,
    ) -> Result<(TokenStream, RType, bool, Box<dyn Fn(&Ident) -> TokenStream>), CodegenError> {
        let filter = match &acc.filter {
            Some(f) => Some(self.exprs().condition(scope, f)?),
            None => None,
        };
        let value = match (&acc.value, acc.func) {
            (Some(v), f) if f != AccumulatorFunc::Count => Some(self.exprs().eval(scope, v)?),
            _ => None,
        };
        let plain: Box<dyn Fn(&Ident) -> TokenStream> = Box::new(|v: &Ident| quote!(#v));
        let unsupported =
            |what: &str| CodegenError::unsupported(format!("{what} (aggregate {i})"), node.span);
        // The accumulated value as an Option, None when the row is filtered out.
        let gated = |value: TokenStream| match &filter {
            Some(f) => quote!(if #f { #value } else { None }),
            None => value,
        };
        Ok(match acc.func {
            AccumulatorFunc::CountStar => match &filter {
                None => (
                    quote!(rt::operators::count_star()),
                    RType::Long,
                    false,
                    plain,
                ),
                Some(f) => (
                    quote!(rt::operators::count(|r: &#in_ty| #f)),
                    RType::Long,
                    false,
                    plain,
                ),
            },
            AccumulatorFunc::Count => {
                let v = match &acc.value {
                    Some(e) => self.exprs().eval_ref(scope, e)?,
                    None => return Err(unsupported("COUNT without a value")),
                };
                let not_null = if v.opt {
                    let ts = &v.ts;
                    let recv = receiver(ts);
                    quote!(#recv.is_some())
                } else {
                    quote!(true)
                };
                let cond = match (&filter, v.opt) {
                    (Some(f), true) => quote!(#f && #not_null),
                    (Some(f), false) => f.clone(),
                    (None, _) => not_null,
                };
                (
                    quote!(rt::operators::count(|r: &#in_ty| #cond)),
                    RType::Long,
                    false,
                    plain,
                )
            }
            AccumulatorFunc::Sum | AccumulatorFunc::Avg => {
                let v = value.ok_or_else(|| unsupported("SUM/AVG without a value"))?;
                let (widen, sum_ty): (fn(&TokenStream) -> TokenStream, RType) = match v.ty {
                    RType::Int => (|x| quote!(i64::from(#x)), RType::Long),
                    RType::Long => (|x| quote!(#x), RType::Long),
                    RType::Float => (|x| quote!(rt::data::Double(f64::from(#x.0))), RType::Double),
                    RType::Double => (|x| quote!(#x), RType::Double),
                    RType::BigInteger => (|x| quote!(#x), RType::BigInteger),
                    RType::BigDecimal => (|x| quote!(#x), RType::BigDecimal),
                    _ => return Err(unsupported("SUM/AVG of this type")),
                };
                let opt_value = if v.opt {
                    let recv = receiver(&v.ts);
                    match v.ty {
                        RType::Int => quote!(#recv.map(i64::from)),
                        RType::Float => quote!(#recv.map(|x| rt::data::Double(f64::from(x.0)))),
                        _ => v.ts.clone(),
                    }
                } else {
                    let w = widen(&v.ts);
                    quote!(Some(#w))
                };
                let body = gated(opt_value);
                if acc.func == AccumulatorFunc::Sum {
                    (
                        quote!(rt::operators::sum(|r: &#in_ty| #body)),
                        sum_ty,
                        true,
                        plain,
                    )
                } else {
                    let out: Box<dyn Fn(&Ident) -> TokenStream> =
                        Box::new(|v: &Ident| quote!(#v.map(rt::data::Double)));
                    (
                        quote!(rt::operators::avg(|r: &#in_ty| #body)),
                        RType::Double,
                        true,
                        out,
                    )
                }
            }
            AccumulatorFunc::Min | AccumulatorFunc::Max | AccumulatorFunc::CountDistinct => {
                let v = value.ok_or_else(|| unsupported("MIN/MAX without a value"))?;
                let ty = v.ty.clone();
                let body = gated(v.as_option());
                let f = match acc.func {
                    AccumulatorFunc::Min => quote!(min),
                    AccumulatorFunc::Max => quote!(max),
                    _ => quote!(count_distinct),
                };
                let call = quote!(rt::operators::#f(|r: &#in_ty| #body));
                if acc.func == AccumulatorFunc::CountDistinct {
                    (call, RType::Long, false, plain)
                } else {
                    (call, ty, true, plain)
                }
            }
            AccumulatorFunc::Bag => {
                let keep = match &filter {
                    Some(f) => quote!(if #f { Some(r.clone()) } else { None }),
                    None => quote!(Some(r.clone())),
                };
                (
                    quote!(rt::operators::bag(|r: &#in_ty| #keep, |rows: &[#in_ty]| rt::data::Bag::from_vec(rows.to_vec()))),
                    RType::Bag(Box::new(input.ty.clone())),
                    false,
                    plain,
                )
            }
        })
    }
}

/// The runtime combines accumulators as tuples of at most this many (`Aggregate` is implemented for
/// tuples of 1 to 12 aggregates).
pub(super) const MAX_TUPLE: usize = 12;

/// `(a, b, …,)` of `items`; more than [`MAX_TUPLE`] items become a tuple of tuples of at most
/// [`MAX_TUPLE`] each (recursively), so any number of accumulators (and the matching pattern of their
/// outputs) fits the runtime's tuple impls.
pub(super) fn nested_tuple(items: Vec<TokenStream>) -> TokenStream {
    if items.len() <= MAX_TUPLE {
        return quote!((#(#items,)*));
    }
    let chunks = items
        .chunks(MAX_TUPLE)
        .map(|c| nested_tuple(c.to_vec()))
        .collect();
    nested_tuple(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<TokenStream> {
        (0..n).map(|i| quote!(#i)).collect()
    }

    #[test]
    fn nested_tuple_keeps_every_tuple_within_the_runtime_limit() {
        assert_eq!(nested_tuple(items(2)).to_string(), "(0usize , 1usize ,)");
        let thirteen = nested_tuple(items(13)).to_string();
        assert!(thirteen.starts_with("((0usize ,"), "{thirteen}");
        assert!(
            thirteen.ends_with("11usize ,) , (12usize ,) ,)"),
            "{thirteen}"
        );
        // 145 items: 13 chunks of at most 12, which themselves become two tuples.
        let wide: syn::Expr = syn::parse2(nested_tuple(items(145))).expect("a tuple expression");
        fn max_width(e: &syn::Expr) -> usize {
            match e {
                syn::Expr::Tuple(t) => t
                    .elems
                    .iter()
                    .map(max_width)
                    .fold(t.elems.len(), usize::max),
                syn::Expr::Paren(p) => max_width(&p.expr),
                _ => 0,
            }
        }
        fn leaves(e: &syn::Expr) -> usize {
            match e {
                syn::Expr::Tuple(t) => t.elems.iter().map(leaves).sum(),
                syn::Expr::Paren(p) => leaves(&p.expr),
                _ => 1,
            }
        }
        assert!(max_width(&wide) <= MAX_TUPLE);
        assert_eq!(leaves(&wide), 145);
    }
}
