//! Exchange (repartition by key) → `Stream::exchange(id, key)`: the identity in one process, a cut
//! through a repartition topic in the Kafka executor.

use super::*;
use crate::physical::KeySpec;

impl Gen<'_> {
    /// `let x = input.exchange("<op id>", |r| key);`. The key is a tuple of the key expressions' values,
    /// each as an `Option`, so that both inputs of a JOIN or COGROUP hash equal keys alike whether or not
    /// one side's key can be null.
    pub(super) fn exchange(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        key: &KeySpec,
    ) -> Result<(), CodegenError> {
        let input = self.input(node, 0)?;
        let key_fn = match key {
            KeySpec::Exprs(exprs) => {
                let scope = Scope::row(Self::row_of(&input, quote!(r)));
                let mut values = Vec::with_capacity(exprs.len());
                for e in exprs {
                    values.push(self.exprs().eval(&scope, e)?.as_option());
                }
                quote!(|r| (#(#values,)*))
            }
            KeySpec::Record => quote!(|r| r.clone()),
            KeySpec::Global | KeySpec::None => quote!(|_| ()),
        };
        let sid = lit(&node.id.0);
        let src = &input.var;
        let word = node.alias.as_deref().map_or_else(
            || "exchanged".to_owned(),
            |a| format!("{}_by_key", snake(a)),
        );
        let var = ident(&self.vars.fresh(&word));
        self.bind(
            id,
            var,
            input.ty.clone(),
            quote!(#src.exchange(#sid, #key_fn)),
        );
        Ok(())
    }
}
