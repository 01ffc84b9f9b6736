//! ASSERT → `Stream::assert(location, message, condition)`: rows pass through; a row whose condition is
//! not true (false or null) fails a batch job with the ASSERT's message (see `pigc_runtime`'s
//! `operators::assert` for stream mode).

use super::*;

impl Gen<'_> {
    /// `alias = ASSERT input BY predicate [, 'message']`.
    pub(super) fn assert(
        &mut self,
        id: PhysId,
        node: &PhysicalNode,
        predicate: &Expr,
        message: Option<&str>,
    ) -> Result<(), CodegenError> {
        let input = self.input(node, 0)?;
        let scope = Scope::row(Self::row_of(&input, quote!(r)));
        let cond = self.exprs().eval(&scope, predicate)?;
        if cond.ty != RType::Boolean {
            return Err(CodegenError::unsupported(
                format!("ASSERT with the condition `{predicate}`, which is not a boolean"),
                predicate.span,
            ));
        }
        let cond = cond.as_option();
        let location = lit(&format!("{}:{}", self.opts.script_name, node.span.line));
        let message = match message {
            Some(m) => {
                let m = lit(m);
                quote!(Some(#m))
            }
            None => quote!(None),
        };
        let src = &input.var;
        let var = self.fresh_var(node, "asserted");
        self.bind(
            id,
            var,
            input.ty.clone(),
            quote!(#src.assert(#location, #message, |r| #cond)),
        );
        Ok(())
    }
}
