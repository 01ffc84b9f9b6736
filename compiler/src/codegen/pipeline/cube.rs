//! CUBE/ROLLUP → `Stream::cube(id, groups, finish)`: per input row and grouping set, the group tuple
//! (rolled-up dimensions null) and the bag tuple Pig adds to that group (the group's dimension values,
//! then the input's other columns); each group's output is `(group, cube)`.
//!
//! As Pig does (`CubeDimensions`), a null value of a chararray or bytearray dimension becomes
//! `unknown` before the grouping sets are formed, so that it differs from a rolled-up dimension. A null
//! value of a dimension of another type stays null (Pig would store the string `unknown` in the typed
//! field); the runtime keeps such groups apart from the rolled-up ones by grouping set.

use super::*;
use crate::plan::logical::cube_pushed_columns;

impl Gen<'_> {
    /// `alias = CUBE input BY CUBE(…), ROLLUP(…)`.
    pub(super) fn cube(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        dimensions: &[Expr],
        sets: &[Vec<bool>],
    ) -> Result<(), CodegenError> {
        let input = self.input(node, 0)?;
        let scope = Scope::row(Self::row_of(&input, quote!(r)));
        let hint = Self::alias_of(id, node).unwrap_or_default();
        let (group, bag) = match node.schema.fields.as_slice() {
            [group, bag] => (group, bag),
            _ => {
                return Err(CodegenError::Internal(format!(
                    "CUBE {} has the schema {}, not (group, cube)",
                    node.id, node.schema
                )))
            }
        };
        let RType::Record(gid) = self.records.of_pig(&group.ty, &format!("{hint}_group"))? else {
            return Err(CodegenError::Internal(format!(
                "CUBE {}: the group is not a tuple with a schema",
                node.id
            )));
        };
        let group_fields = self.records.get(gid).fields.clone();
        if group_fields.len() != dimensions.len() {
            return Err(CodegenError::Internal(format!(
                "CUBE {}: {} dimensions for a group of {} fields",
                node.id,
                dimensions.len(),
                group_fields.len()
            )));
        }
        // One local per dimension value, then one group literal per grouping set.
        let mut binds = Vec::with_capacity(dimensions.len());
        let mut vars = Vec::with_capacity(dimensions.len());
        for (i, (d, f)) in dimensions.iter().zip(&group_fields).enumerate() {
            let c = self.exprs().eval(&scope, d)?;
            if c.ty != f.ty {
                return Err(CodegenError::unsupported(
                    format!("the CUBE dimension `{d}` (its type differs from its group field)"),
                    d.span,
                ));
            }
            let value = known_value(&c);
            let var = format_ident!("d{}", i);
            binds.push(quote!(let #var = #value;));
            vars.push((var, f.ty.is_copy()));
        }
        // The bag tuples: the group's dimension values, then the input's other columns (as Pig).
        let RType::Bag(element) = self.records.of_pig(&bag.ty, &format!("{hint}_cube"))? else {
            return Err(CodegenError::Internal(format!(
                "CUBE {}: the cube field is not a bag",
                node.id
            )));
        };
        let RType::Record(eid) = *element else {
            return Err(CodegenError::Internal(format!(
                "CUBE {}: the bag's tuples have no schema",
                node.id
            )));
        };
        let pushed = self.pushed_values(node, &input, dimensions, eid)?;
        let mut groups = Vec::with_capacity(sets.len());
        for set in sets {
            let values: Vec<TokenStream> = vars
                .iter()
                .zip(set)
                .map(|((var, copy), kept)| match (kept, copy) {
                    (false, _) => quote!(None),
                    (true, true) => quote!(#var),
                    (true, false) => quote!(#var.clone()),
                })
                .collect();
            let key = self.struct_literal(gid, values.clone());
            let tuple =
                self.struct_literal(eid, values.into_iter().chain(pushed.clone()).collect());
            groups.push(quote!((#key, #tuple)));
        }
        let specs = vec![
            FieldSpec {
                pig_name: group.name.clone(),
                ty: RType::Record(gid),
                optional: false,
            },
            FieldSpec {
                pig_name: bag.name.clone(),
                ty: RType::Bag(Box::new(RType::Record(eid))),
                optional: false,
            },
        ];
        let out = self.records.record(
            &hint,
            format!("Groups of `{hint}` (group tuple, bag of rows)"),
            specs,
        );
        let row = self.struct_literal(out, vec![quote!(k.clone()), quote!(rows)]);
        let src = self.input_stream(node, 0)?;
        let sid = lit(&node.id.0);
        let var = self.fresh_var(node, "cubed");
        self.bind(
            id,
            var,
            RType::Record(out),
            quote!(#src.cube(#sid, |r| { #(#binds)* [#(#groups),*] }, |k, rows| #row)),
        );
        Ok(())
    }

    /// The values of the input columns a bag tuple carries after the dimensions (see
    /// [`cube_pushed_columns`]), as the bag tuple's (nullable) fields take them.
    fn pushed_values(
        &self,
        node: &PhysicalNode,
        input: &Rel,
        dimensions: &[Expr],
        tuple: RecordId,
    ) -> Result<Vec<TokenStream>, CodegenError> {
        let RType::Record(in_id) = input.ty else {
            return Err(CodegenError::unsupported(
                "CUBE of a relation without a schema",
                node.span,
            ));
        };
        let in_fields = &self.records.get(in_id).fields;
        let tuple_fields = &self.records.get(tuple).fields;
        let pushed = cube_pushed_columns(dimensions, in_fields.len());
        if tuple_fields.len() != dimensions.len() + pushed.len() {
            return Err(CodegenError::Internal(format!(
                "CUBE {}: bag tuples of {} fields for {} dimensions and {} other columns",
                node.id,
                tuple_fields.len(),
                dimensions.len(),
                pushed.len()
            )));
        }
        Ok(pushed
            .into_iter()
            .map(|c| {
                let f = &in_fields[c];
                let fid = &f.ident;
                let value = if f.ty.is_copy() {
                    quote!(r.#fid)
                } else {
                    quote!(r.#fid.clone())
                };
                if f.optional {
                    value
                } else {
                    quote!(Some(#value))
                }
            })
            .collect())
    }
}

/// A dimension's value as an `Option`, a null chararray or bytearray replaced by `unknown` (Pig's
/// `CubeDimensions.convertNullToUnknown`).
fn known_value(c: &Code) -> TokenStream {
    let ts = &c.ts;
    let unknown = match c.ty {
        RType::Chararray => quote!(String::from("unknown")),
        RType::Bytearray => quote!(rt::data::Bytes::from("unknown")),
        _ => return c.as_option(),
    };
    if c.opt {
        let recv = receiver(ts);
        quote!(Some(#recv.unwrap_or_else(|| #unknown)))
    } else {
        quote!(Some(#ts))
    }
}
