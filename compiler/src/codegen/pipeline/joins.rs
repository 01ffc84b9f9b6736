//! COGROUP, JOIN (hash, replicated lookup) and CROSS.

use super::aggregate::{nested_tuple, MAX_TUPLE};
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
            return self.cogroup_many(id, node, keys, all, inner);
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
        let gid = self.group_record(node, &hint, codes[0].ty.clone(), key_opt, &inputs);
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
        let chain = quote!(#a.cogroup(#sid, #b, |k, xs, ys| #name {
            #gf: #gval,
            #fa: rt::data::Bag::from_vec(xs.to_vec()),
            #fb: rt::data::Bag::from_vec(ys.to_vec()),
        }));
        let inner_fields: Vec<Ident> = inner
            .iter()
            .zip([fa, fb])
            .filter(|(inner, _)| **inner)
            .map(|(_, f)| f.clone())
            .collect();
        self.bind_cogroup(id, node, gid, chain, &inner_fields);
        Ok(())
    }

    /// The record of a COGROUP's output: the group (of type `group_ty`), then one bag per input.
    fn group_record(
        &mut self,
        node: &PhysicalNode,
        hint: &str,
        group_ty: RType,
        group_opt: bool,
        inputs: &[Rel],
    ) -> RecordId {
        let name = |i: usize| node.schema.fields.get(i).and_then(|f| f.name.clone());
        let mut specs = vec![FieldSpec {
            pig_name: name(0),
            ty: group_ty,
            optional: group_opt,
        }];
        specs.extend(inputs.iter().enumerate().map(|(i, rel)| FieldSpec {
            pig_name: name(i + 1),
            ty: RType::Bag(Box::new(rel.ty.clone())),
            optional: false,
        }));
        self.records
            .record(hint, format!("Groups of `{hint}`: {}", node.schema), specs)
    }

    /// Binds a COGROUP's chain, keeping only the groups where every INNER input's bag (its field in
    /// `inner_fields`) is not empty.
    fn bind_cogroup(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        gid: RecordId,
        chain: TokenStream,
        inner_fields: &[Ident],
    ) {
        let chain = if inner_fields.is_empty() {
            chain
        } else {
            quote!(#chain.filter(|g| #(!g.#inner_fields.is_empty())&&*))
        };
        let var = self.fresh_var(node, "cogrouped");
        self.bind(id, var, RType::Record(gid), chain);
    }

    /// COGROUP of other than two inputs, or `COGROUP … ALL`: every input's rows tagged with their key
    /// and put in the slot of a tuple of options for their input, the tagged streams united, and one
    /// bag accumulator per input over the union (see `rt::operators::bag`): a group exists while any
    /// input has a row with its key, and each bag holds that input's rows, sorted.
    fn cogroup_many(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        keys: &[Vec<Expr>],
        all: bool,
        inner: &[bool],
    ) -> Result<(), CodegenError> {
        let n = node.inputs.len();
        if n == 0 || n > MAX_TUPLE {
            return Err(CodegenError::unsupported(
                format!("COGROUP of {n} relations (1 to {MAX_TUPLE} are supported)"),
                node.span,
            ));
        }
        let inputs: Vec<Rel> = (0..n)
            .map(|i| self.input(node, i))
            .collect::<Result<_, _>>()?;
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let mut codes = Vec::new();
        if !all {
            for (i, rel) in inputs.iter().enumerate() {
                let scope = Scope::row(Self::row_of(rel, quote!(r)));
                let exprs = keys.get(i).cloned().unwrap_or_default();
                codes.push(self.group_key(&scope, &exprs, &hint, node)?);
            }
            if codes.iter().any(|c| c.ty != codes[0].ty) {
                return Err(CodegenError::unsupported(
                    "COGROUP keys of different types",
                    node.span,
                ));
            }
        }
        let key_opt = codes.iter().any(|k| k.opt);
        let (group_ty, group_opt) = match codes.first() {
            Some(k) => (k.ty.clone(), key_opt),
            None => (RType::Chararray, false),
        };
        let gid = self.group_record(node, &hint, group_ty.clone(), group_opt, &inputs);
        let def = self.records.get(gid).clone();
        // The union's element: the key, which input a null key comes from (null keys of different
        // inputs are different groups), and the row in the field of its input.
        let mut tag_specs = Vec::new();
        if !all {
            tag_specs.push(FieldSpec {
                pig_name: Some("key".to_owned()),
                ty: group_ty.clone(),
                optional: key_opt,
            });
            tag_specs.push(FieldSpec {
                pig_name: Some("null_key_of".to_owned()),
                ty: RType::Int,
                optional: true,
            });
        }
        for (i, rel) in inputs.iter().enumerate() {
            tag_specs.push(FieldSpec {
                pig_name: node.schema.fields.get(i + 1).and_then(|f| f.name.clone()),
                ty: rel.ty.clone(),
                optional: true,
            });
        }
        let tid = self.records.record(
            &format!("{hint}_tagged"),
            format!("A row of one input of `{hint}`, tagged with its COGROUP key"),
            tag_specs,
        );
        let tdef = self.records.get(tid).clone();
        let tname = &tdef.ident;
        let slots = &tdef.fields[if all { 0 } else { 2 }..];
        let mut tagged = Vec::with_capacity(n);
        for i in 0..n {
            let src = self.input(node, i)?.var;
            let rows = slots.iter().enumerate().map(|(j, f)| {
                let fid = &f.ident;
                if j == i {
                    quote!(#fid: Some(r.clone()))
                } else {
                    quote!(#fid: None)
                }
            });
            let row = match (codes.get(i), &tdef.fields[..]) {
                (Some(k), [kf, tf, ..]) => {
                    let (kid, tid) = (&kf.ident, &tf.ident);
                    let ts = &k.ts;
                    let tag = i32::try_from(i).unwrap_or(i32::MAX);
                    if k.opt {
                        quote!({ let k = #ts; #tname { #tid: k.is_none().then_some(#tag), #kid: k, #(#rows),* } })
                    } else if key_opt {
                        quote!(#tname { #kid: Some(#ts), #tid: None, #(#rows),* })
                    } else {
                        quote!(#tname { #kid: #ts, #tid: None, #(#rows),* })
                    }
                }
                _ => quote!(#tname { #(#rows),* }),
            };
            tagged.push(quote!(#src.map(|r| #row)));
        }
        let first = &tagged[0];
        let rest = &tagged[1..];
        let mut united = if rest.is_empty() {
            first.clone()
        } else {
            quote!(#first.union_many([#(&#rest),*]))
        };
        if let Some(Eviction::Retention { event_time, .. }) =
            node.state.as_ref().map(|s| &s.eviction)
        {
            // Groups are evicted by the event time of the rows that reached them: read it from the
            // tagged row's input.
            let mut arms = Vec::with_capacity(n);
            for ((slot, rel), column) in slots.iter().zip(&inputs).zip(event_time) {
                let fid = &slot.ident;
                let millis = self.event_millis(&rel.ty, *column, node)?;
                arms.push(quote!(if let Some(r) = &r.#fid { #millis }));
            }
            if arms.len() == n {
                united = quote!(#united.event_time(|r| #(#arms else)* { 0 }));
            }
        }
        let bags = slots
            .iter()
            .zip(&inputs)
            .map(|(f, rel)| {
                let fid = &f.ident;
                let t = self.records.rust_type(&rel.ty);
                quote!(rt::operators::bag(|r: &#tname| r.#fid.clone(), |rows: &[#t]| rt::data::Bag::from_vec(rows.to_vec())))
            })
            .collect();
        let bag_vars: Vec<Ident> = (0..n).map(|i| format_ident!("b{}", i)).collect();
        let outs = nested_tuple(bag_vars.iter().map(|v| quote!(#v)).collect());
        let (kpat, key_fn, gval) = match &tdef.fields[..] {
            [kf, tf, ..] if !all => {
                let (kid, tid) = (&kf.ident, &tf.ident);
                if group_ty.is_copy() {
                    (quote!(k), quote!(|r| (r.#kid, r.#tid)), quote!(k.0))
                } else {
                    (
                        quote!(k),
                        quote!(|r| (r.#kid.clone(), r.#tid)),
                        quote!(k.0.clone()),
                    )
                }
            }
            _ => (quote!(_), quote!(|_| ()), quote!(String::from("all"))),
        };
        let mut values = vec![gval];
        values.extend(bag_vars.iter().map(|v| quote!(#v)));
        let row = self.struct_literal(gid, values);
        let bags = nested_tuple(bags);
        let sid = lit(&node.id.0);
        let chain = quote!(#united.key_by(#key_fn).aggregate(#sid, #bags, |#kpat, #outs| #row));
        let inner_fields: Vec<Ident> = inner
            .iter()
            .zip(def.fields.iter().skip(1))
            .filter(|(inner, _)| **inner)
            .map(|(_, f)| f.ident.clone())
            .collect();
        self.bind_cogroup(id, node, gid, chain, &inner_fields);
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
