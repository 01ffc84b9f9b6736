//! UNION and UNION ONSCHEMA.

use super::*;

impl Gen<'_> {
    /// UNION ONSCHEMA: every input mapped onto the union's fields by name (`mapping[input][field]` is
    /// the input's column, `None` for a field the input lacks, which is null).
    pub(super) fn union_onschema(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        mapping: &[Vec<Option<usize>>],
    ) -> Result<(), CodegenError> {
        let inputs: Vec<Rel> = (0..node.inputs.len())
            .map(|i| self.input(node, i))
            .collect::<Result<_, _>>()?;
        let mut records = Vec::with_capacity(inputs.len());
        for rel in &inputs {
            let RType::Record(rid) = rel.ty else {
                return Err(CodegenError::unsupported(
                    "UNION ONSCHEMA of relations without a schema",
                    node.span,
                ));
            };
            records.push(self.records.get(rid).fields.clone());
        }
        let mut specs = Vec::with_capacity(node.schema.fields.len());
        for (j, field) in node.schema.fields.iter().enumerate() {
            let mut ty: Option<RType> = None;
            let mut mixed = false;
            let mut optional = false;
            for (fields, map) in records.iter().zip(mapping) {
                match map.get(j).copied().flatten().and_then(|c| fields.get(c)) {
                    Some(f) => {
                        mixed |= ty.as_ref().is_some_and(|t| *t != f.ty);
                        ty = Some(f.ty.clone());
                        optional |= f.optional;
                    }
                    None => optional = true,
                }
            }
            let ty = match ty {
                // Inputs disagree (int and long, …): the union's declared type, each input cast to it.
                Some(_) if mixed => {
                    optional = true;
                    self.records.of_pig(&field.ty, &format!("union_{j}"))?
                }
                Some(t) => t,
                None => {
                    return Err(CodegenError::Internal(format!(
                        "UNION field {j} comes from no input"
                    )))
                }
            };
            specs.push(FieldSpec {
                pig_name: field.name.clone(),
                ty,
                optional,
            });
        }
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let uid = self
            .records
            .record(&hint, format!("Rows of `{hint}`: {}", node.schema), specs);
        let target = self.records.get(uid).fields.clone();
        let mut streams = Vec::with_capacity(inputs.len());
        for ((rel, fields), map) in inputs.iter().zip(&records).zip(mapping) {
            let mut values = Vec::with_capacity(target.len());
            for (j, t) in target.iter().enumerate() {
                let source = map.get(j).copied().flatten().and_then(|c| fields.get(c));
                values.push(match source {
                    Some(f) => {
                        let fid = &f.ident;
                        let v = if f.ty.is_copy() {
                            quote!(r.#fid)
                        } else {
                            quote!(r.#fid.clone())
                        };
                        let c = Code {
                            ts: v,
                            ty: f.ty.clone(),
                            opt: f.optional,
                        };
                        let what = format!("UNION field {}", j + 1);
                        let c = self.exprs().cast_at(c, &t.ty, &what, node.span)?;
                        if t.optional && !c.opt {
                            let ts = c.ts;
                            quote!(Some(#ts))
                        } else {
                            c.ts
                        }
                    }
                    None => quote!(None),
                });
            }
            let row = self.struct_literal(uid, values);
            let src = &rel.var;
            streams.push(quote!(#src.map(|r| #row)));
        }
        let var = self.fresh_var(node, "united");
        let first_s = &streams[0];
        // Names unique in `build`, so that no relation variable is shadowed inside the block.
        let rest_vars: Vec<Ident> = (1..streams.len())
            .map(|i| ident(&self.vars.fresh(&format!("{var}_part{i}"))))
            .collect();
        let lets = rest_vars
            .iter()
            .zip(&streams[1..])
            .map(|(v, s)| quote!(let #v = #s;));
        self.bind(
            id,
            var,
            RType::Record(uid),
            quote!({ #(#lets)* #first_s.union_many([#(&#rest_vars),*]) }),
        );
        Ok(())
    }

    pub(super) fn union(&mut self, id: PhysId, node: &PhysicalNode) -> Result<(), CodegenError> {
        let inputs: Vec<Rel> = (0..node.inputs.len())
            .map(|i| self.input(node, i))
            .collect::<Result<_, _>>()?;
        let Some(first) = inputs.first().cloned() else {
            return Err(CodegenError::Internal("UNION without inputs".into()));
        };
        let var = self.fresh_var(node, "united");
        if inputs.iter().all(|r| r.ty == first.ty) {
            let src = &first.var;
            let others = inputs[1..].iter().map(|r| &r.var);
            self.bind(
                id,
                var,
                first.ty.clone(),
                quote!(#src.union_many([#(&#others),*])),
            );
            return Ok(());
        }
        // Same widths, different structs or types: map every input onto one struct by position.
        let width = node.schema.fields.len();
        let mapping: Vec<Vec<Option<usize>>> = inputs
            .iter()
            .map(|_| (0..width).map(Some).collect())
            .collect();
        self.union_onschema(id, node, &mapping)
    }
}
