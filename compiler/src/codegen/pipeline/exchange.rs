//! Exchange (repartition by key) → `Stream::exchange(id, key)`: the identity in one process, a cut
//! through a repartition topic in the Kafka executor.

use super::*;
use crate::physical::KeySpec;

impl Gen<'_> {
    /// `let x = input.exchange("<op id>", |r| key);`. The key is a tuple of the key expressions' values,
    /// each as an `Option`, so that both inputs of a JOIN or COGROUP hash equal keys alike whether or not
    /// one side's key can be null.
    ///
    /// With a retention and an input that carries the event time, the input is tagged with it before
    /// the exchange (`input.event_time(…).exchange(…)`): in the Kafka executor the event times of what
    /// a task sends through its exchanges make its watermark, which the tasks it feeds evict by.
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
        let timed = node
            .event_time
            .filter(|_| self.plan.settings.retention.is_some());
        let src = match timed {
            Some(column) => self.with_event_time(quote!(#src), &input.ty, column, node)?,
            None => quote!(#src),
        };
        let word = node.alias.as_deref().map_or_else(
            || "exchanged".to_owned(),
            |a| format!("{}_by_key", snake(a)),
        );
        let var = ident(&self.vars.fresh(&word));
        if let Some(column) = timed {
            self.timed.insert(var.to_string(), column);
        }
        self.bind(
            id,
            var,
            input.ty.clone(),
            quote!(#src.exchange(#sid, #key_fn)),
        );
        Ok(())
    }
}
