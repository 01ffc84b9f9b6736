//! COGROUP, JOIN (hash, replicated lookup) and CROSS.

use super::*;

impl Gen<'_> {
    pub(super) fn cogroup(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        keys: &[Vec<Expr>],
        all: bool,
        inner: &[bool],
    ) -> Result<(), CodegenError> {
        if node.inputs.len() != 2 || all {
            return Err(CodegenError::unsupported(
                "COGROUP of other than two relations, or COGROUP … ALL",
                node.span,
            ));
        }
        let inputs = [self.input(node, 0)?, self.input(node, 1)?];
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let mut codes = Vec::new();
        for (i, rel) in inputs.iter().enumerate() {
            let scope = Scope::row(Self::row_of(rel, quote!(r)));
            let exprs = keys.get(i).cloned().unwrap_or_default();
            codes.push(self.group_key(&scope, &exprs, &hint, node)?);
        }
        if codes[0].ty != codes[1].ty {
            return Err(CodegenError::unsupported(
                "COGROUP keys of different types",
                node.span,
            ));
        }
        let key_opt = codes.iter().any(|k| k.opt);
        let mut specs = vec![FieldSpec {
            pig_name: node.schema.fields.first().and_then(|f| f.name.clone()),
            ty: codes[0].ty.clone(),
            optional: key_opt,
        }];
        for (i, rel) in inputs.iter().enumerate() {
            specs.push(FieldSpec {
                pig_name: node.schema.fields.get(i + 1).and_then(|f| f.name.clone()),
                ty: RType::Bag(Box::new(rel.ty.clone())),
                optional: false,
            });
        }
        let gid = self
            .records
            .record(&hint, format!("Groups of `{hint}`: {}", node.schema), specs);
        let def = self.records.get(gid).clone();
        let name = &def.ident;
        let (gf, fa, fb) = (
            &def.fields[0].ident,
            &def.fields[1].ident,
            &def.fields[2].ident,
        );
        // Null keys of different inputs are different groups: a null key is tagged with its input.
        let mut keyed = Vec::new();
        for (i, k) in codes.iter().enumerate() {
            let src = self.input_stream(node, i)?;
            let ts = &k.ts;
            let tag = u8::try_from(i).unwrap_or(u8::MAX);
            keyed.push(if k.opt {
                quote!(#src.key_by(|r| { let k = #ts; let tag = k.is_none().then_some(#tag); (k, tag) }))
            } else if key_opt {
                quote!(#src.key_by(|r| (Some(#ts), None::<u8>)))
            } else {
                quote!(#src.key_by(|r| (#ts, None::<u8>)))
            });
        }
        let (a, b) = (&keyed[0], &keyed[1]);
        let gval = if codes[0].ty.is_copy() {
            quote!(k.0)
        } else {
            quote!(k.0.clone())
        };
        let sid = lit(&node.id.0);
        let mut chain = quote!(#a.cogroup(#sid, #b, |k, xs, ys| #name {
            #gf: #gval,
            #fa: rt::data::Bag::from_vec(xs.to_vec()),
            #fb: rt::data::Bag::from_vec(ys.to_vec()),
        }));
        let inner_fields: Vec<&Ident> = inner
            .iter()
            .zip([fa, fb])
            .filter(|(inner, _)| **inner)
            .map(|(_, f)| f)
            .collect();
        if !inner_fields.is_empty() {
            chain = quote!(#chain.filter(|g| #(!g.#inner_fields.is_empty())&&*));
        }
        let var = self.fresh_var(node, "cogrouped");
        self.bind(id, var, RType::Record(gid), chain);
        Ok(())
    }

    /// Binary JOIN (`keys`) or CROSS (`None`): output row = left fields ++ right fields.
    pub(super) fn join(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        join: Option<(&Vec<Expr>, &Vec<Expr>, JoinKind)>,
    ) -> Result<(), CodegenError> {
        let inputs = [self.input(node, 0)?, self.input(node, 1)?];
        let kind = join.map_or(JoinKind::Inner, |(_, _, k)| k);
        let (pad_left, pad_right) = match kind {
            JoinKind::Inner => (false, false),
            JoinKind::LeftOuter => (false, true),
            JoinKind::RightOuter => (true, false),
            JoinKind::FullOuter => (true, true),
        };
        let mut specs = Vec::new();
        let mut sources = Vec::new();
        let mut names = node.schema.fields.iter().map(|f| f.name.clone());
        for (i, rel) in inputs.iter().enumerate() {
            let RType::Record(rid) = rel.ty else {
                return Err(CodegenError::unsupported(
                    "JOIN or CROSS of a relation without a schema",
                    node.span,
                ));
            };
            let padded = (i == 0 && pad_left) || (i == 1 && pad_right);
            for f in self.records.get(rid).fields.clone() {
                specs.push(FieldSpec {
                    pig_name: names.next().flatten(),
                    ty: f.ty.clone(),
                    optional: f.optional || padded,
                });
                sources.push((i, f, padded));
            }
        }
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let out = self
            .records
            .record(&hint, format!("Rows of `{hint}`: {}", node.schema), specs);
        let paths = [quote!(l), quote!(r)];
        let values = sources
            .iter()
            .map(|(i, f, padded)| {
                let fid = &f.ident;
                let base = &paths[*i];
                let get = |b: TokenStream| {
                    if f.ty.is_copy() {
                        quote!(#b.#fid)
                    } else {
                        quote!(#b.#fid.clone())
                    }
                };
                if *padded {
                    let inner = get(quote!(x));
                    if f.optional {
                        quote!(#base.and_then(|x| #inner))
                    } else {
                        quote!(#base.map(|x| #inner))
                    }
                } else {
                    get(base.clone())
                }
            })
            .collect();
        let row = self.struct_literal(out, values);
        let sid = lit(&node.id.0);
        let var = self.fresh_var(node, "joined");
        let (s0, s1) = (self.input_stream(node, 0)?, self.input_stream(node, 1)?);
        let init = match join {
            None => quote!(#s0.cross(#sid, &#s1, |l, r| #row)),
            Some((left, right, kind)) => {
                let mut fns = Vec::new();
                let mut types = Vec::new();
                for (rel, exprs) in inputs.iter().zip([left, right]) {
                    let scope = Scope::row(Self::row_of(rel, quote!(r)));
                    let mut codes = Vec::new();
                    for e in exprs {
                        codes.push(self.exprs().eval(&scope, e)?);
                    }
                    types.push(codes.iter().map(|c| c.ty.clone()).collect::<Vec<_>>());
                    fns.push(join_key(codes));
                }
                if types[0] != types[1] {
                    return Err(CodegenError::unsupported(
                        "JOIN keys of different types",
                        node.span,
                    ));
                }
                let method = match kind {
                    JoinKind::Inner => quote!(join_inner),
                    JoinKind::LeftOuter => quote!(join_left),
                    JoinKind::RightOuter => quote!(join_right),
                    JoinKind::FullOuter => quote!(join_full),
                };
                let (k0, k1) = (&fns[0], &fns[1]);
                quote!(#s0.key_by(#k0).#method(#sid, #s1.key_by(#k1), |l, r| #row))
            }
        };
        self.bind(id, var, RType::Record(out), init);
        Ok(())
    }
}
