//! FOREACH: flat projections, FLATTEN, and nested blocks (`FOREACH x { … GENERATE … }`).

use super::*;
use crate::plan::{GenerateItem, NestedOp};

impl Gen<'_> {
    /// `map`/`flat_map` of a FOREACH over `input` (output schema `schema`): the chain and the output type.
    pub(super) fn foreach(
        &mut self,
        input: &Rel,
        fe: &ForEach,
        schema: &Schema,
        alias: Option<&str>,
    ) -> Result<(TokenStream, RType), CodegenError> {
        let mut scope = Scope::row(Self::row_of(input, quote!(r)));
        let mut lets = Vec::new();
        let mut nested_names = nested_local_names();
        for (i, op) in fe.nested.iter().enumerate() {
            let (code, let_ts) = self.nested_op(&scope, op)?;
            let var = ident(&nested_names.fresh(&snake(&op.alias)));
            lets.push(quote!(let #var = #let_ts;));
            if scope.nested.len() <= i {
                scope.nested.resize(i + 1, None);
            }
            scope.nested[i] = Some(Binding {
                var,
                ty: code.ty,
                opt: code.opt,
            });
        }
        let (row, out_ty, loops) = if schema.is_unknown() {
            let (row, loops) = self.generate_untyped(&scope, &fe.generate, "t")?;
            (row, RType::Tuple, loops)
        } else {
            let names = schema.fields.iter().map(|f| f.name.clone());
            let (specs, values, loops) = self.generate_items(&scope, &fe.generate, names, "t")?;
            let hint = alias.unwrap_or("projected").to_owned();
            let out = self
                .records
                .record(&hint, format!("Rows of `{hint}`: {schema}"), specs);
            (self.struct_literal(out, values), RType::Record(out), loops)
        };
        let src = &input.var;
        let init = if loops.is_empty() {
            if lets.is_empty() {
                quote!(#src.map(|r| #row))
            } else {
                quote!(#src.map(|r| { #(#lets)* #row }))
            }
        } else {
            let mut body = quote!(out.push(#row););
            for (t, iter) in loops.iter().rev() {
                body = quote!(for #t in #iter { #body });
            }
            quote!(#src.flat_map(|r| { #(#lets)* let mut out = Vec::new(); #body out }))
        };
        Ok((init, out_ty))
    }

    /// GENERATE `items` whose output has no schema (a FLATTENed bag or tuple of unknown schema): an
    /// untyped tuple of every output value, and the loops of the FLATTENed bags (as
    /// [`Self::generate_items`]).
    fn generate_untyped(
        &mut self,
        scope: &Scope,
        items: &[GenerateItem],
        loop_var: &str,
    ) -> Result<(TokenStream, Vec<(Ident, TokenStream)>), CodegenError> {
        let mut pushes = Vec::new();
        let mut loops: Vec<(Ident, TokenStream)> = Vec::new();
        for item in items {
            if !item.flatten {
                let c = self.exprs().eval(scope, &item.expr)?;
                let v = self.exprs().value_of(&c);
                pushes.push(quote!(xs.push(#v);));
                continue;
            }
            let c = self.exprs().eval_ref(scope, &item.expr)?;
            let (tuple, ty, opt) = match &c.ty {
                RType::Bag(elem) => {
                    let t = push_bag_loop(&mut loops, loop_var, &c);
                    (quote!(#t), (**elem).clone(), false)
                }
                RType::Record(_) | RType::Tuple => (receiver(&c.ts), c.ty.clone(), c.opt),
                _ => {
                    let c = self.exprs().eval(scope, &item.expr)?;
                    let v = self.exprs().value_of(&c);
                    pushes.push(quote!(xs.push(#v);));
                    continue;
                }
            };
            match ty {
                RType::Record(id) => {
                    for f in self.records.get(id).fields.clone() {
                        let fid = &f.ident;
                        let owned = |base: TokenStream| {
                            if f.ty.is_copy() {
                                quote!(#base.#fid)
                            } else {
                                quote!(#base.#fid.clone())
                            }
                        };
                        let field = match (opt, f.optional) {
                            (false, _) => owned(tuple.clone()),
                            (true, true) => {
                                let inner = owned(quote!(x));
                                quote!(#tuple.and_then(|x| #inner))
                            }
                            (true, false) => {
                                let inner = owned(quote!(x));
                                quote!(#tuple.map(|x| #inner))
                            }
                        };
                        let v = self.exprs().value_of(&Code {
                            ts: field,
                            ty: f.ty.clone(),
                            opt: f.optional || opt,
                        });
                        pushes.push(quote!(xs.push(#v);));
                    }
                }
                _ if opt => pushes.push(quote!(
                    if let Some(x) = #tuple { xs.extend(x.fields().iter().cloned()); }
                )),
                _ => pushes.push(quote!(xs.extend(#tuple.fields().iter().cloned());)),
            }
        }
        let row = quote!({
            let mut xs = Vec::new();
            #(#pushes)*
            rt::data::Tuple(xs)
        });
        Ok((row, loops))
    }

    /// The output fields of GENERATE `items` evaluated in `scope` (output names from `names`): their
    /// specs, their values, and the loops the FLATTENed bags need (`for <var> in <iter>`, outermost
    /// first, vars `<loop_var>1`, `<loop_var>2`, …). A FLATTENed tuple gives its fields; FLATTEN of any
    /// other value is the value.
    #[allow(clippy::type_complexity)]
    fn generate_items(
        &mut self,
        scope: &Scope,
        items: &[GenerateItem],
        names: impl Iterator<Item = Option<String>>,
        loop_var: &str,
    ) -> Result<(Vec<FieldSpec>, Vec<TokenStream>, Vec<(Ident, TokenStream)>), CodegenError> {
        let mut names = names;
        let mut specs: Vec<FieldSpec> = Vec::new();
        let mut values: Vec<TokenStream> = Vec::new();
        let mut loops: Vec<(Ident, TokenStream)> = Vec::new();
        for item in items {
            let width = item.fields.len();
            if !item.flatten {
                let c = self.exprs().eval(scope, &item.expr)?;
                specs.push(FieldSpec {
                    pig_name: names.next().flatten(),
                    ty: c.ty,
                    optional: c.opt,
                });
                values.push(c.ts);
                continue;
            }
            let c = self.exprs().eval_ref(scope, &item.expr)?;
            match &c.ty {
                RType::Bag(elem) => {
                    let t = push_bag_loop(&mut loops, loop_var, &c);
                    self.flatten_fields(
                        &quote!(#t),
                        elem,
                        false,
                        width,
                        &mut names,
                        &mut specs,
                        &mut values,
                        item.expr.span,
                    )?;
                }
                RType::Record(_) | RType::Tuple => {
                    let ty = c.ty.clone();
                    self.flatten_fields(
                        &receiver(&c.ts),
                        &ty,
                        c.opt,
                        width,
                        &mut names,
                        &mut specs,
                        &mut values,
                        item.expr.span,
                    )?;
                }
                _ => {
                    let c = self.exprs().eval(scope, &item.expr)?;
                    specs.push(FieldSpec {
                        pig_name: names.next().flatten(),
                        ty: c.ty,
                        optional: c.opt,
                    });
                    values.push(c.ts);
                }
            }
        }
        Ok((specs, values, loops))
    }

    /// The fields of a flattened tuple `t` (a reference to a record or an untyped tuple; `opt` when it is
    /// an `Option` of one).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn flatten_fields(
        &mut self,
        t: &TokenStream,
        ty: &RType,
        opt: bool,
        width: usize,
        names: &mut impl Iterator<Item = Option<String>>,
        specs: &mut Vec<FieldSpec>,
        values: &mut Vec<TokenStream>,
        span: crate::parse::Span,
    ) -> Result<(), CodegenError> {
        match ty {
            RType::Record(rid) => {
                let fields = self.records.get(*rid).fields.clone();
                if fields.len() != width {
                    return Err(CodegenError::Internal(format!(
                        "FLATTEN gives {} fields but the plan expects {width}",
                        fields.len()
                    )));
                }
                for f in fields {
                    let fid = &f.ident;
                    let owned = |base: TokenStream| {
                        if f.ty.is_copy() {
                            quote!(#base.#fid)
                        } else {
                            quote!(#base.#fid.clone())
                        }
                    };
                    let v = if opt {
                        let inner = owned(quote!(x));
                        if f.optional {
                            quote!(#t.and_then(|x| #inner))
                        } else {
                            quote!(#t.map(|x| #inner))
                        }
                    } else {
                        owned(t.clone())
                    };
                    specs.push(FieldSpec {
                        pig_name: names.next().flatten(),
                        ty: f.ty.clone(),
                        optional: f.optional || opt,
                    });
                    values.push(v);
                }
                Ok(())
            }
            RType::Tuple => {
                for i in (0..width).map(proc_macro2::Literal::usize_unsuffixed) {
                    let v = if opt {
                        quote!(#t.and_then(|x| x.get(#i)).filter(|v| !v.is_null()).cloned())
                    } else {
                        quote!(#t.get(#i).filter(|v| !v.is_null()).cloned())
                    };
                    specs.push(FieldSpec {
                        pig_name: names.next().flatten(),
                        ty: RType::Value,
                        optional: true,
                    });
                    values.push(v);
                }
                Ok(())
            }
            _ => Err(CodegenError::unsupported("FLATTEN of this value", span)),
        }
    }

    /// One operator of a nested FOREACH block: its value's type and the expression computing it.
    pub(super) fn nested_op(
        &mut self,
        scope: &Scope,
        op: &NestedOp,
    ) -> Result<(Code, TokenStream), CodegenError> {
        let span = op.span;
        // A null bag is an empty one for the nested operators (pigc's choice; Pig projects null).
        let bag_input = |g: &mut Self, input: &Expr| -> Result<(Code, RType), CodegenError> {
            let c = g.exprs().eval(scope, input)?;
            let RType::Bag(elem) = &c.ty else {
                return Err(CodegenError::unsupported(
                    "a nested operator over a value that is not a bag",
                    span,
                ));
            };
            let elem = (**elem).clone();
            if c.opt {
                let recv = receiver(&c.ts);
                let ts = quote!(#recv.unwrap_or_default());
                return Ok((
                    Code {
                        ts,
                        ty: c.ty,
                        opt: false,
                    },
                    elem,
                ));
            }
            Ok((c, elem))
        };
        match op.kind.clone() {
            NestedKind::Expr(e) => {
                let c = self.exprs().eval(scope, &e)?;
                let ts = c.ts.clone();
                Ok((c, ts))
            }
            NestedKind::Filter { input, predicate } => {
                let (c, elem) = bag_input(self, &input)?;
                let mut inner = scope.clone();
                inner.row = match &elem {
                    RType::Record(id) => Row::Record(quote!(t), *id),
                    _ => Row::Tuple(quote!(t)),
                };
                let cond = self.exprs().condition(&inner, &predicate)?;
                let src = &c.ts;
                let ts = quote!(#src.into_iter().filter(|t| #cond).collect::<rt::data::Bag<_>>());
                Ok((c, ts))
            }
            NestedKind::Distinct { input } => {
                let (c, _) = bag_input(self, &input)?;
                let src = &c.ts;
                let ts = quote!({
                    let mut v = #src.into_vec();
                    v.sort();
                    v.dedup();
                    rt::data::Bag::from_vec(v)
                });
                Ok((c, ts))
            }
            NestedKind::Order { input, keys } => {
                let (c, elem) = bag_input(self, &input)?;
                let rel = Rel {
                    var: format_ident!("unused"),
                    ty: elem,
                };
                let cmp = self.comparator(&rel, &keys)?;
                let src = &c.ts;
                let ts = quote!({
                    let mut v = #src.into_vec();
                    v.sort_by(#cmp);
                    rt::data::Bag::from_vec(v)
                });
                Ok((c, ts))
            }
            NestedKind::Limit { input, count } => {
                let (c, _) = bag_input(self, &input)?;
                let n = self.exprs().eval(scope, &count)?;
                if n.ty != RType::Long {
                    return Err(CodegenError::unsupported(
                        "a nested LIMIT with this count",
                        span,
                    ));
                }
                let src = &c.ts;
                // A null count keeps no tuple (Pig fails the job).
                let nts = if n.opt {
                    let recv = receiver(&n.ts);
                    quote!(#recv.unwrap_or(0))
                } else {
                    n.ts.clone()
                };
                let ts = quote!(#src.into_iter().take(usize::try_from(#nts).unwrap_or(0)).collect::<rt::data::Bag<_>>());
                Ok((c, ts))
            }
            NestedKind::Cross { inputs } => self.nested_cross(scope, &inputs, &op.ty),
            NestedKind::ForEach { input, generate } => {
                self.nested_foreach(scope, &input, &generate, &op.ty, span)
            }
        }
    }

    /// A nested `CROSS a, b, …` of bags: one tuple per combination, the fields of `a`'s tuple first;
    /// in loop order (the first bag outermost; Pig defines no order). A null bag crosses as an empty one.
    fn nested_cross(
        &mut self,
        scope: &Scope,
        inputs: &[Expr],
        ty: &crate::plan::Type,
    ) -> Result<(Code, TokenStream), CodegenError> {
        let names: Vec<Option<String>> = match ty {
            crate::plan::Type::Bag(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
            _ => Vec::new(),
        };
        let mut names = names.into_iter();
        let mut elems = Vec::with_capacity(inputs.len());
        let mut loops = Vec::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let c = self.exprs().eval_ref(scope, input)?;
            let RType::Bag(elem) = &c.ty else {
                return Err(CodegenError::unsupported(
                    "a nested CROSS of a value that is not a bag",
                    input.span,
                ));
            };
            let t = format_ident!("t{}", i + 1);
            let src = receiver(&c.ts);
            let iter = if c.opt {
                quote!(#src.into_iter().flatten())
            } else {
                quote!(#src.iter())
            };
            elems.push((t.clone(), (**elem).clone(), input.span));
            loops.push((t, iter));
        }
        let typed = elems.iter().all(|(_, e, _)| matches!(e, RType::Record(_)));
        let (row, elem_ty) = if typed {
            let mut specs = Vec::new();
            let mut values = Vec::new();
            for (t, elem, span) in &elems {
                let RType::Record(id) = elem else {
                    return Err(CodegenError::Internal("a typed CROSS input".into()));
                };
                let width = self.records.get(*id).fields.len();
                self.flatten_fields(
                    &quote!(#t),
                    elem,
                    false,
                    width,
                    &mut names,
                    &mut specs,
                    &mut values,
                    *span,
                )?;
            }
            let rid = self
                .records
                .record("crossed", "Tuples of a nested CROSS".to_owned(), specs);
            (self.struct_literal(rid, values), RType::Record(rid))
        } else {
            // Some input has no schema: untyped tuples of every field's value.
            let mut pushes = Vec::new();
            for (t, elem, _) in &elems {
                match elem {
                    RType::Record(id) => {
                        for f in self.records.get(*id).fields.clone() {
                            let fid = &f.ident;
                            let owned = if f.ty.is_copy() {
                                quote!(#t.#fid)
                            } else {
                                quote!(#t.#fid.clone())
                            };
                            let v = self.exprs().value_of(&Code {
                                ts: owned,
                                ty: f.ty.clone(),
                                opt: f.optional,
                            });
                            pushes.push(quote!(xs.push(#v);));
                        }
                    }
                    _ => pushes.push(quote!(xs.extend(#t.fields().iter().cloned());)),
                }
            }
            let row = quote!({
                let mut xs = Vec::new();
                #(#pushes)*
                rt::data::Tuple(xs)
            });
            (row, RType::Tuple)
        };
        let mut body = quote!(out.push(#row););
        for (t, iter) in loops.iter().rev() {
            body = quote!(for #t in #iter { #body });
        }
        let ts = quote!({
            let mut out = Vec::new();
            #body
            rt::data::Bag::from_vec(out)
        });
        let code = Code {
            ts: ts.clone(),
            ty: RType::Bag(Box::new(elem_ty)),
            opt: false,
        };
        Ok((code, ts))
    }

    /// A nested `FOREACH bag GENERATE …`: one tuple per tuple of the bag, or per combination of the
    /// tuples of its FLATTENed bags (none when one is empty), in bag order.
    fn nested_foreach(
        &mut self,
        scope: &Scope,
        input: &Expr,
        generate: &[GenerateItem],
        ty: &crate::plan::Type,
        span: crate::parse::Span,
    ) -> Result<(Code, TokenStream), CodegenError> {
        let c = self.exprs().eval_ref(scope, input)?;
        let RType::Bag(elem) = &c.ty else {
            return Err(CodegenError::unsupported(
                "a nested FOREACH over a value that is not a bag",
                span,
            ));
        };
        let elem = (**elem).clone();
        let mut inner = scope.clone();
        inner.row = match &elem {
            RType::Record(id) => Row::Record(quote!(t), *id),
            _ => Row::Tuple(quote!(t)),
        };
        let names: Vec<Option<String>> = match ty {
            crate::plan::Type::Bag(s) => s.fields.iter().map(|f| f.name.clone()).collect(),
            _ => Vec::new(),
        };
        let (specs, values, loops) =
            self.generate_items(&inner, generate, names.into_iter(), "t")?;
        let rid = self
            .records
            .record("nested", "Tuples of a nested FOREACH".to_owned(), specs);
        let row = self.struct_literal(rid, values);
        let src = receiver(&c.ts);
        // A null bag is an empty one (as for the other nested operators).
        let tuples = if c.opt {
            quote!(#src.into_iter().flatten())
        } else {
            quote!(#src.iter())
        };
        let ts = if loops.is_empty() {
            quote!(#tuples.map(|t| #row).collect::<rt::data::Bag<_>>())
        } else {
            let mut body = quote!(out.push(#row););
            for (t, iter) in loops.iter().rev() {
                body = quote!(for #t in #iter { #body });
            }
            quote!({
                let mut out = Vec::new();
                for t in #tuples { #body }
                rt::data::Bag::from_vec(out)
            })
        };
        let code = Code {
            ts: ts.clone(),
            ty: RType::Bag(Box::new(RType::Record(rid))),
            opt: false,
        };
        Ok((code, ts))
    }
}

/// Adds a loop over the bag `c` (empty when it is null) to `loops` and returns its variable,
/// `<loop_var><n>` for the n-th loop.
fn push_bag_loop(loops: &mut Vec<(Ident, TokenStream)>, loop_var: &str, c: &Code) -> Ident {
    let t = format_ident!("{}{}", loop_var, loops.len() + 1);
    let src = receiver(&c.ts);
    let iter = if c.opt {
        quote!(#src.into_iter().flatten())
    } else {
        quote!(#src.iter())
    };
    loops.push((t.clone(), iter));
    t
}
