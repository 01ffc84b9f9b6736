//! RANK → `Stream::rank(key, dense, finish)` with BY, `Stream::row_number(finish)` without: the output
//! row is the rank (`rank_<alias>`, a long) followed by the input row's fields.

use super::*;

impl Gen<'_> {
    /// `alias = RANK input [BY keys [DENSE]]`.
    pub(super) fn rank(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        keys: &[SortKey],
        dense: bool,
    ) -> Result<(), CodegenError> {
        let input = self.input(node, 0)?;
        let (finish, ty) = self.ranked_row(id, node, &input)?;
        let src = &input.var;
        let init = if keys.is_empty() {
            quote!(#src.row_number(#finish))
        } else {
            let scope = Scope::row(Self::row_of(&input, quote!(r)));
            let mut parts = Vec::with_capacity(keys.len());
            for k in keys {
                let v = self.exprs().eval(&scope, &k.expr)?.ts;
                parts.push(if k.descending {
                    quote!(std::cmp::Reverse(#v))
                } else {
                    v
                });
            }
            quote!(#src.rank(|r| (#(#parts,)*), #dense, #finish))
        };
        let var = self.fresh_var(node, "ranked");
        self.bind(id, var, ty, init);
        Ok(())
    }

    /// `|n, r| …`: the output row of rank `n` and input row `r`, and its type.
    fn ranked_row(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        input: &Rel,
    ) -> Result<(TokenStream, RType), CodegenError> {
        let RType::Record(in_id) = input.ty else {
            // A schema-less input: the rank goes in front of the tuple's values.
            let finish = quote!(|n, r| {
                let mut fields = vec![rt::data::Value::Long(n)];
                fields.extend(r.fields().iter().cloned());
                rt::data::Tuple::new(fields)
            });
            return Ok((finish, RType::Tuple));
        };
        let in_fields = self.records.get(in_id).fields.clone();
        let mut specs = vec![FieldSpec {
            pig_name: node.schema.fields.first().and_then(|f| f.name.clone()),
            ty: RType::Long,
            optional: false,
        }];
        let mut values = vec![quote!(n)];
        for (i, f) in in_fields.iter().enumerate() {
            specs.push(FieldSpec {
                pig_name: node
                    .schema
                    .fields
                    .get(i + 1)
                    .and_then(|s| s.name.clone())
                    .or_else(|| f.pig_name.clone()),
                ty: f.ty.clone(),
                optional: f.optional,
            });
            let fid = &f.ident;
            values.push(if f.ty.is_copy() {
                quote!(r.#fid)
            } else {
                quote!(r.#fid.clone())
            });
        }
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let out = self
            .records
            .record(&hint, format!("Rows of `{hint}`: {}", node.schema), specs);
        let row = self.struct_literal(out, values);
        let r = if in_fields.is_empty() {
            quote!(_)
        } else {
            quote!(r)
        };
        Ok((quote!(|n, #r| #row), RType::Record(out)))
    }
}
