//! Pretty-printer: AST → Pig Latin text that parses back to an equal AST.
//!
//! Keywords are printed in upper case, one statement per line, nested blocks indented by four
//! spaces; parentheses are added only where precedence needs them. Literal values are printed
//! without a sign (negative numbers come from unary minus), except in macro arguments.

use super::ast::*;
use std::fmt::Write as _;

/// Prints a whole script.
pub fn print_script(script: &Script) -> String {
    let mut p = Printer::default();
    for statement in &script.statements {
        p.statement(statement);
    }
    p.out
}

/// Prints one expression.
pub fn print_expr(expr: &Expr) -> String {
    let mut p = Printer::default();
    p.expr(expr, 0);
    p.out
}

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
}

/// Binding strength of an expression (higher binds tighter).
mod prec {
    pub const BINCOND: u8 = 1;
    pub const OR: u8 = 2;
    pub const AND: u8 = 3;
    pub const NOT: u8 = 4;
    pub const COMPARE: u8 = 5;
    pub const ADD: u8 = 6;
    pub const MUL: u8 = 7;
    pub const UNARY: u8 = 8;
    pub const POSTFIX: u8 = 9;
}

fn binary_prec(op: BinaryOp) -> (u8, &'static str) {
    match op {
        BinaryOp::Or => (prec::OR, "OR"),
        BinaryOp::And => (prec::AND, "AND"),
        BinaryOp::Eq => (prec::COMPARE, "=="),
        BinaryOp::Ne => (prec::COMPARE, "!="),
        BinaryOp::Lt => (prec::COMPARE, "<"),
        BinaryOp::Le => (prec::COMPARE, "<="),
        BinaryOp::Gt => (prec::COMPARE, ">"),
        BinaryOp::Ge => (prec::COMPARE, ">="),
        BinaryOp::Matches => (prec::COMPARE, "MATCHES"),
        BinaryOp::Add => (prec::ADD, "+"),
        BinaryOp::Sub => (prec::ADD, "-"),
        BinaryOp::Mul => (prec::MUL, "*"),
        BinaryOp::Div => (prec::MUL, "/"),
        BinaryOp::Mod => (prec::MUL, "%"),
    }
}

fn expr_prec(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Bincond { .. } => prec::BINCOND,
        ExprKind::Binary { op, .. } => binary_prec(*op).0,
        ExprKind::Unary {
            op: UnaryOp::Not, ..
        } => prec::NOT,
        ExprKind::IsNull { .. } | ExprKind::In { .. } => prec::COMPARE,
        ExprKind::Unary {
            op: UnaryOp::Neg, ..
        }
        | ExprKind::Cast { .. } => prec::UNARY,
        _ => prec::POSTFIX,
    }
}

/// Quotes a string as a Pig literal.
pub(crate) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' => out.push_str("\\$"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Prints a literal value.
pub(crate) fn literal(lit: &Literal) -> String {
    match lit {
        Literal::Null => "null".to_string(),
        Literal::Boolean(b) => b.to_string(),
        Literal::Int(v) => v.to_string(),
        Literal::Long(v) => format!("{v}L"),
        Literal::Float(v) => format!("{v:?}F"),
        Literal::Double(v) => format!("{v:?}"),
        Literal::BigInteger(v) => format!("{v}BI"),
        Literal::BigDecimal(v) => format!("{v}BD"),
        Literal::Chararray(s) => quote(s),
    }
}

impl Printer {
    fn line_start(&mut self) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }

    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn statement(&mut self, s: &Statement) {
        self.line_start();
        match &s.kind {
            StatementKind::Macro(m) => {
                self.w("DEFINE ");
                self.w(&m.name.name);
                self.w("(");
                self.idents(&m.params);
                self.w(") RETURNS ");
                if m.returns.is_empty() {
                    self.w("void");
                } else {
                    self.idents(&m.returns);
                }
                self.w(" {\n");
                self.indent += 1;
                for b in &m.body {
                    self.statement(b);
                }
                self.indent -= 1;
                self.line_start();
                self.w("};\n");
                return;
            }
            StatementKind::Relation { alias, operator } => {
                if let Some(a) = alias {
                    self.w(&a.name);
                    self.w(" = ");
                }
                self.operator(operator);
            }
            StatementKind::Store {
                relation,
                location,
                using,
            } => {
                self.w("STORE ");
                self.relation(relation);
                self.w(" INTO ");
                self.w(&quote(&location.value));
                self.using(using.as_ref());
            }
            StatementKind::Split {
                relation,
                branches,
                otherwise,
            } => {
                self.w("SPLIT ");
                self.relation(relation);
                self.w(" INTO ");
                for (i, b) in branches.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.w(&b.alias.name);
                    self.w(" IF ");
                    self.expr(&b.condition, 0);
                }
                if let Some(o) = otherwise {
                    self.w(", ");
                    self.w(&o.name);
                    self.w(" OTHERWISE");
                }
            }
            StatementKind::Dump { relation } => {
                self.w("DUMP ");
                self.relation(relation);
            }
            StatementKind::Describe { alias } => {
                self.w("DESCRIBE");
                self.opt_alias(alias.as_ref());
            }
            StatementKind::Explain { options, alias } => {
                self.w("EXPLAIN");
                self.options(options);
                self.opt_alias(alias.as_ref());
            }
            StatementKind::Illustrate { options, alias } => {
                self.w("ILLUSTRATE");
                self.options(options);
                self.opt_alias(alias.as_ref());
            }
            StatementKind::Define { alias, target } => {
                self.w("DEFINE ");
                self.w(&alias.name);
                self.w(" ");
                match target {
                    DefineTarget::Function(f) => self.func_spec(f),
                    DefineTarget::Command { command, clauses } => {
                        self.command(command);
                        for c in clauses {
                            self.w(" ");
                            self.command_clause(c);
                        }
                    }
                }
            }
            StatementKind::MacroCall {
                outputs,
                name,
                args,
            } => {
                if !outputs.is_empty() {
                    self.idents(outputs);
                    self.w(" = ");
                }
                self.w(&name.name);
                self.w("(");
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match a {
                        MacroArg::Alias(id) => self.w(&id.name),
                        MacroArg::Literal(lit, _) => self.w(&literal(lit)),
                    }
                }
                self.w(")");
            }
            StatementKind::Import { path } => {
                self.w("IMPORT ");
                self.w(&quote(&path.value));
            }
            StatementKind::Register {
                path,
                using,
                namespace,
            } => {
                self.w("REGISTER ");
                self.word_or_string(path);
                if let Some(u) = using {
                    self.w(" USING ");
                    self.w(&u.name);
                    if let Some(n) = namespace {
                        self.w(" AS ");
                        self.w(&n.name);
                    }
                }
            }
            StatementKind::Set { key, value } => {
                self.w("SET");
                if let Some(k) = key {
                    self.w(" ");
                    self.w(k);
                    match value {
                        Some(SetValue::String(s)) => {
                            self.w(" ");
                            self.w(&quote(&s.value));
                        }
                        Some(SetValue::Word(word)) => {
                            self.w(" ");
                            self.w(word);
                        }
                        None => {}
                    }
                }
            }
            StatementKind::Shell { command, args } => {
                self.w(shell_name(*command));
                if !args.is_empty() {
                    self.w(" ");
                    self.w(args);
                }
            }
        }
        self.w(";\n");
    }

    fn idents(&mut self, ids: &[Ident]) {
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.w(&id.name);
        }
    }

    fn opt_alias(&mut self, alias: Option<&Ident>) {
        if let Some(a) = alias {
            self.w(" ");
            self.w(&a.name);
        }
    }

    fn options(&mut self, options: &[CommandOption]) {
        for o in options {
            self.w(" -");
            self.w(&o.name);
            if let Some(v) = &o.value {
                self.w(" ");
                self.word_or_string(v);
            }
        }
    }

    /// Prints `text` bare when it is one plain word, quoted otherwise.
    fn word_or_string(&mut self, text: &str) {
        let plain = !text.is_empty()
            && !text.starts_with(['\'', '-'])
            && !text.contains(|c: char| {
                c.is_whitespace() || matches!(c, ';' | '$' | '\\' | '\u{FEFF}')
            });
        if plain {
            self.w(text);
        } else {
            self.w(&quote(text));
        }
    }

    fn command(&mut self, c: &CommandText) {
        self.w("`");
        self.w(&c.text);
        self.w("`");
    }

    fn command_clause(&mut self, c: &CommandClause) {
        match c {
            CommandClause::Input(specs) | CommandClause::Output(specs) => {
                self.w(if matches!(c, CommandClause::Input(_)) {
                    "INPUT("
                } else {
                    "OUTPUT("
                });
                for (i, s) in specs.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    match &s.target {
                        StreamEndpoint::Stdin => self.w("stdin"),
                        StreamEndpoint::Stdout => self.w("stdout"),
                        StreamEndpoint::Stderr => self.w("stderr"),
                        StreamEndpoint::File(f) => self.w(&quote(&f.value)),
                    }
                    self.using(s.using.as_ref());
                }
                self.w(")");
            }
            CommandClause::Ship(paths) | CommandClause::Cache(paths) => {
                self.w(if matches!(c, CommandClause::Ship(_)) {
                    "SHIP("
                } else {
                    "CACHE("
                });
                self.strings(paths);
                self.w(")");
            }
            CommandClause::Stderr { dir, limit } => {
                self.w("STDERR(");
                self.w(&quote(&dir.value));
                if let Some(n) = limit {
                    let _ = write!(self.out, " LIMIT {n}");
                }
                self.w(")");
            }
        }
    }

    fn strings(&mut self, items: &[StringLit]) {
        for (i, s) in items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.w(&quote(&s.value));
        }
    }

    fn using(&mut self, using: Option<&FuncSpec>) {
        if let Some(f) = using {
            self.w(" USING ");
            self.func_spec(f);
        }
    }

    fn func_spec(&mut self, f: &FuncSpec) {
        self.w(&f.name.name);
        self.w("(");
        self.strings(&f.args);
        self.w(")");
    }

    fn relation(&mut self, r: &Relation) {
        match r {
            Relation::Alias(a) => self.w(&a.name),
            Relation::Previous(_) => self.w("@"),
            Relation::Inline(op) => {
                self.w("(");
                self.operator(op);
                self.w(")");
            }
        }
    }

    fn relations(&mut self, rs: &[Relation]) {
        for (i, r) in rs.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.relation(r);
        }
    }

    fn partition_parallel(
        &mut self,
        partition: Option<&QualifiedName>,
        parallel: Option<&Parallel>,
    ) {
        if let Some(p) = partition {
            self.w(" PARTITION BY ");
            self.w(&p.name);
        }
        if let Some(p) = parallel {
            let _ = write!(self.out, " PARALLEL {}", p.value);
        }
    }

    fn operator(&mut self, op: &Operator) {
        match &op.kind {
            OperatorKind::Load {
                location,
                using,
                schema,
            } => {
                self.w("LOAD ");
                self.w(&quote(&location.value));
                self.using(using.as_ref());
                if let Some(s) = schema {
                    self.w(" AS ");
                    self.schema(s);
                }
            }
            OperatorKind::Filter { input, condition } => {
                self.w("FILTER ");
                self.relation(input);
                self.w(" BY ");
                self.expr(condition, 0);
            }
            OperatorKind::Foreach { input, body } => {
                self.w("FOREACH ");
                self.relation(input);
                match body {
                    ForeachBody::Generate(g) => {
                        self.w(" ");
                        self.generate(g);
                    }
                    ForeachBody::Nested {
                        statements,
                        generate,
                    } => {
                        self.w(" {\n");
                        self.indent += 1;
                        for s in statements {
                            self.nested_statement(s);
                        }
                        self.line_start();
                        self.generate(generate);
                        self.w(";\n");
                        self.indent -= 1;
                        self.line_start();
                        self.w("}");
                    }
                }
            }
            OperatorKind::Group(g) => {
                self.w(if g.cogroup { "COGROUP " } else { "GROUP " });
                for (i, input) in g.inputs.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.relation(&input.relation);
                    match &input.key {
                        GroupKey::All(_) => self.w(" ALL"),
                        GroupKey::Exprs(keys) => {
                            self.w(" BY ");
                            self.key_list(keys);
                        }
                    }
                    match input.mode {
                        Some(GroupInputMode::Inner) => self.w(" INNER"),
                        Some(GroupInputMode::Outer) => self.w(" OUTER"),
                        None => {}
                    }
                }
                if let Some(u) = &g.using {
                    self.w(" USING ");
                    self.w(&quote(&u.value));
                }
                self.partition_parallel(g.partition.as_ref(), g.parallel.as_ref());
            }
            OperatorKind::Join(j) => {
                self.w("JOIN ");
                for (i, input) in j.inputs.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.relation(&input.relation);
                    self.w(" BY ");
                    self.key_list(&input.keys);
                    if i == 0 {
                        match j.kind {
                            JoinKind::Inner => {}
                            JoinKind::LeftOuter => self.w(" LEFT OUTER"),
                            JoinKind::RightOuter => self.w(" RIGHT OUTER"),
                            JoinKind::FullOuter => self.w(" FULL OUTER"),
                        }
                    }
                }
                if let Some(u) = &j.using {
                    self.w(" USING ");
                    self.w(&quote(&u.value));
                }
                self.partition_parallel(j.partition.as_ref(), j.parallel.as_ref());
            }
            OperatorKind::Cross {
                inputs,
                partition,
                parallel,
            } => {
                self.w("CROSS ");
                self.relations(inputs);
                self.partition_parallel(partition.as_ref(), parallel.as_ref());
            }
            OperatorKind::Distinct {
                input,
                partition,
                parallel,
            } => {
                self.w("DISTINCT ");
                self.relation(input);
                self.partition_parallel(partition.as_ref(), parallel.as_ref());
            }
            OperatorKind::Order {
                input,
                keys,
                using,
                parallel,
            } => {
                self.w("ORDER ");
                self.relation(input);
                self.w(" BY ");
                self.order_keys(keys);
                self.using(using.as_ref());
                self.partition_parallel(None, parallel.as_ref());
            }
            OperatorKind::Limit { input, count } => {
                self.w("LIMIT ");
                self.relation(input);
                self.w(" ");
                self.expr(count, 0);
            }
            OperatorKind::Sample { input, fraction } => {
                self.w("SAMPLE ");
                self.relation(input);
                self.w(" ");
                self.expr(fraction, 0);
            }
            OperatorKind::Union {
                inputs,
                onschema,
                parallel,
            } => {
                self.w("UNION ");
                if *onschema {
                    self.w("ONSCHEMA ");
                }
                self.relations(inputs);
                self.partition_parallel(None, parallel.as_ref());
            }
            OperatorKind::Rank { input, by, dense } => {
                self.w("RANK ");
                self.relation(input);
                if !by.is_empty() {
                    self.w(" BY ");
                    self.sort_keys(by);
                    if *dense {
                        self.w(" DENSE");
                    }
                }
            }
            OperatorKind::Cube {
                input,
                by,
                parallel,
            } => {
                self.w("CUBE ");
                self.relation(input);
                self.w(" BY ");
                for (i, spec) in by.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.w(match spec.kind {
                        CubeKind::Cube => "CUBE(",
                        CubeKind::Rollup => "ROLLUP(",
                    });
                    self.exprs(&spec.exprs);
                    self.w(")");
                }
                self.partition_parallel(None, parallel.as_ref());
            }
            OperatorKind::Assert {
                input,
                condition,
                message,
            } => {
                self.w("ASSERT ");
                self.relation(input);
                self.w(" BY ");
                self.expr(condition, 0);
                if let Some(m) = message {
                    self.w(", ");
                    self.w(&quote(&m.value));
                }
            }
            OperatorKind::Stream {
                inputs,
                through,
                schema,
            } => {
                self.w("STREAM ");
                self.relations(inputs);
                self.w(" THROUGH ");
                match through {
                    StreamTarget::Alias(a) => self.w(&a.name),
                    StreamTarget::Command(c) => self.command(c),
                }
                if let Some(s) = schema {
                    self.w(" AS ");
                    self.schema(s);
                }
            }
            OperatorKind::Realias { input } => self.relation(input),
            OperatorKind::MapReduce(mr) => {
                self.w("MAPREDUCE ");
                self.w(&quote(&mr.jar.value));
                self.w(" STORE ");
                self.relation(&mr.store_relation);
                self.w(" INTO ");
                self.w(&quote(&mr.store_location.value));
                self.using(mr.store_using.as_ref());
                self.w(" LOAD ");
                self.w(&quote(&mr.load_location.value));
                self.using(mr.load_using.as_ref());
                if let Some(s) = &mr.load_schema {
                    self.w(" AS ");
                    self.schema(s);
                }
                if let Some(p) = &mr.params {
                    self.w(" ");
                    self.command(p);
                }
            }
        }
    }

    /// Prints GROUP/JOIN keys; a single key that starts with `(` is wrapped once more so it
    /// does not read as a key list `(k1, k2)`.
    fn key_list(&mut self, keys: &[Expr]) {
        match keys {
            [one] => {
                let before = self.out.len();
                self.expr(one, 0);
                if self.out[before..].starts_with('(') {
                    self.out.insert(before, '(');
                    self.out.push(')');
                }
            }
            _ => {
                self.w("(");
                self.exprs(keys);
                self.w(")");
            }
        }
    }

    fn order_keys(&mut self, keys: &OrderKeys) {
        match keys {
            OrderKeys::Star { direction, .. } => {
                self.w("*");
                self.direction(*direction);
            }
            OrderKeys::Keys(keys) => self.sort_keys(keys),
        }
    }

    fn sort_keys(&mut self, keys: &[OrderKey]) {
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(&k.expr, 0);
            self.direction(k.direction);
        }
    }

    fn direction(&mut self, d: Option<SortDirection>) {
        match d {
            Some(SortDirection::Asc) => self.w(" ASC"),
            Some(SortDirection::Desc) => self.w(" DESC"),
            None => {}
        }
    }

    fn generate(&mut self, g: &Generate) {
        self.w("GENERATE ");
        for (i, item) in g.items.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            if item.flatten {
                self.w("FLATTEN(");
                self.expr(&item.expr, 0);
                self.w(")");
            } else {
                self.expr(&item.expr, 0);
            }
            if let Some(s) = &item.alias {
                self.w(" AS ");
                self.schema(s);
            }
        }
    }

    fn nested_statement(&mut self, s: &NestedStatement) {
        self.line_start();
        self.w(&s.alias.name);
        self.w(" = ");
        match &s.op {
            NestedOp::Filter { input, condition } => {
                self.w("FILTER ");
                self.expr(input, prec::POSTFIX);
                self.w(" BY ");
                self.expr(condition, 0);
            }
            NestedOp::Order { input, keys, using } => {
                self.w("ORDER ");
                self.expr(input, prec::POSTFIX);
                self.w(" BY ");
                self.order_keys(keys);
                self.using(using.as_ref());
            }
            NestedOp::Limit { input, count } => {
                self.w("LIMIT ");
                self.expr(input, prec::POSTFIX);
                self.w(" ");
                self.expr(count, 0);
            }
            NestedOp::Distinct { input } => {
                self.w("DISTINCT ");
                self.expr(input, prec::POSTFIX);
            }
            NestedOp::Cross { inputs } => {
                self.w("CROSS ");
                for (i, input) in inputs.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.expr(input, prec::POSTFIX);
                }
            }
            NestedOp::Foreach { input, generate } => {
                self.w("FOREACH ");
                self.expr(input, prec::POSTFIX);
                self.w(" ");
                self.generate(generate);
            }
            NestedOp::Expr(e) => self.expr(e, 0),
        }
        self.w(";\n");
    }

    // ------------------------------------------------------------ schemas

    fn schema(&mut self, s: &Schema) {
        self.w("(");
        for (i, f) in s.fields.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.field(f);
        }
        self.w(")");
    }

    fn field(&mut self, f: &FieldSchema) {
        if let Some(n) = &f.name {
            self.w(&n.name);
            if f.ty.is_some() {
                self.w(":");
            }
        }
        if let Some(t) = &f.ty {
            self.ty(t);
        }
    }

    fn ty(&mut self, t: &Type) {
        match t {
            Type::Int => self.w("int"),
            Type::Long => self.w("long"),
            Type::Float => self.w("float"),
            Type::Double => self.w("double"),
            Type::BigInteger => self.w("biginteger"),
            Type::BigDecimal => self.w("bigdecimal"),
            Type::Chararray => self.w("chararray"),
            Type::Bytearray => self.w("bytearray"),
            Type::Boolean => self.w("boolean"),
            Type::Datetime => self.w("datetime"),
            Type::Tuple(s) => {
                self.w("tuple");
                match s {
                    Some(s) => self.schema(s),
                    None => self.w("()"),
                }
            }
            Type::Bag(b) => {
                self.w("bag{");
                if let Some(s) = &b.tuple {
                    if let Some(n) = &b.tuple_name {
                        self.w(&n.name);
                        self.w(":");
                    }
                    self.w("tuple");
                    self.schema(s);
                }
                self.w("}");
            }
            Type::Map(v) => {
                self.w("map[");
                if let Some(v) = v {
                    self.ty(v);
                }
                self.w("]");
            }
        }
    }

    // ------------------------------------------------------------ expressions

    fn exprs(&mut self, es: &[Expr]) {
        for (i, e) in es.iter().enumerate() {
            if i > 0 {
                self.w(", ");
            }
            self.expr(e, 0);
        }
    }

    /// Prints `e`, in parentheses if it binds less tightly than `min`.
    fn expr(&mut self, e: &Expr, min: u8) {
        let own = expr_prec(e);
        if own < min {
            self.w("(");
            self.expr(e, 0);
            self.w(")");
            return;
        }
        match &e.kind {
            ExprKind::Literal(lit) => self.w(&literal(lit)),
            ExprKind::Field(id) => self.w(&id.name),
            ExprKind::Positional(n) => {
                let _ = write!(self.out, "${n}");
            }
            ExprKind::Star => self.w("*"),
            ExprKind::Range { start, end } => {
                if let Some(s) = start {
                    self.expr(s, prec::POSTFIX);
                }
                self.w("..");
                if let Some(e) = end {
                    self.expr(e, prec::POSTFIX);
                }
            }
            ExprKind::Project {
                base,
                fields,
                grouped,
            } => {
                self.expr(base, prec::POSTFIX);
                self.w(".");
                if *grouped {
                    self.w("(");
                    self.exprs(fields);
                    self.w(")");
                } else {
                    self.exprs(fields);
                }
            }
            ExprKind::MapLookup { base, key } => {
                self.expr(base, prec::POSTFIX);
                self.w("#");
                self.w(&quote(&key.value));
            }
            ExprKind::Call { name, args } => {
                self.w(&name.name);
                self.w("(");
                self.exprs(args);
                self.w(")");
            }
            ExprKind::Unary { op, operand } => match op {
                UnaryOp::Not => {
                    self.w("NOT ");
                    self.expr(operand, prec::NOT);
                }
                UnaryOp::Neg => {
                    self.w("-");
                    let before = self.out.len();
                    self.expr(operand, prec::UNARY);
                    if self.out[before..].starts_with('-') {
                        self.out.insert(before, ' ');
                    }
                }
            },
            ExprKind::Binary { op, lhs, rhs } => {
                let (p, symbol) = binary_prec(*op);
                self.expr(lhs, p);
                self.w(" ");
                self.w(symbol);
                self.w(" ");
                self.expr(rhs, p + 1);
            }
            ExprKind::IsNull { operand, negated } => {
                self.expr(operand, prec::COMPARE);
                self.w(if *negated { " IS NOT NULL" } else { " IS NULL" });
            }
            ExprKind::In { operand, list } => {
                self.expr(operand, prec::COMPARE);
                self.w(" IN (");
                self.exprs(list);
                self.w(")");
            }
            ExprKind::Bincond {
                condition,
                then,
                otherwise,
            } => {
                self.expr(condition, prec::OR);
                self.w(" ? ");
                self.expr(then, 0);
                self.w(" : ");
                self.expr(otherwise, 0);
            }
            ExprKind::Case {
                operand,
                whens,
                otherwise,
            } => {
                self.w("CASE");
                if let Some(o) = operand {
                    self.w(" ");
                    self.expr(o, 0);
                }
                for (when, then) in whens {
                    self.w(" WHEN ");
                    self.expr(when, 0);
                    self.w(" THEN ");
                    self.expr(then, 0);
                }
                if let Some(o) = otherwise {
                    self.w(" ELSE ");
                    self.expr(o, 0);
                }
                self.w(" END");
            }
            ExprKind::Cast { ty, operand } => {
                self.w("(");
                self.ty(ty);
                self.w(")");
                self.expr(operand, prec::UNARY);
            }
            ExprKind::Tuple(items) => {
                self.w("(");
                self.exprs(items);
                self.w(")");
            }
            ExprKind::Bag(items) => {
                self.w("{");
                self.exprs(items);
                self.w("}");
            }
            ExprKind::Map(entries) => {
                self.w("[");
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.w(", ");
                    }
                    self.expr(k, prec::POSTFIX);
                    self.w("#");
                    self.expr(v, 0);
                }
                self.w("]");
            }
        }
    }
}

fn shell_name(command: ShellCommand) -> &'static str {
    match command {
        ShellCommand::Fs => "fs",
        ShellCommand::Sh => "sh",
        ShellCommand::Sql => "sql",
        ShellCommand::Grunt(g) => match g {
            GruntCommand::Cat => "cat",
            GruntCommand::Cd => "cd",
            GruntCommand::Clear => "clear",
            GruntCommand::CopyFromLocal => "copyFromLocal",
            GruntCommand::CopyToLocal => "copyToLocal",
            GruntCommand::Cp => "cp",
            GruntCommand::Exec => "exec",
            GruntCommand::Help => "help",
            GruntCommand::History => "history",
            GruntCommand::Kill => "kill",
            GruntCommand::Ls => "ls",
            GruntCommand::Mkdir => "mkdir",
            GruntCommand::Mv => "mv",
            GruntCommand::Pwd => "pwd",
            GruntCommand::Quit => "quit",
            GruntCommand::Rm => "rm",
            GruntCommand::Rmf => "rmf",
            GruntCommand::Run => "run",
        },
    }
}
