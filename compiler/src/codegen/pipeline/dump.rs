//! DUMP → `Stream::sink_stdout()`, or `sink_stdout_sorted(compare)` for the output of an ORDER: rows
//! printed in Pig's tuple text form, `(a,1,)`, one per line.

use super::*;

impl Gen<'_> {
    /// `DUMP input`.
    pub(super) fn dump(
        &mut self,
        node: &PhysicalNode,
        mode: &SinkMode,
    ) -> Result<(), CodegenError> {
        let input = self.input(node, 0)?;
        let src = &input.var;
        let stmt = match mode {
            SinkMode::Sorted { keys } => {
                let compare = self.comparator(&input, keys)?;
                quote!(#src.sink_stdout_sorted(#compare);)
            }
            SinkMode::Append | SinkMode::Upsert { .. } => quote!(#src.sink_stdout();),
        };
        self.stmts.push(stmt);
        Ok(())
    }
}
