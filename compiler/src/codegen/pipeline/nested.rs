//! FOREACH: flat projections, FLATTEN, and nested blocks (`FOREACH x { … GENERATE … }`).

use super::*;

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
            let (code, let_ts) = self.nested_op(&scope, op.kind.clone(), op.span)?;
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
        // Items: plain values, or FLATTENed bags (loops) and tuples (fields).
        let mut specs: Vec<FieldSpec> = Vec::new();
        let mut values: Vec<TokenStream> = Vec::new();
        let mut loops: Vec<(Ident, TokenStream)> = Vec::new();
        let mut names = schema.fields.iter().map(|f| f.name.clone());
        for item in &fe.generate {
            let width = item.fields.len();
            if !item.flatten {
                let c = self.exprs().eval(&scope, &item.expr)?;
                specs.push(FieldSpec {
                    pig_name: names.next().flatten(),
                    ty: c.ty,
                    optional: c.opt,
                });
                values.push(c.ts);
                continue;
            }
            let c = self.exprs().eval_ref(&scope, &item.expr)?;
            match &c.ty {
                RType::Bag(elem) => {
                    let t = format_ident!("t{}", loops.len() + 1);
                    let src = receiver(&c.ts);
                    let iter = if c.opt {
                        quote!(#src.into_iter().flatten())
                    } else {
                        quote!(#src.iter())
                    };
                    loops.push((t.clone(), iter));
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
                    let c = self.exprs().eval(&scope, &item.expr)?;
                    specs.push(FieldSpec {
                        pig_name: names.next().flatten(),
                        ty: c.ty,
                        optional: c.opt,
                    });
                    values.push(c.ts);
                }
            }
        }
        let hint = alias.unwrap_or("projected").to_owned();
        let out = self
            .records
            .record(&hint, format!("Rows of `{hint}`: {schema}"), specs);
        let def = self.records.get(out);
        let name = &def.ident;
        let inits = def.fields.iter().zip(&values).map(|(f, v)| {
            let fid = &f.ident;
            quote!(#fid: #v)
        });
        let row = quote!(#name { #(#inits),* });
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
        Ok((init, RType::Record(out)))
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
        kind: NestedKind,
        span: crate::parse::Span,
    ) -> Result<(Code, TokenStream), CodegenError> {
        let bag_input = |g: &mut Self, input: &Expr| -> Result<(Code, RType), CodegenError> {
            let c = g.exprs().eval(scope, input)?;
            match (&c.ty, c.opt) {
                (RType::Bag(elem), false) => {
                    let elem = (**elem).clone();
                    Ok((c, elem))
                }
                _ => Err(CodegenError::unsupported(
                    "a nested operator over a value that is not a (non-null) bag",
                    span,
                )),
            }
        };
        match kind {
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
                if n.opt || n.ty != RType::Long {
                    return Err(CodegenError::unsupported(
                        "a nested LIMIT with this count",
                        span,
                    ));
                }
                let src = &c.ts;
                let nts = &n.ts;
                let ts = quote!(#src.into_iter().take(usize::try_from(#nts).unwrap_or(0)).collect::<rt::data::Bag<_>>());
                Ok((c, ts))
            }
            NestedKind::Cross { .. } => Err(CodegenError::unsupported("a nested CROSS", span)),
            NestedKind::ForEach { input, generate } => {
                // One new tuple per tuple of the bag (FLATTEN inside a nested FOREACH is not
                // translated).
                if generate.iter().any(|g| g.flatten) {
                    return Err(CodegenError::unsupported(
                        "FLATTEN in a nested FOREACH",
                        span,
                    ));
                }
                let c = self.exprs().eval_ref(scope, &input)?;
                let elem = match (&c.ty, c.opt) {
                    (RType::Bag(elem), false) => (**elem).clone(),
                    _ => {
                        return Err(CodegenError::unsupported(
                            "a nested FOREACH over a value that is not a (non-null) bag",
                            span,
                        ))
                    }
                };
                let mut inner = scope.clone();
                inner.row = match &elem {
                    RType::Record(id) => Row::Record(quote!(t), *id),
                    _ => Row::Tuple(quote!(t)),
                };
                let mut codes = Vec::with_capacity(generate.len());
                let mut names = Vec::with_capacity(generate.len());
                for item in &generate {
                    codes.push(self.exprs().eval(&inner, &item.expr)?);
                    names.push(item.fields.first().and_then(|f| f.name.clone()));
                }
                let specs = codes
                    .iter()
                    .zip(names)
                    .map(|(c, n)| FieldSpec {
                        pig_name: n,
                        ty: c.ty.clone(),
                        optional: c.opt,
                    })
                    .collect();
                let rid =
                    self.records
                        .record("nested", "Tuples of a nested FOREACH".to_owned(), specs);
                let row = self.struct_literal(rid, codes.into_iter().map(|c| c.ts).collect());
                let src = receiver(&c.ts);
                let ts = quote!(#src.iter().map(|t| #row).collect::<rt::data::Bag<_>>());
                let code = Code {
                    ts: ts.clone(),
                    ty: RType::Bag(Box::new(RType::Record(rid))),
                    opt: false,
                };
                Ok((code, ts))
            }
        }
    }
}
