//! AST → logical plan: statements, the alias environment (with macro frames), DEFINE, SET, DESCRIBE.
//!
//! Operators are planned in `ops.rs`, FOREACH in `foreach.rs`, expressions in `exprs.rs`.

mod exprs;
mod foreach;
mod macros;
mod ops;

use super::builtins::{self, StorageFunc};
use super::logical::{LogicalOp, LogicalPlan, Node, NodeId, Port, StorageSpec};
use super::schema::Schema;
use super::settings::{parse_duration, split_field_ref, FieldRef};
use super::udf::{RustUdf, RUST_UDF_FUNC};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::parse::ast::{self, Relation, SetValue, StatementKind};
use crate::parse::Span;
use std::collections::HashMap;

/// A successfully built plan and the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Planned {
    /// The plan.
    pub plan: LogicalPlan,
    /// Warnings (ignored statements, settings to check, …).
    pub warnings: Diagnostics,
}

/// Builds the logical plan of a parsed script. `file` is the script's path, used to resolve IMPORT.
///
/// Returns every error found (with spans), or the plan and its warnings.
pub fn build_plan(script: &ast::Script, file: &str) -> Result<Planned, Diagnostics> {
    let mut builder = Builder::new(file);
    builder.statements(&script.statements);
    builder.finish()
}

/// What an alias is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Binding {
    /// A relation.
    Node(NodeId),
    /// A relation whose statement had errors: uses of it are not reported again.
    Failed,
}

/// A value a macro parameter stands for.
#[derive(Debug, Clone)]
enum MacroValue {
    /// A bare word: a relation alias of the caller (bound), or a field name.
    Word(String, Option<Binding>),
    /// A literal.
    Literal(ast::Literal),
}

/// One alias scope: the script, or one macro expansion.
#[derive(Debug, Default)]
struct Frame {
    aliases: HashMap<String, Binding>,
    params: HashMap<String, MacroValue>,
    /// Aliases in definition order (for "did you mean").
    names: Vec<String>,
    last: Option<Binding>,
}

/// A `DEFINE alias func(args)`.
#[derive(Debug, Clone)]
struct Define {
    name: String,
    args: Vec<String>,
}

struct Builder {
    plan: LogicalPlan,
    diags: Diagnostics,
    frames: Vec<Frame>,
    defines: HashMap<String, Define>,
    macros: HashMap<String, ast::MacroDef>,
    /// Macros defined in IMPORTed files, with the file: their spans index that file's text.
    imported_macros: HashMap<String, String>,
    /// While planning the body of an imported macro: the call site, which replaces the spans of the
    /// nodes and diagnostics it produces (they cannot point into the main script's text).
    call_site: Option<Span>,
    /// Set while planning the statements of an IMPORTed file.
    importing: Option<String>,
    /// Namespaces of REGISTERed scripting files (`REGISTER 'f.py' USING jython AS ns`).
    script_namespaces: HashMap<String, String>,
    /// Scripting engines of files REGISTERed without a namespace (their functions have bare names).
    scripting_engines: Vec<String>,
    /// Relations read as scalars by the operator being planned.
    pending_scalars: Vec<NodeId>,
    file: String,
    /// `pigc.event_time` / `pigc.unique` entries (`key`, `alias.field`, span) whose alias was not
    /// defined yet when the SET ran: each is resolved when the script first defines the alias.
    field_settings: Vec<(String, String, Span)>,
}

impl Builder {
    fn new(file: &str) -> Builder {
        Builder {
            plan: LogicalPlan::new(),
            diags: Diagnostics::new(),
            frames: vec![Frame::default()],
            defines: HashMap::new(),
            macros: HashMap::new(),
            imported_macros: HashMap::new(),
            call_site: None,
            importing: None,
            script_namespaces: HashMap::new(),
            scripting_engines: Vec::new(),
            pending_scalars: Vec::new(),
            file: file.to_string(),
            field_settings: Vec::new(),
        }
    }

    fn finish(mut self) -> Result<Planned, Diagnostics> {
        self.resolve_field_settings();
        if self.diags.has_errors() {
            return Err(self.diags);
        }
        Ok(Planned {
            plan: self.plan,
            warnings: self.diags,
        })
    }

    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::error(message, span));
    }

    fn warn(&mut self, message: impl Into<String>, span: Span) {
        self.diags.push(Diagnostic::warning(message, span));
    }

    fn frame(&mut self) -> &mut Frame {
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn current_frame(&self) -> &Frame {
        &self.frames[self.frames.len() - 1]
    }

    fn statements(&mut self, statements: &[ast::Statement]) {
        for s in statements {
            self.statement(s);
        }
    }

    fn statement(&mut self, statement: &ast::Statement) {
        let span = statement.span;
        match &statement.kind {
            StatementKind::Relation { alias, operator } => {
                let name = alias.as_ref().map(|a| a.name.clone());
                let binding = self.operator(operator, name.as_deref());
                match (alias, &operator.kind) {
                    (Some(_), _) => {
                        if let Some(name) = name {
                            self.bind(name, binding)
                        }
                    }
                    (None, ast::OperatorKind::Assert { input, .. }) => {
                        if let Relation::Alias(a) = input {
                            let name = a.name.clone();
                            self.bind(name, binding);
                        }
                        self.frame().last = Some(binding);
                    }
                    (None, _) => self.frame().last = Some(binding),
                }
            }
            StatementKind::Store {
                relation,
                location,
                using,
            } => {
                let Some((input, _)) = self.relation(relation) else {
                    return;
                };
                let storage = self.storage(using.as_ref(), false);
                let location = self.substitute_text(&location.value);
                if let Some(storage) = storage {
                    let schema = self.plan.node(input).schema.clone();
                    let op = LogicalOp::Store { location, storage };
                    self.add(op, schema, None, span, &[input]);
                }
            }
            StatementKind::Split {
                relation,
                branches,
                otherwise,
            } => self.split(relation, branches, otherwise.as_ref(), span),
            StatementKind::Dump { relation } => {
                if let Some((input, _)) = self.relation(relation) {
                    let schema = self.plan.node(input).schema.clone();
                    self.add(LogicalOp::Dump, schema, None, span, &[input]);
                }
            }
            StatementKind::Describe { alias } => self.describe(alias.as_ref(), span),
            StatementKind::Explain { .. } => self.warn(
                "EXPLAIN inside a script is ignored; run `pigc explain FILE`",
                span,
            ),
            StatementKind::Illustrate { .. } => {
                self.warn("ILLUSTRATE is not supported by pigc and is ignored", span)
            }
            StatementKind::Define { alias, target } => self.define(alias, target),
            StatementKind::Macro(def) => {
                self.macros.insert(def.name.name.clone(), def.clone());
                match &self.importing {
                    Some(file) => self
                        .imported_macros
                        .insert(def.name.name.clone(), file.clone()),
                    None => self.imported_macros.remove(&def.name.name),
                };
            }
            StatementKind::MacroCall {
                outputs,
                name,
                args,
            } => self.expand_macro(outputs, name, args, span),
            StatementKind::Import { path } => self.import(&path.value, path.span),
            StatementKind::Register {
                path,
                using,
                namespace,
            } => {
                if let (Some(engine), None) = (using, namespace) {
                    self.scripting_engines.push(engine.name.clone());
                }
                if let (Some(engine), Some(ns)) = (using, namespace) {
                    self.script_namespaces
                        .insert(ns.name.clone(), engine.name.clone());
                } else if let Some(ns) = namespace {
                    self.script_namespaces.insert(ns.name.clone(), path.clone());
                }
            }
            StatementKind::Set { key, value } => self.set(key.as_deref(), value.as_ref(), span),
            StatementKind::Shell { .. } => self.warn(
                "shell and file-system commands are not run by pigc; this statement is ignored",
                span,
            ),
        }
    }

    fn bind(&mut self, name: String, binding: Binding) {
        let top_level = self.frames.len() == 1;
        let frame = self.frame();
        if frame.aliases.insert(name.clone(), binding).is_none() {
            frame.names.push(name.clone());
        }
        frame.last = Some(binding);
        if top_level && !self.field_settings.is_empty() {
            self.resolve_field_settings_for(&name);
        }
    }

    /// Adds a node, connecting its relational inputs and any scalars its expressions read.
    fn add(
        &mut self,
        op: LogicalOp,
        schema: Schema,
        alias: Option<&str>,
        span: Span,
        inputs: &[NodeId],
    ) -> NodeId {
        let node = Node {
            op,
            schema,
            alias: alias.map(str::to_string),
            span: self.call_site.unwrap_or(span),
        };
        let id = self.plan.add_node(node, inputs);
        for scalar in std::mem::take(&mut self.pending_scalars) {
            self.plan.connect(scalar, id, Port::Scalar);
        }
        id
    }

    /// Looks up an alias in the current frame (a macro parameter bound to a caller's relation
    /// included).
    fn lookup_alias(&self, name: &str) -> Option<Binding> {
        let frame = self.current_frame();
        if let Some(b) = frame.aliases.get(name) {
            return Some(*b);
        }
        match frame.params.get(name) {
            Some(MacroValue::Word(_, binding)) => *binding,
            _ => None,
        }
    }

    /// Resolves an input relation: its node and a name for it (used to name bags and qualify fields).
    /// `None` after an error (reported here unless the relation had failed already).
    fn relation(&mut self, relation: &Relation) -> Option<(NodeId, String)> {
        match relation {
            Relation::Alias(ident) => match self.lookup_alias(&ident.name) {
                Some(Binding::Node(n)) => {
                    let name = match self.current_frame().params.get(&ident.name) {
                        Some(MacroValue::Word(w, _)) => w.clone(),
                        _ => ident.name.clone(),
                    };
                    Some((n, name))
                }
                Some(Binding::Failed) => None,
                None => {
                    let names = self.current_frame().names.clone();
                    let suggestion =
                        builtins::closest(&ident.name, names.iter().map(String::as_str));
                    let mut d =
                        Diagnostic::error(format!("unknown relation `{}`", ident.name), ident.span)
                            .with_primary_label("not defined before this statement");
                    if let Some(s) = suggestion {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    self.diags.push(d);
                    None
                }
            },
            Relation::Previous(span) => match self.current_frame().last {
                Some(Binding::Node(n)) => {
                    let name = self
                        .plan
                        .node(n)
                        .alias
                        .clone()
                        .unwrap_or_else(|| format!("inline_{}", n.index()));
                    Some((n, name))
                }
                Some(Binding::Failed) => None,
                None => {
                    self.error("`@` used before any relation was defined", *span);
                    None
                }
            },
            Relation::Inline(op) => match self.operator(op, None) {
                Binding::Node(n) => Some((n, format!("inline_{}", n.index()))),
                Binding::Failed => None,
            },
        }
    }

    /// Resolves a load/store function (after DEFINE aliases). `None` after an error.
    fn storage(&mut self, using: Option<&ast::FuncSpec>, load: bool) -> Option<StorageSpec> {
        let Some(spec) = using else {
            return Some(StorageSpec {
                func: StorageFunc::PigStorage,
                args: Vec::new(),
            });
        };
        let (name, mut args) = match self.defines.get(&spec.name.name) {
            Some(d) => (d.name.clone(), d.args.clone()),
            None => (spec.name.name.clone(), Vec::new()),
        };
        args.extend(spec.args.iter().map(|a| self.substitute_text(&a.value)));
        let what = if load { "load" } else { "store" };
        let Some(func) = StorageFunc::lookup(&name) else {
            let mut d = Diagnostic::error(
                format!(
                    "unknown or unsupported {what} function `{name}`{}",
                    if name.starts_with(exprs::TEST_UDF_PACKAGE) {
                        " (a test UDF from Pig's test jar)"
                    } else {
                        ""
                    }
                ),
                spec.name.span,
            )
            .with_note(format!(
                "pigc supports {}",
                builtins::storage_names().collect::<Vec<_>>().join(", ")
            ));
            if let Some(s) = builtins::closest(&name, builtins::storage_names()) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            self.diags.push(d);
            return None;
        };
        let allowed = if load {
            func.can_load()
        } else {
            func.can_store()
        };
        if !allowed {
            self.error(format!("{func} cannot be used to {what} data"), spec.span);
            return None;
        }
        if args.len() > func.max_args() {
            self.error(
                format!(
                    "{func} takes at most {} argument(s), found {}",
                    func.max_args(),
                    args.len()
                ),
                spec.span,
            );
            return None;
        }
        Some(StorageSpec { func, args })
    }

    fn define(&mut self, alias: &ast::Ident, target: &ast::DefineTarget) {
        match target {
            ast::DefineTarget::Function(spec) => {
                let args: Vec<String> = spec.args.iter().map(|a| a.value.clone()).collect();
                if spec.name.name == RUST_UDF_FUNC {
                    match RustUdf::from_define(&alias.name, &args) {
                        Ok(udf) => {
                            self.plan.udfs.retain(|u| u.alias != udf.alias);
                            self.plan.udfs.push(udf);
                            self.defines.remove(&alias.name);
                        }
                        Err(message) => self.error(message, spec.span),
                    }
                    return;
                }
                self.plan.udfs.retain(|u| u.alias != alias.name);
                self.defines.insert(
                    alias.name.clone(),
                    Define {
                        name: spec.name.name.clone(),
                        args,
                    },
                );
            }
            ast::DefineTarget::Command { .. } => {
                // A streaming command is only usable through STREAM, which is rejected where used.
                self.defines.remove(&alias.name);
            }
        }
    }

    fn describe(&mut self, alias: Option<&ast::Ident>, span: Span) {
        if let Some((outer, inner)) = alias.and_then(|a| a.name.split_once("::")) {
            self.describe_nested(outer, inner, span);
            return;
        }
        let binding = match alias {
            Some(a) => match self.lookup_alias(&a.name) {
                Some(b) => Some((b, a.name.clone())),
                None => {
                    self.error(format!("DESCRIBE of unknown relation `{}`", a.name), a.span);
                    return;
                }
            },
            None => self.current_frame().last.map(|b| (b, String::new())),
        };
        if let Some((Binding::Node(n), name)) = binding {
            let node = self.plan.node(n);
            let name = if name.is_empty() {
                node.alias.clone().unwrap_or_default()
            } else {
                name
            };
            let text = node.schema.describe(&name);
            self.plan.describes.push(text);
        } else if binding.is_none() {
            self.error("DESCRIBE without an alias before any relation", span);
        }
    }

    /// `DESCRIBE outer::inner`: the schema of an inner alias of a nested FOREACH block.
    fn describe_nested(&mut self, outer: &str, inner: &str, span: Span) {
        let Some(Binding::Node(n)) = self.lookup_alias(outer) else {
            self.error(format!("DESCRIBE of unknown relation `{outer}`"), span);
            return;
        };
        let found = match &self.plan.node(n).op {
            LogicalOp::ForEach(f) => f.nested.iter().rev().find(|op| op.alias == inner),
            _ => None,
        };
        let text = match found.map(|op| &op.ty) {
            Some(super::Type::Bag(s)) => s.describe(&format!("{outer}::{inner}")),
            Some(ty) => format!("{outer}::{inner}: {ty}"),
            None => {
                self.error(
                    format!("`{outer}` has no nested alias `{inner}` (only a nested FOREACH block defines them)"),
                    span,
                );
                return;
            }
        };
        self.plan.describes.push(text);
    }

    fn set(&mut self, key: Option<&str>, value: Option<&SetValue>, span: Span) {
        let (Some(key), Some(value)) = (key, value) else {
            return;
        };
        let value = match value {
            SetValue::String(s) => s.value.clone(),
            SetValue::Word(w) => w.clone(),
        };
        match key {
            "pigc.retention" | "pigc.emit_interval" => match parse_duration(&value) {
                Ok(d) if key == "pigc.retention" => self.plan.settings.retention = Some(d),
                Ok(d) => self.plan.settings.emit_interval = Some(d),
                Err(e) => self.error(format!("{key}: {e}"), span),
            },
            "pigc.seed" => match value.trim().parse::<u64>() {
                Ok(seed) => self.plan.settings.seed = Some(seed),
                Err(_) => self.error(
                    format!("pigc.seed: `{value}` is not an unsigned 64-bit integer"),
                    span,
                ),
            },
            "pigc.event_time" | "pigc.unique" => {
                for part in value.split(',') {
                    let alias = split_field_ref(part).map(|(a, _)| a);
                    if alias.is_some_and(|a| !self.frames[0].aliases.contains_key(a)) {
                        self.field_settings
                            .push((key.to_string(), part.to_string(), span));
                    } else {
                        self.resolve_field_setting(key, part, span);
                    }
                }
            }
            k if k.starts_with("pigc.") => {
                let known = [
                    "pigc.event_time",
                    "pigc.retention",
                    "pigc.emit_interval",
                    "pigc.unique",
                    "pigc.seed",
                ];
                let mut d = Diagnostic::error(format!("unknown pigc setting `{k}`"), span)
                    .with_note(format!("pigc settings are {}", known.join(", ")));
                if let Some(s) = builtins::closest(k, known) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                }
                self.diags.push(d);
            }
            _ => {
                self.plan.settings.other.insert(key.to_string(), value);
            }
        }
    }

    /// Resolves the settings still waiting for an alias (reporting the aliases never defined).
    fn resolve_field_settings(&mut self) {
        for (key, part, span) in std::mem::take(&mut self.field_settings) {
            self.resolve_field_setting(&key, &part, span);
        }
    }

    /// Resolves the waiting settings that name `alias`, just defined at the top level.
    fn resolve_field_settings_for(&mut self, alias: &str) {
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.field_settings)
            .into_iter()
            .partition(|(_, part, _)| split_field_ref(part).is_some_and(|(a, _)| a == alias));
        self.field_settings = waiting;
        for (key, part, span) in ready {
            self.resolve_field_setting(&key, &part, span);
        }
    }

    /// Resolves one `alias.field` of `pigc.event_time` / `pigc.unique` against the relation the alias
    /// names now.
    fn resolve_field_setting(&mut self, key: &str, part: &str, span: Span) {
        let Some(field_ref) = self.field_ref(key, part, span) else {
            return;
        };
        if key == "pigc.event_time" {
            let ty = &self.plan.node(field_ref.node).schema.fields[field_ref.index].ty;
            if !matches!(
                ty,
                super::Type::Datetime | super::Type::Long | super::Type::Bytearray
            ) {
                self.error(
                    format!(
                        "pigc.event_time `{}` is {ty}; it must be a datetime or a long (epoch milliseconds)",
                        part.trim()
                    ),
                    span,
                );
                return;
            }
            self.plan.settings.event_time = Some(field_ref);
        } else {
            self.plan.settings.unique.push(field_ref);
        }
    }

    fn field_ref(&mut self, key: &str, text: &str, span: Span) -> Option<FieldRef> {
        let Some((alias, field)) = split_field_ref(text) else {
            self.error(
                format!("{key} expects `alias.field`, found `{}`", text.trim()),
                span,
            );
            return None;
        };
        let node = match self.frames[0].aliases.get(alias) {
            Some(Binding::Node(n)) => *n,
            Some(Binding::Failed) => return None,
            None => {
                self.error(format!("{key}: unknown relation `{alias}`"), span);
                return None;
            }
        };
        match self.plan.node(node).schema.lookup(field) {
            Ok(index) => Some(FieldRef {
                alias: alias.to_string(),
                field: field.to_string(),
                node,
                index,
            }),
            Err(e) => {
                self.error(format!("{key}: {e}"), span);
                None
            }
        }
    }

    /// Replaces `$param` in a string literal inside a macro body by the argument's text.
    fn substitute_text(&self, text: &str) -> String {
        let params = &self.current_frame().params;
        if params.is_empty() || !text.contains('$') {
            return text.to_string();
        }
        let mut names: Vec<&String> = params.keys().collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        'outer: while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            for name in &names {
                if rest.starts_with(name.as_str()) {
                    match &params[*name] {
                        MacroValue::Word(w, _) => out.push_str(w),
                        MacroValue::Literal(l) => out.push_str(&macros::literal_text(l)),
                    }
                    rest = &rest[name.len()..];
                    continue 'outer;
                }
            }
            out.push('$');
            rest = &rest[1..];
        }
        out.push_str(rest);
        out
    }
}
