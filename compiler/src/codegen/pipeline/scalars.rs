//! Relations used as scalars (Pig's `c.total` where `c` has at most one row).
//!
//! Incrementally a scalar changes over time, so whatever was computed with it must be retracted and
//! computed again. The consumer's input is therefore paired with the scalar relations' rows by
//! `with_scalar` (a cross product with the one-row relation that re-derives every pair when the scalar
//! changes), and the consumer's expressions read the scalar from the pair: `r.scalar` (the pair
//! dereferences to the row, so `r.field` still reads the row). LIMIT and SAMPLE whose count or fraction
//! reads a scalar use `limit_scalar`, `top_n_scalar` and `sample_scalar`, which keep the scalar
//! relation's row themselves.

use super::*;

/// A relation read as a scalar by the operator being generated.
struct ScalarRel {
    /// Its stream.
    var: Ident,
    /// Its row's struct.
    record: RecordId,
    /// The logical nodes it computes (a scalar expression names one of them).
    logical: Vec<crate::plan::NodeId>,
    /// How error messages name it: `alias (script:line)`.
    name: LitStr,
}

impl Gen<'_> {
    /// The relations `node` reads as scalars.
    fn scalar_relations(&self, node: &PhysicalNode) -> Result<Vec<ScalarRel>, CodegenError> {
        let mut out = Vec::with_capacity(node.scalar_inputs.len());
        for &p in &node.scalar_inputs {
            let source = self.plan.node(p);
            if source.op.output_ports() != 1 {
                return Err(CodegenError::unsupported(
                    "a branch of SPLIT used as a scalar",
                    node.span,
                ));
            }
            let rel = self.rels.get(&(p.0, 0)).ok_or_else(|| {
                CodegenError::Internal(format!("scalar {p} used before it is built"))
            })?;
            let RType::Record(record) = rel.ty else {
                return Err(CodegenError::unsupported(
                    "a relation without a schema used as a scalar",
                    node.span,
                ));
            };
            // A stream plan routes the scalar through an exchange to the global key; the relation it
            // computes is the exchange's input.
            let mut source = source;
            while let (PhysicalOp::Exchange { .. }, Some(input)) =
                (&source.op, source.inputs.first())
            {
                source = self.plan.node(input.node);
            }
            let alias = source.alias.as_deref().unwrap_or("(unnamed relation)");
            out.push(ScalarRel {
                var: rel.var.clone(),
                record,
                logical: source.logical.clone(),
                name: lit(&format!(
                    "{alias} ({}:{})",
                    self.opts.script_name, source.span.line
                )),
            });
        }
        Ok(out)
    }

    /// Before generating `node`: a FOREACH or FILTER that reads scalars gets its input paired with
    /// them (`x.with_scalar(…)`), and its expressions read them from the pair. Other operators read
    /// no scalar here (LIMIT/SAMPLE and the aggregate's FOREACH bind theirs themselves; elsewhere a
    /// scalar is reported where the expression uses it).
    pub(super) fn begin_scalars(&mut self, node: &PhysicalNode) -> Result<(), CodegenError> {
        self.scalars.clear();
        self.paired_input = None;
        if node.scalar_inputs.is_empty()
            || !matches!(
                node.op,
                PhysicalOp::Map { .. } | PhysicalOp::Filter { .. } | PhysicalOp::FlatMap { .. }
            )
        {
            return Ok(());
        }
        let input = self.input(node, 0)?;
        if input.ty == RType::Tuple {
            // `*` of a schemaless row would copy the pair, not the row.
            return Err(CodegenError::unsupported(
                "a relation used as a scalar by a FOREACH or FILTER over a relation without a schema",
                node.span,
            ));
        }
        let paired = self.pair_with_scalars(node, &input)?;
        self.paired_input = Some((node.id.clone(), paired));
        Ok(())
    }

    /// After generating `node`: a FILTER of paired rows passes the rows on without their scalars.
    pub(super) fn end_scalars(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
    ) -> Result<(), CodegenError> {
        let paired = self.paired_input.take().is_some();
        let depth = self.scalars.len();
        self.scalars.clear();
        if !paired || !matches!(node.op, PhysicalOp::Filter { .. }) {
            return Ok(());
        }
        let out = self.rels.get(&(id.0, 0)).cloned().ok_or_else(|| {
            CodegenError::Internal(format!("operator {} bound no output", node.id))
        })?;
        let rows = std::iter::repeat_n(quote!(.row), depth);
        let src = &out.var;
        let var = self.fresh_var(node, "filtered");
        self.bind(id, var, out.ty, quote!(#src.map(|r| r #(#rows)*.clone())));
        Ok(())
    }

    /// `rel` paired with every scalar `node` reads, one `with_scalar` each; binds the scalars for the
    /// expressions over the pairs (the last paired is `r.scalar`, the one before `r.row.scalar`, …).
    pub(super) fn pair_with_scalars(
        &mut self,
        node: &PhysicalNode,
        rel: &Rel,
    ) -> Result<Rel, CodegenError> {
        let scalars = self.scalar_relations(node)?;
        let src = &rel.var;
        let mut chain = quote!(#src);
        for (j, s) in scalars.iter().enumerate() {
            let sid = lit(&format!("{}.scalar{j}", node.id));
            let (var, name) = (&s.var, &s.name);
            chain = quote!(#chain.with_scalar(#sid, &#var, #name));
        }
        let n = scalars.len();
        self.scalars = scalars
            .into_iter()
            .enumerate()
            .map(|(j, s)| {
                let rows = std::iter::repeat_n(quote!(.row), n - 1 - j);
                ScalarBinding {
                    logical: s.logical,
                    value: quote!(r #(#rows)*.scalar.as_ref()),
                    record: s.record,
                }
            })
            .collect();
        let word = format!(
            "{}_with_scalar",
            node.alias
                .as_deref()
                .map_or_else(|| "rows".to_owned(), snake)
        );
        let var = ident(&self.vars.fresh(&word));
        self.stmts.push(quote!(let #var = #chain;));
        Ok(Rel {
            var,
            ty: rel.ty.clone(),
        })
    }

    /// A LIMIT count or SAMPLE fraction `e` that reads a scalar: the scalar relation's stream, its name,
    /// and `e` over the closure parameter `scalar: Option<&S>`.
    pub(super) fn scalar_argument(
        &mut self,
        node: &PhysicalNode,
        e: &Expr,
    ) -> Result<(Ident, LitStr, Code), CodegenError> {
        let mut scalars = self.scalar_relations(node)?;
        if scalars.len() != 1 {
            return Err(CodegenError::unsupported(
                "a LIMIT count or SAMPLE fraction that reads more than one scalar relation",
                e.span,
            ));
        }
        let s = scalars.remove(0);
        self.scalars = vec![ScalarBinding {
            logical: s.logical,
            value: quote!(scalar),
            record: s.record,
        }];
        // The argument reads no field of the input (the planner checks it), only the scalar.
        let code = self.exprs().eval(&Scope::row(Row::Tuple(quote!(r))), e);
        self.scalars.clear();
        Ok((s.var, s.name, code?))
    }

    /// `LIMIT n` / `ORDER … LIMIT n` with `n` read from a scalar: `limit_scalar` or `top_n_scalar`.
    pub(super) fn limit_by_scalar(
        &mut self,
        node: &PhysicalNode,
        count: &Expr,
        sort_key: Option<TokenStream>,
    ) -> Result<TokenStream, CodegenError> {
        let (scalar, name, c) = self.scalar_argument(node, count)?;
        let ts = &c.ts;
        let n = match (&c.ty, c.opt) {
            (RType::Long, true) => quote!(#ts),
            (RType::Long, false) => quote!(Some(#ts)),
            (RType::Int, true) => quote!(#ts.map(i64::from)),
            (RType::Int, false) => quote!(Some(i64::from(#ts))),
            _ => {
                return Err(CodegenError::unsupported(
                    "a LIMIT count that is not an int or a long",
                    count.span,
                ))
            }
        };
        let src = self.input_stream(node, 0)?;
        let sid = lit(&node.id.0);
        Ok(match sort_key {
            Some(key) => {
                quote!(#src.top_n_scalar(#sid, &#scalar, #name, |scalar| #n, #key))
            }
            None => quote!(#src.limit_scalar(#sid, &#scalar, #name, |scalar| #n)),
        })
    }

    /// `SAMPLE x p` with `p` read from a scalar: `sample_scalar`.
    pub(super) fn sample_by_scalar(
        &mut self,
        node: &PhysicalNode,
        fraction: &Expr,
    ) -> Result<TokenStream, CodegenError> {
        let (scalar, name, c) = self.scalar_argument(node, fraction)?;
        let ts = &c.ts;
        let p = match (&c.ty, c.opt) {
            (RType::Double, true) => quote!(#ts.map(|p| p.0)),
            (RType::Double, false) => quote!(Some(#ts.0)),
            (RType::Float, true) => quote!(#ts.map(|p| f64::from(p.0))),
            (RType::Float, false) => quote!(Some(f64::from(#ts.0))),
            _ => {
                return Err(CodegenError::unsupported(
                    "a SAMPLE fraction that is not a float or a double",
                    fraction.span,
                ))
            }
        };
        let src = self.input_stream(node, 0)?;
        let sid = lit(&node.id.0);
        Ok(quote!(#src.sample_scalar(#sid, &#scalar, #name, |scalar| #p)))
    }
}

#[cfg(test)]
mod tests {
    use crate::codegen::{compile_source, CodegenOptions};
    use crate::parse::Params;

    const PRELUDE: &str = "x = LOAD 'x' AS (k:chararray, v:int);
c = FOREACH (GROUP x ALL) GENERATE COUNT_STAR(x) AS n, MAX(x.v) AS top;
d = FOREACH (GROUP x ALL) GENERATE MIN(x.v) AS low;
";

    /// The generated module, or the rendered diagnostics.
    fn compile(statements: &str) -> Result<String, String> {
        let source = format!("{PRELUDE}{statements}");
        compile_source(
            &source,
            "t.pig",
            &Params::default(),
            &CodegenOptions::default(),
        )
        .map(|c| c.module.source)
        .map_err(|e| e.diagnostics.render("t.pig", &e.text))
    }

    #[test]
    fn scalars_pair_the_input_and_filters_drop_the_pair() {
        let module = compile(
            "y = FILTER x BY v > c.top - d.low;\nSTORE y INTO 'y';\n\
             z = FOREACH x GENERATE k, v * c.n AS w;\nSTORE z INTO 'z';\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for part in [
            ".with_scalar(\"y.filter.",
            "r.row.scalar.as_ref().and_then(|sc| sc.top)",
            "r.scalar.as_ref().and_then(|sc| sc.low)",
            ".map(|r| r.row.row.clone())",
            "r.scalar.as_ref().map(|sc| sc.n)",
        ] {
            assert!(module.contains(part), "no `{part}` in\n{module}");
        }
    }

    #[test]
    fn limit_and_sample_read_their_scalar_in_a_closure() {
        let module = compile(
            "l = LIMIT x c.n;\nSTORE l INTO 'l';\ns = SAMPLE x (double)c.n / 10;\nSTORE s INTO 's';\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(module.contains(".limit_scalar("), "{module}");
        assert!(module.contains(".sample_scalar("), "{module}");
        assert!(
            module.contains("|scalar| scalar.map(|sc| sc.n)"),
            "{module}"
        );
    }

    #[test]
    fn a_scalar_where_no_operator_reads_it_is_reported_at_its_use() {
        let err = compile("g = GROUP x BY v + c.n;\nSTORE g INTO 'g';\n")
            .expect_err("a scalar in a GROUP key is not compiled");
        assert!(
            err.contains("a relation used as a scalar here") && err.contains("t.pig:4"),
            "{err}"
        );
        let err = compile("l = LIMIT x c.n + d.low;\nSTORE l INTO 'l';\n")
            .expect_err("a count from two scalars is not compiled");
        assert!(err.contains("more than one scalar relation"), "{err}");
    }
}
