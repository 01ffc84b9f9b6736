//! Macro expansion (`DEFINE m(a, b) RETURNS r { … }` and `r = m(x, 'v');`) and IMPORT.
//!
//! A macro body is planned in a frame of its own: its parameters (`$a`) stand for the caller's
//! relations, field names or literals, its other aliases are local to the expansion, and each
//! `$r` it returns is bound to the caller's output alias.

use super::{Binding, Builder, Frame, MacroValue};
use crate::diagnostics::Diagnostic;
use crate::parse::ast;
use crate::parse::Span;

/// How deeply macros may invoke macros (guards against recursive macros).
const MAX_MACRO_DEPTH: usize = 32;

/// The text a literal macro argument substitutes into a string.
pub(super) fn literal_text(l: &ast::Literal) -> String {
    match l {
        ast::Literal::Null => "null".to_string(),
        ast::Literal::Boolean(b) => b.to_string(),
        ast::Literal::Int(i) => i.to_string(),
        ast::Literal::Long(i) => i.to_string(),
        ast::Literal::Float(x) => x.to_string(),
        ast::Literal::Double(x) => x.to_string(),
        ast::Literal::BigInteger(s) | ast::Literal::BigDecimal(s) | ast::Literal::Chararray(s) => {
            s.clone()
        }
    }
}

impl Builder {
    pub(super) fn expand_macro(
        &mut self,
        outputs: &[ast::Ident],
        name: &ast::Ident,
        args: &[ast::MacroArg],
        span: Span,
    ) {
        let Some(def) = self.macros.get(&name.name).cloned() else {
            let names: Vec<String> = self.macros.keys().cloned().collect();
            let mut d = Diagnostic::error(format!("unknown macro `{}`", name.name), name.span);
            if let Some(s) = super::builtins::closest(&name.name, names.iter().map(String::as_str))
            {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            self.diags.push(d);
            self.bind_outputs(outputs, Binding::Failed);
            return;
        };
        if let Some(message) = macro_definition_error(&def) {
            self.error(message, def.name.span);
            self.bind_outputs(outputs, Binding::Failed);
            return;
        }
        if def.params.len() != args.len() {
            self.error(
                format!(
                    "macro `{}` takes {} argument(s) but {} were given",
                    def.name.name,
                    def.params.len(),
                    args.len()
                ),
                span,
            );
            self.bind_outputs(outputs, Binding::Failed);
            return;
        }
        if def.returns.len() != outputs.len() {
            self.error(
                format!(
                    "macro `{}` returns {} relation(s) but {} alias(es) receive them",
                    def.name.name,
                    def.returns.len(),
                    outputs.len()
                ),
                span,
            );
            self.bind_outputs(outputs, Binding::Failed);
            return;
        }
        if self.frames.len() > MAX_MACRO_DEPTH {
            self.error(
                format!(
                    "macro `{}` expands more than {MAX_MACRO_DEPTH} levels deep (is it recursive?)",
                    def.name.name
                ),
                span,
            );
            self.bind_outputs(outputs, Binding::Failed);
            return;
        }
        let mut frame = Frame::default();
        for (param, arg) in def.params.iter().zip(args) {
            let value = match arg {
                ast::MacroArg::Alias(ident) => match self.current_frame().params.get(&ident.name) {
                    Some(value) => value.clone(),
                    None => MacroValue::Word(ident.name.clone(), self.lookup_alias(&ident.name)),
                },
                ast::MacroArg::Literal(l, _) => MacroValue::Literal(l.clone()),
            };
            frame.params.insert(dollar(&param.name), value);
        }
        self.frames.push(frame);
        let imported_from = self.imported_macros.get(&def.name.name).cloned();
        let outer_call_site = self.call_site;
        let diagnostics_before = self.diags.len();
        if imported_from.is_some() && self.call_site.is_none() {
            self.call_site = Some(span);
        }
        self.statements(&def.body);
        self.call_site = outer_call_site;
        if let (Some(file), None) = (imported_from, outer_call_site) {
            self.relocate_diagnostics(diagnostics_before, span, &def.name.name, &file);
        }
        let frame = self.frames.pop().unwrap_or_default();
        let mut last = None;
        for (ret, out) in def.returns.iter().zip(outputs) {
            let binding = match frame.aliases.get(&dollar(&ret.name)) {
                Some(b) => *b,
                None => {
                    self.error(
                        format!(
                            "macro `{}` does not define its return alias `${}`",
                            def.name.name, ret.name
                        ),
                        ret.span,
                    );
                    Binding::Failed
                }
            };
            if let Binding::Node(n) = binding {
                let node = &mut self.plan.graph[n];
                if node.alias.as_deref().is_none_or(|a| a.starts_with('$')) {
                    node.alias = Some(out.name.clone());
                }
            }
            self.bind(out.name.clone(), binding);
            last = Some(binding);
        }
        if outputs.is_empty() {
            last = frame.last;
        }
        self.frame().last = last.or(self.current_frame().last);
    }

    /// Points the diagnostics from index `from` on at the call site of an imported macro, noting
    /// where in the imported file they are.
    fn relocate_diagnostics(&mut self, from: usize, call: Span, name: &str, file: &str) {
        let all = std::mem::take(&mut self.diags);
        self.diags = all
            .into_iter()
            .enumerate()
            .map(|(i, mut d)| {
                if i >= from {
                    if let Some(s) = d.span {
                        d.notes.push(format!(
                            "in macro `{name}` imported from {file}, line {} column {}",
                            s.line, s.col
                        ));
                    }
                    d.span = Some(call);
                    d.labels.clear();
                }
                d
            })
            .collect();
    }

    fn bind_outputs(&mut self, outputs: &[ast::Ident], binding: Binding) {
        for out in outputs {
            self.bind(out.name.clone(), binding);
        }
    }

    /// `IMPORT 'file.pig'`: parses the file (relative to the script) and plans its statements
    /// (usually macro definitions).
    pub(super) fn import(&mut self, path: &str, span: Span) {
        let base = std::path::Path::new(&self.file)
            .parent()
            .unwrap_or(std::path::Path::new(""));
        let full = base.join(path);
        match std::fs::read_to_string(&full) {
            Ok(source) => match crate::parse::parse_text(&source) {
                (script, diags) if !diags.has_errors() => {
                    let outer = self.importing.replace(full.display().to_string());
                    self.statements(&script.statements);
                    self.importing = outer;
                }
                _ => self.error(
                    format!(
                        "imported file `{}` has syntax errors (run `pigc check` on it)",
                        full.display()
                    ),
                    span,
                ),
            },
            Err(e) => self.error(
                format!("cannot read imported file `{}`: {e}", full.display()),
                span,
            ),
        }
    }
}

/// What Pig rejects in a macro definition: a repeated parameter, a parameter named like a return
/// alias, a macro named like a builtin function.
fn macro_definition_error(def: &ast::MacroDef) -> Option<String> {
    let name = &def.name.name;
    if crate::plan::builtins::Builtin::lookup(name).is_some() {
        return Some(format!(
            "macro name `{name}` hides the builtin function {name}"
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for p in &def.params {
        if !seen.insert(p.name.as_str()) {
            return Some(format!(
                "macro `{name}` has the parameter `{}` twice",
                p.name
            ));
        }
    }
    def.returns
        .iter()
        .find(|r| seen.contains(r.name.as_str()))
        .map(|r| {
            format!(
                "macro `{name}`: `{}` is both a parameter and a return alias",
                r.name
            )
        })
}

/// `$name` for a macro parameter or return alias declared as `name`.
fn dollar(name: &str) -> String {
    if name.starts_with('$') {
        name.to_string()
    } else {
        format!("${name}")
    }
}
