//! Builds AST statements from pest pairs.
//!
//! The grammar guarantees the shape of the pairs; where the code still has to look for a child
//! it returns an internal-error diagnostic instead of panicking.

use super::ast::*;
use super::grammar::Rule;
use super::span::LineIndex;
use crate::diagnostics::Diagnostic;
use pest::iterators::Pair;

/// A built node, or the (boxed) diagnostic explaining why it could not be built.
pub(crate) type Build<T> = Result<T, Box<Diagnostic>>;

/// Converts pairs of one parse into AST nodes with absolute spans.
pub(crate) struct Builder<'s> {
    pub(crate) source: &'s str,
    pub(crate) index: &'s LineIndex,
    /// Byte offset of the parsed slice within `source`.
    pub(crate) offset: usize,
    /// How many macro bodies enclose the statement being built (`$name` is allowed inside).
    pub(crate) macro_depth: u32,
    /// Non-fatal problems found while building (reported, the statement is still built).
    pub(crate) problems: Vec<Diagnostic>,
    /// Operators (infix, prefix, postfix, bincond, projection, map lookup) in the statement so far;
    /// see [`super::MAX_OPERATORS`].
    pub(crate) operators: usize,
}

/// Punctuation rules (and the end of input that ends a Grunt command), skipped when walking
/// children.
fn is_punctuation(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::SEMI
            | Rule::COMMA
            | Rule::EQUAL
            | Rule::LPAREN
            | Rule::RPAREN
            | Rule::LBRACE
            | Rule::RBRACE
            | Rule::LBRACKET
            | Rule::RBRACKET
            | Rule::COLON
            | Rule::QMARK
            | Rule::HASH
            | Rule::PERIOD
            | Rule::DOTDOT
            | Rule::EOI
    )
}

/// The children of `pair` without punctuation.
pub(crate) fn children(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner().filter(|p| !is_punctuation(p.as_rule()))
}

/// The children of `pair` without punctuation or keywords.
fn operands(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner()
        .filter(|p| !is_punctuation(p.as_rule()) && !is_keyword(p.as_rule()))
}

/// Keyword rules are declared contiguously in `pig.pest`, from `kw_all` to `kw_when`.
fn is_keyword(rule: Rule) -> bool {
    (Rule::kw_all as usize..=Rule::kw_when as usize).contains(&(rule as usize))
}

/// An internal error: the pairs did not have the shape the grammar promises.
impl Builder<'_> {
    /// Counts `n` more operators in the statement; an error once there are more than
    /// [`super::MAX_OPERATORS`].
    pub(crate) fn count_operators(&mut self, n: usize, span: Span) -> Build<()> {
        self.operators += n;
        if self.operators > super::MAX_OPERATORS {
            return Err(Box::new(
                Diagnostic::error(
                    format!(
                        "this statement has more than {} operators",
                        super::MAX_OPERATORS
                    ),
                    span,
                )
                .with_help("split the expression into several statements"),
            ));
        }
        Ok(())
    }
}

pub(crate) fn shape_error(what: &str, span: Span) -> Box<Diagnostic> {
    Box::new(Diagnostic::error(
        format!("internal parser error: unexpected shape of {what}"),
        span,
    ))
}

impl<'s> Builder<'s> {
    /// The absolute span of `pair`.
    pub(crate) fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        self.index
            .span(self.source, self.offset + s.start(), self.offset + s.end())
    }

    /// The next child or an internal error naming `what`.
    pub(crate) fn next<'i>(
        &self,
        iter: &mut impl Iterator<Item = Pair<'i, Rule>>,
        what: &str,
        parent: Span,
    ) -> Build<Pair<'i, Rule>> {
        iter.next().ok_or_else(|| shape_error(what, parent))
    }

    /// Builds the statement parsed by `statement_only`.
    pub(crate) fn statement_only(&mut self, pair: Pair<'_, Rule>) -> Build<Statement> {
        let span = self.span(&pair);
        let mut inner = children(pair);
        let stmt = self.next(&mut inner, "statement", span)?;
        self.statement(stmt)
    }

    /// Builds one statement pair (a `*_stmt` or `macro_def`).
    pub(crate) fn statement(&mut self, pair: Pair<'_, Rule>) -> Build<Statement> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::relation_stmt | Rule::block_relation_stmt => self.relation_stmt(pair, span)?,
            Rule::store_stmt => {
                let mut it = operands(pair);
                let relation = self.relation(self.next(&mut it, "STORE", span)?)?;
                let location = self.string(self.next(&mut it, "STORE", span)?)?;
                let using = it.next().map(|p| self.using_func(p)).transpose()?;
                StatementKind::Store {
                    relation,
                    location,
                    using,
                }
            }
            Rule::split_stmt => self.split_stmt(pair, span)?,
            Rule::dump_stmt => {
                let mut it = operands(pair);
                StatementKind::Dump {
                    relation: self.relation(self.next(&mut it, "DUMP", span)?)?,
                }
            }
            Rule::describe_stmt => StatementKind::Describe {
                alias: operands(pair).next().map(|p| self.ident(p)),
            },
            Rule::explain_stmt | Rule::illustrate_stmt => {
                let explain = pair.as_rule() == Rule::explain_stmt;
                let mut options = Vec::new();
                let mut alias = None;
                for p in operands(pair) {
                    match p.as_rule() {
                        Rule::command_option => options.push(self.command_option(p)?),
                        _ => alias = Some(self.ident(p)),
                    }
                }
                if explain {
                    StatementKind::Explain { options, alias }
                } else {
                    StatementKind::Illustrate { options, alias }
                }
            }
            Rule::define_stmt => self.define_stmt(pair, span)?,
            Rule::macro_def => StatementKind::Macro(self.macro_def(pair, span)?),
            Rule::macro_call_stmt => self.macro_call(pair, span)?,
            Rule::import_stmt => {
                let mut it = operands(pair);
                StatementKind::Import {
                    path: self.string(self.next(&mut it, "IMPORT", span)?)?,
                }
            }
            Rule::register_stmt => self.register_stmt(pair, span)?,
            Rule::set_stmt => {
                let mut it = operands(pair);
                let key = it.next().map(|p| p.as_str().to_string());
                let value = match it.next() {
                    Some(v) => Some(self.set_value(v, span)?),
                    None => None,
                };
                StatementKind::Set { key, value }
            }
            Rule::shell_stmt => self.shell_stmt(pair, span)?,
            _ => return Err(shape_error("statement", span)),
        };
        Ok(Statement { kind, span })
    }

    fn relation_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut alias = None;
        let mut operator = None;
        for p in children(pair) {
            match p.as_rule() {
                Rule::alias_name => alias = Some(self.alias(p)),
                Rule::operator | Rule::block_operator => operator = Some(self.operator(p)?),
                _ => return Err(shape_error("relation statement", span)),
            }
        }
        let operator = operator.ok_or_else(|| shape_error("relation statement", span))?;
        Ok(StatementKind::Relation { alias, operator })
    }

    fn split_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut it = operands(pair);
        let relation = self.relation(self.next(&mut it, "SPLIT", span)?)?;
        let mut branches = Vec::new();
        let mut otherwise = None;
        for p in it {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::split_branch => {
                    let mut b = operands(p);
                    let alias = self.alias(self.next(&mut b, "SPLIT branch", pspan)?);
                    let condition = self.expression(self.next(&mut b, "SPLIT branch", pspan)?)?;
                    branches.push(SplitBranch {
                        alias,
                        condition,
                        span: pspan,
                    });
                }
                Rule::split_otherwise => {
                    let mut b = operands(p);
                    otherwise = Some(self.alias(self.next(&mut b, "OTHERWISE", pspan)?));
                }
                _ => return Err(shape_error("SPLIT", span)),
            }
        }
        Ok(StatementKind::Split {
            relation,
            branches,
            otherwise,
        })
    }

    fn command_option(&mut self, pair: Pair<'_, Rule>) -> Build<CommandOption> {
        let span = self.span(&pair);
        let mut it = pair.into_inner();
        let name = self.next(&mut it, "option", span)?.as_str().to_string();
        let value = it.next().map(|v| {
            let text = v.as_str();
            match v.into_inner().next() {
                Some(s) if s.as_rule() == Rule::string => self.string_value(&s),
                _ => text.to_string(),
            }
        });
        Ok(CommandOption { name, value, span })
    }

    fn define_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut it = operands(pair);
        let alias = self.alias(self.next(&mut it, "DEFINE", span)?);
        let target_pair = self.next(&mut it, "DEFINE", span)?;
        let target = match target_pair.as_rule() {
            Rule::func_spec => DefineTarget::Function(self.func_spec(target_pair)?),
            Rule::define_command => {
                let tspan = self.span(&target_pair);
                let mut c = operands(target_pair);
                let command = self.command_text(self.next(&mut c, "command", tspan)?);
                let clauses = c
                    .map(|clause| self.command_clause(clause))
                    .collect::<Build<Vec<_>>>()?;
                DefineTarget::Command { command, clauses }
            }
            _ => return Err(shape_error("DEFINE", span)),
        };
        Ok(StatementKind::Define { alias, target })
    }

    fn command_clause(&mut self, pair: Pair<'_, Rule>) -> Build<CommandClause> {
        let span = self.span(&pair);
        let clause = self.next(&mut operands(pair), "command clause", span)?;
        let cspan = self.span(&clause);
        Ok(match clause.as_rule() {
            Rule::input_clause => CommandClause::Input(
                operands(clause)
                    .map(|p| self.stream_spec(p))
                    .collect::<Build<_>>()?,
            ),
            Rule::output_clause => CommandClause::Output(
                operands(clause)
                    .map(|p| self.stream_spec(p))
                    .collect::<Build<_>>()?,
            ),
            Rule::ship_clause => CommandClause::Ship(
                operands(clause)
                    .map(|p| self.string(p))
                    .collect::<Build<_>>()?,
            ),
            Rule::cache_clause => CommandClause::Cache(
                operands(clause)
                    .map(|p| self.string(p))
                    .collect::<Build<_>>()?,
            ),
            Rule::stderr_clause => {
                let mut it = operands(clause);
                let dir = self.string(self.next(&mut it, "STDERR", cspan)?)?;
                let limit = it.next().map(|p| self.count(&p)).transpose()?;
                CommandClause::Stderr { dir, limit }
            }
            _ => return Err(shape_error("command clause", cspan)),
        })
    }

    fn stream_spec(&mut self, pair: Pair<'_, Rule>) -> Build<StreamSpec> {
        let span = self.span(&pair);
        let mut it = operands(pair);
        let target_pair = self.next(&mut it, "stream", span)?;
        let target = match target_pair.as_rule() {
            Rule::stdin_endpoint => StreamEndpoint::Stdin,
            Rule::stdout_endpoint => StreamEndpoint::Stdout,
            Rule::stderr_endpoint => StreamEndpoint::Stderr,
            _ => StreamEndpoint::File(self.string(target_pair)?),
        };
        let using = it.next().map(|p| self.using_func(p)).transpose()?;
        Ok(StreamSpec {
            target,
            using,
            span,
        })
    }

    fn macro_def(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<MacroDef> {
        let mut name = None;
        let mut params = Vec::new();
        let mut returns = Vec::new();
        let mut body = Vec::new();
        for p in operands(pair) {
            match p.as_rule() {
                Rule::macro_name => name = Some(self.ident(p)),
                Rule::macro_params => params = operands(p).map(|a| self.ident(a)).collect(),
                Rule::macro_returns => {
                    returns = operands(p)
                        .filter(|a| a.as_rule() == Rule::alias_name)
                        .map(|a| self.ident(a))
                        .collect()
                }
                Rule::macro_body => {
                    self.macro_depth += 1;
                    let built = operands(p)
                        .map(|s| self.statement(s))
                        .collect::<Build<Vec<_>>>();
                    self.macro_depth -= 1;
                    body = built?;
                }
                _ => return Err(shape_error("macro definition", span)),
            }
        }
        Ok(MacroDef {
            name: name.ok_or_else(|| shape_error("macro definition", span))?,
            params,
            returns,
            body,
        })
    }

    fn macro_call(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut outputs = Vec::new();
        let mut name = None;
        let mut args = Vec::new();
        for p in operands(pair) {
            match p.as_rule() {
                Rule::macro_outputs => outputs = operands(p).map(|a| self.alias(a)).collect(),
                Rule::macro_name => name = Some(self.ident(p)),
                Rule::macro_arg => {
                    let aspan = self.span(&p);
                    let arg = self.next(&mut operands(p), "macro argument", aspan)?;
                    args.push(match arg.as_rule() {
                        Rule::alias_name => MacroArg::Alias(self.alias(arg)),
                        Rule::string => {
                            MacroArg::Literal(Literal::Chararray(self.string_value(&arg)), aspan)
                        }
                        _ => MacroArg::Literal(self.signed_number(arg.as_str(), aspan)?, aspan),
                    });
                }
                _ => return Err(shape_error("macro call", span)),
            }
        }
        Ok(StatementKind::MacroCall {
            outputs,
            name: name.ok_or_else(|| shape_error("macro call", span))?,
            args,
        })
    }

    fn register_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut it = operands(pair);
        let path_pair = self.next(&mut it, "REGISTER", span)?;
        let path = match path_pair.clone().into_inner().next() {
            Some(s) if s.as_rule() == Rule::string => self.string_value(&s),
            _ => path_pair.as_str().to_string(),
        };
        let using = it.next().map(|p| self.ident(p));
        let namespace = it.next().map(|p| self.ident(p));
        Ok(StatementKind::Register {
            path,
            using,
            namespace,
        })
    }

    fn set_value(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<SetValue> {
        let v = self.next(&mut pair.into_inner(), "SET value", span)?;
        Ok(match v.as_rule() {
            Rule::string => SetValue::String(self.string(v)?),
            _ => SetValue::Word(v.as_str().to_string()),
        })
    }

    fn shell_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> Build<StatementKind> {
        let mut it = children(pair);
        let name = self.next(&mut it, "shell command", span)?;
        let command = match name.as_str().to_ascii_lowercase().as_str() {
            "fs" => ShellCommand::Fs,
            "sql" => ShellCommand::Sql,
            "sh" => ShellCommand::Sh,
            "cat" => ShellCommand::Grunt(GruntCommand::Cat),
            "cd" => ShellCommand::Grunt(GruntCommand::Cd),
            "clear" => ShellCommand::Grunt(GruntCommand::Clear),
            "copyfromlocal" => ShellCommand::Grunt(GruntCommand::CopyFromLocal),
            "copytolocal" => ShellCommand::Grunt(GruntCommand::CopyToLocal),
            "cp" => ShellCommand::Grunt(GruntCommand::Cp),
            "exec" => ShellCommand::Grunt(GruntCommand::Exec),
            "help" => ShellCommand::Grunt(GruntCommand::Help),
            "history" => ShellCommand::Grunt(GruntCommand::History),
            "kill" => ShellCommand::Grunt(GruntCommand::Kill),
            "ls" => ShellCommand::Grunt(GruntCommand::Ls),
            "mkdir" => ShellCommand::Grunt(GruntCommand::Mkdir),
            "mv" => ShellCommand::Grunt(GruntCommand::Mv),
            "pwd" => ShellCommand::Grunt(GruntCommand::Pwd),
            "quit" => ShellCommand::Grunt(GruntCommand::Quit),
            "rm" => ShellCommand::Grunt(GruntCommand::Rm),
            "rmf" => ShellCommand::Grunt(GruntCommand::Rmf),
            "run" => ShellCommand::Grunt(GruntCommand::Run),
            _ => return Err(shape_error("shell command", span)),
        };
        let args = it.next().map_or_else(String::new, |a| {
            a.as_str()
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
                .to_string()
        });
        Ok(StatementKind::Shell { command, args })
    }

    // ------------------------------------------------------------ operators

    /// Builds a `relation` pair.
    pub(crate) fn relation(&mut self, pair: Pair<'_, Rule>) -> Build<Relation> {
        let span = self.span(&pair);
        let inner = self.next(&mut children(pair), "relation", span)?;
        Ok(match inner.as_rule() {
            Rule::previous_relation => Relation::Previous(span),
            Rule::inline_relation => {
                let op = self.next(&mut children(inner), "relation", span)?;
                Relation::Inline(Box::new(self.operator(op)?))
            }
            _ => Relation::Alias(self.alias(inner)),
        })
    }

    fn operator(&mut self, pair: Pair<'_, Rule>) -> Build<Operator> {
        let span = self.span(&pair);
        let op = self.next(&mut children(pair), "operator", span)?;
        let rule = op.as_rule();
        let kind = match rule {
            Rule::load_op => {
                let mut location = None;
                let mut using = None;
                let mut schema = None;
                for p in operands(op) {
                    match p.as_rule() {
                        Rule::string => location = Some(self.string(p)?),
                        Rule::using_func => using = Some(self.using_func(p)?),
                        Rule::as_schema => schema = Some(self.as_schema(p)?),
                        _ => return Err(shape_error("LOAD", span)),
                    }
                }
                OperatorKind::Load {
                    location: location.ok_or_else(|| shape_error("LOAD", span))?,
                    using,
                    schema,
                }
            }
            Rule::filter_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "FILTER", span)?)?;
                let condition = self.expression(self.next(&mut it, "FILTER", span)?)?;
                OperatorKind::Filter { input, condition }
            }
            Rule::foreach_op | Rule::foreach_block_op => self.foreach_op(op, span)?,
            Rule::realias_op => OperatorKind::Realias {
                input: self.relation(self.next(&mut operands(op), "relation", span)?)?,
            },
            Rule::group_op => self.group_op(op, span)?,
            Rule::join_op => self.join_op(op, span)?,
            Rule::cross_op | Rule::distinct_op | Rule::union_op => {
                let mut inputs = Vec::new();
                let mut partition = None;
                let mut parallel = None;
                let mut onschema = false;
                for p in operands(op) {
                    match p.as_rule() {
                        Rule::relation => inputs.push(self.relation(p)?),
                        Rule::partition_clause => partition = Some(self.partition(p)?),
                        Rule::parallel_clause => parallel = Some(self.parallel(p)?),
                        Rule::union_onschema => onschema = true,
                        _ => return Err(shape_error("operator", span)),
                    }
                }
                match rule {
                    Rule::cross_op => OperatorKind::Cross {
                        inputs,
                        partition,
                        parallel,
                    },
                    Rule::union_op => OperatorKind::Union {
                        inputs,
                        onschema,
                        parallel,
                    },
                    _ => OperatorKind::Distinct {
                        input: inputs
                            .into_iter()
                            .next()
                            .ok_or_else(|| shape_error("DISTINCT", span))?,
                        partition,
                        parallel,
                    },
                }
            }
            Rule::order_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "ORDER", span)?)?;
                let keys = self.order_keys(self.next(&mut it, "ORDER", span)?)?;
                let mut using = None;
                let mut parallel = None;
                for p in it {
                    match p.as_rule() {
                        Rule::using_func => using = Some(self.using_func(p)?),
                        _ => parallel = Some(self.parallel(p)?),
                    }
                }
                OperatorKind::Order {
                    input,
                    keys,
                    using,
                    parallel,
                }
            }
            Rule::limit_op | Rule::sample_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "LIMIT", span)?)?;
                let expr = self.expression(self.next(&mut it, "LIMIT", span)?)?;
                if rule == Rule::limit_op {
                    OperatorKind::Limit { input, count: expr }
                } else {
                    OperatorKind::Sample {
                        input,
                        fraction: expr,
                    }
                }
            }
            Rule::rank_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "RANK", span)?)?;
                let mut by = Vec::new();
                let mut dense = false;
                for p in it {
                    match p.as_rule() {
                        Rule::rank_key => by.push(self.sort_key(p)?),
                        _ => dense = true,
                    }
                }
                OperatorKind::Rank { input, by, dense }
            }
            Rule::cube_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "CUBE", span)?)?;
                let mut by = Vec::new();
                let mut parallel = None;
                for p in it {
                    match p.as_rule() {
                        Rule::cube_spec => by.push(self.cube_spec(p)?),
                        _ => parallel = Some(self.parallel(p)?),
                    }
                }
                OperatorKind::Cube {
                    input,
                    by,
                    parallel,
                }
            }
            Rule::assert_op => {
                let mut it = operands(op);
                let input = self.relation(self.next(&mut it, "ASSERT", span)?)?;
                let condition = self.expression(self.next(&mut it, "ASSERT", span)?)?;
                let message = it.next().map(|p| self.string(p)).transpose()?;
                OperatorKind::Assert {
                    input,
                    condition,
                    message,
                }
            }
            Rule::stream_op => {
                let mut inputs = Vec::new();
                let mut through = None;
                let mut schema = None;
                for p in operands(op) {
                    match p.as_rule() {
                        Rule::relation => inputs.push(self.relation(p)?),
                        Rule::command_text => {
                            through = Some(StreamTarget::Command(self.command_text(p)))
                        }
                        Rule::alias_name => through = Some(StreamTarget::Alias(self.alias(p))),
                        Rule::as_schema => schema = Some(self.as_schema(p)?),
                        _ => return Err(shape_error("STREAM", span)),
                    }
                }
                OperatorKind::Stream {
                    inputs,
                    through: through.ok_or_else(|| shape_error("STREAM", span))?,
                    schema,
                }
            }
            Rule::mapreduce_op => self.mapreduce_op(op, span)?,
            _ => return Err(shape_error("operator", span)),
        };
        Ok(Operator { kind, span })
    }

    fn foreach_op(&mut self, op: Pair<'_, Rule>, span: Span) -> Build<OperatorKind> {
        let mut it = operands(op);
        let input = self.relation(self.next(&mut it, "FOREACH", span)?)?;
        let body_pair = self.next(&mut it, "FOREACH", span)?;
        let body = match body_pair.as_rule() {
            Rule::generate => ForeachBody::Generate(self.generate(body_pair)?),
            _ => {
                let bspan = self.span(&body_pair);
                let mut statements = Vec::new();
                let mut generate = None;
                for p in operands(body_pair) {
                    match p.as_rule() {
                        Rule::nested_statement => statements.push(self.nested_statement(p)?),
                        Rule::generate => generate = Some(self.generate(p)?),
                        _ => return Err(shape_error("nested FOREACH", bspan)),
                    }
                }
                ForeachBody::Nested {
                    statements,
                    generate: generate.ok_or_else(|| shape_error("nested FOREACH", bspan))?,
                }
            }
        };
        if let Some(p) = it.next() {
            let pspan = self.span(&p);
            self.problems.push(
                Diagnostic::warning("PARALLEL has no effect on FOREACH", pspan)
                    .with_help("remove the PARALLEL clause"),
            );
        }
        Ok(OperatorKind::Foreach { input, body })
    }

    fn generate(&mut self, pair: Pair<'_, Rule>) -> Build<Generate> {
        let span = self.span(&pair);
        let items = operands(pair)
            .map(|p| self.generate_item(p))
            .collect::<Build<_>>()?;
        Ok(Generate { items, span })
    }

    fn generate_item(&mut self, pair: Pair<'_, Rule>) -> Build<GenerateItem> {
        let span = self.span(&pair);
        let mut it = operands(pair);
        let first = self.next(&mut it, "GENERATE item", span)?;
        let (expr, flatten) = match first.as_rule() {
            Rule::flatten_expr => {
                let fspan = self.span(&first);
                let e = self.next(&mut operands(first), "FLATTEN", fspan)?;
                (self.expression(e)?, true)
            }
            _ => (self.expression(first)?, false),
        };
        let alias = it.next().map(|p| self.schema_or_field(p)).transpose()?;
        Ok(GenerateItem {
            expr,
            flatten,
            alias,
            span,
        })
    }

    fn nested_statement(&mut self, pair: Pair<'_, Rule>) -> Build<NestedStatement> {
        let span = self.span(&pair);
        let mut it = operands(pair);
        let alias = self.alias(self.next(&mut it, "nested statement", span)?);
        let op_wrapper = self.next(&mut it, "nested statement", span)?;
        let op = self.next(&mut operands(op_wrapper), "nested statement", span)?;
        let ospan = self.span(&op);
        let rule = op.as_rule();
        let mut parts = operands(op);
        let nested = match rule {
            Rule::nested_filter => NestedOp::Filter {
                input: self.nested_input(self.next(&mut parts, "FILTER", ospan)?)?,
                condition: self.expression(self.next(&mut parts, "FILTER", ospan)?)?,
            },
            Rule::nested_order => {
                let input = self.nested_input(self.next(&mut parts, "ORDER", ospan)?)?;
                let keys = self.order_keys(self.next(&mut parts, "ORDER", ospan)?)?;
                let using = parts.next().map(|p| self.using_func(p)).transpose()?;
                NestedOp::Order { input, keys, using }
            }
            Rule::nested_limit => NestedOp::Limit {
                input: self.nested_input(self.next(&mut parts, "LIMIT", ospan)?)?,
                count: self.expression(self.next(&mut parts, "LIMIT", ospan)?)?,
            },
            Rule::nested_distinct => NestedOp::Distinct {
                input: self.nested_input(self.next(&mut parts, "DISTINCT", ospan)?)?,
            },
            Rule::nested_cross => NestedOp::Cross {
                inputs: parts.map(|p| self.nested_input(p)).collect::<Build<_>>()?,
            },
            Rule::nested_foreach => NestedOp::Foreach {
                input: self.nested_input(self.next(&mut parts, "FOREACH", ospan)?)?,
                generate: self.generate(self.next(&mut parts, "FOREACH", ospan)?)?,
            },
            Rule::nested_expr => {
                NestedOp::Expr(self.expression(self.next(&mut parts, "expression", ospan)?)?)
            }
            _ => return Err(shape_error("nested statement", ospan)),
        };
        Ok(NestedStatement {
            alias,
            op: nested,
            span,
        })
    }

    fn nested_input(&mut self, pair: Pair<'_, Rule>) -> Build<Expr> {
        let span = self.span(&pair);
        let inner = self.next(&mut children(pair), "nested input", span)?;
        self.postfix_expr(inner)
    }

    fn group_op(&mut self, op: Pair<'_, Rule>, span: Span) -> Build<OperatorKind> {
        let mut group = Group {
            cogroup: false,
            inputs: Vec::new(),
            using: None,
            partition: None,
            parallel: None,
        };
        for p in children(op) {
            match p.as_rule() {
                Rule::kw_cogroup => group.cogroup = true,
                Rule::kw_group => {}
                Rule::group_input => {
                    let ispan = self.span(&p);
                    let mut it = operands(p);
                    let relation = self.relation(self.next(&mut it, "GROUP input", ispan)?)?;
                    let key_pair = self.next(&mut it, "GROUP key", ispan)?;
                    let key = match key_pair.as_rule() {
                        Rule::group_all => GroupKey::All(self.span(&key_pair)),
                        _ => GroupKey::Exprs(self.key_list(key_pair)?),
                    };
                    let mode = it.next().map(|m| match m.into_inner().next() {
                        Some(k) if k.as_rule() == Rule::kw_inner => GroupInputMode::Inner,
                        _ => GroupInputMode::Outer,
                    });
                    group.inputs.push(GroupInput {
                        relation,
                        key,
                        mode,
                        span: ispan,
                    });
                }
                Rule::group_using => group.using = Some(self.using_string(p)?),
                Rule::partition_clause => group.partition = Some(self.partition(p)?),
                Rule::parallel_clause => group.parallel = Some(self.parallel(p)?),
                _ => return Err(shape_error("GROUP", span)),
            }
        }
        Ok(OperatorKind::Group(group))
    }

    fn join_op(&mut self, op: Pair<'_, Rule>, span: Span) -> Build<OperatorKind> {
        let mut join = Join {
            inputs: Vec::new(),
            kind: JoinKind::Inner,
            using: None,
            partition: None,
            parallel: None,
        };
        for p in operands(op) {
            match p.as_rule() {
                Rule::join_input => {
                    let ispan = self.span(&p);
                    let mut it = operands(p);
                    let relation = self.relation(self.next(&mut it, "JOIN input", ispan)?)?;
                    let keys = self.key_list(self.next(&mut it, "JOIN key", ispan)?)?;
                    join.inputs.push(JoinInput {
                        relation,
                        keys,
                        span: ispan,
                    });
                }
                Rule::join_outer => {
                    join.kind = match p.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_left) => JoinKind::LeftOuter,
                        Some(Rule::kw_right) => JoinKind::RightOuter,
                        _ => JoinKind::FullOuter,
                    }
                }
                Rule::group_using => join.using = Some(self.using_string(p)?),
                Rule::partition_clause => join.partition = Some(self.partition(p)?),
                Rule::parallel_clause => join.parallel = Some(self.parallel(p)?),
                _ => return Err(shape_error("JOIN", span)),
            }
        }
        Ok(OperatorKind::Join(join))
    }

    fn key_list(&mut self, pair: Pair<'_, Rule>) -> Build<Vec<Expr>> {
        operands(pair).map(|p| self.expression(p)).collect()
    }

    fn order_keys(&mut self, pair: Pair<'_, Rule>) -> Build<OrderKeys> {
        let span = self.span(&pair);
        let mut it = operands(pair).peekable();
        if let Some(p) = it.peek() {
            if p.as_rule() == Rule::order_star {
                let star = self.next(&mut it, "ORDER", span)?;
                let sspan = self.span(&star);
                let direction = children(star)
                    .find(|p| p.as_rule() == Rule::sort_direction)
                    .map(|d| self.direction(d));
                return Ok(OrderKeys::Star {
                    direction,
                    span: sspan,
                });
            }
        }
        Ok(OrderKeys::Keys(
            it.map(|p| self.sort_key(p)).collect::<Build<_>>()?,
        ))
    }

    /// Builds an `order_key` or `rank_key`.
    fn sort_key(&mut self, pair: Pair<'_, Rule>) -> Build<OrderKey> {
        let span = self.span(&pair);
        let mut it = operands(pair);
        let e = self.next(&mut it, "sort key", span)?;
        let expr = match e.as_rule() {
            Rule::star_expr => Expr {
                kind: ExprKind::Star,
                span: self.span(&e),
            },
            _ => self.expression(e)?,
        };
        let direction = it.next().map(|d| self.direction(d));
        Ok(OrderKey {
            expr,
            direction,
            span,
        })
    }

    fn direction(&self, pair: Pair<'_, Rule>) -> SortDirection {
        match pair.into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::kw_desc) => SortDirection::Desc,
            _ => SortDirection::Asc,
        }
    }

    fn cube_spec(&mut self, pair: Pair<'_, Rule>) -> Build<CubeSpec> {
        let span = self.span(&pair);
        let mut kind = CubeKind::Cube;
        let mut exprs = Vec::new();
        for p in children(pair) {
            match p.as_rule() {
                Rule::kw_cube => kind = CubeKind::Cube,
                Rule::kw_rollup => kind = CubeKind::Rollup,
                _ => exprs.push(self.expression(p)?),
            }
        }
        Ok(CubeSpec { kind, exprs, span })
    }

    fn mapreduce_op(&mut self, op: Pair<'_, Rule>, span: Span) -> Build<OperatorKind> {
        let mut strings = Vec::new();
        let mut relation = None;
        let mut usings: Vec<(usize, FuncSpec)> = Vec::new();
        let mut schema = None;
        let mut params = None;
        for p in operands(op) {
            match p.as_rule() {
                Rule::string => strings.push(self.string(p)?),
                Rule::relation => relation = Some(self.relation(p)?),
                Rule::using_func => usings.push((strings.len(), self.using_func(p)?)),
                Rule::as_schema => schema = Some(self.as_schema(p)?),
                Rule::command_text => params = Some(self.command_text(p)),
                _ => return Err(shape_error("MAPREDUCE", span)),
            }
        }
        let mut strings = strings.into_iter();
        let mut store_using = None;
        let mut load_using = None;
        for (after, f) in usings {
            if after == 2 {
                store_using = Some(f);
            } else {
                load_using = Some(f);
            }
        }
        let mut take = || strings.next().ok_or_else(|| shape_error("MAPREDUCE", span));
        Ok(OperatorKind::MapReduce(Box::new(MapReduce {
            jar: take()?,
            store_relation: relation.ok_or_else(|| shape_error("MAPREDUCE", span))?,
            store_location: take()?,
            store_using,
            load_location: take()?,
            load_using,
            load_schema: schema,
            params,
        })))
    }

    // ------------------------------------------------------------ small pieces

    /// Builds an identifier from an `alias_name`, `macro_name`, `identifier` or similar pair,
    /// reporting `$name` outside macro bodies as an undefined parameter and reserved words
    /// used as names (the grammar lets them through, see `identifier` in `pig.pest`).
    pub(crate) fn ident(&mut self, pair: Pair<'_, Rule>) -> Ident {
        let span = self.span(&pair);
        let name = pair.as_str().to_string();
        if self.macro_depth == 0 && name.contains('$') {
            self.undefined_parameter(&name, span);
        }
        if let Some(word) = name.split("::").next().filter(|w| is_reserved_name(w)) {
            self.problems.push(
                Diagnostic::error(
                    format!("`{word}` is a reserved word and cannot be used as a name"),
                    span,
                )
                .with_primary_label("reserved word")
                .with_help("choose another name"),
            );
        }
        Ident { name, span }
    }

    /// An alias (same as [`Builder::ident`]).
    pub(crate) fn alias(&mut self, pair: Pair<'_, Rule>) -> Ident {
        self.ident(pair)
    }

    pub(crate) fn undefined_parameter(&mut self, name: &str, span: Span) {
        let param = name
            .split("::")
            .find_map(|part| part.strip_prefix('$'))
            .unwrap_or(name);
        self.problems.push(
            Diagnostic::error(format!("undefined parameter `${param}`"), span)
                .with_primary_label("not defined")
                .with_help(format!(
                    "define it with `-p {param}=VALUE`, `--param-file`, `%declare {param} VALUE` or `%default {param} VALUE`"
                )),
        );
    }

    pub(crate) fn string(&mut self, pair: Pair<'_, Rule>) -> Build<StringLit> {
        let span = self.span(&pair);
        if pair.as_rule() != Rule::string {
            return Err(shape_error("string", span));
        }
        Ok(StringLit {
            value: self.string_value(&pair),
            span,
        })
    }

    /// The unescaped value of a `string` pair; reports `$name` references left in it (undefined
    /// parameters) outside macro bodies.
    pub(crate) fn string_value(&mut self, pair: &Pair<'_, Rule>) -> String {
        let raw = inner_text(pair);
        if self.macro_depth == 0 {
            if let Some(name) = unescaped_parameter(raw) {
                let span = self.span(pair);
                self.undefined_parameter(&format!("${name}"), span);
            }
        }
        unescape(raw)
    }

    fn command_text(&mut self, pair: Pair<'_, Rule>) -> CommandText {
        let span = self.span(&pair);
        CommandText {
            text: inner_text(&pair).to_string(),
            span,
        }
    }

    fn using_func(&mut self, pair: Pair<'_, Rule>) -> Build<FuncSpec> {
        let span = self.span(&pair);
        let f = self.next(&mut operands(pair), "USING", span)?;
        self.func_spec(f)
    }

    fn using_string(&mut self, pair: Pair<'_, Rule>) -> Build<StringLit> {
        let span = self.span(&pair);
        let s = self.next(&mut operands(pair), "USING", span)?;
        self.string(s)
    }

    pub(crate) fn func_spec(&mut self, pair: Pair<'_, Rule>) -> Build<FuncSpec> {
        let span = self.span(&pair);
        let mut it = operands(pair);
        let name = self.qualified_name(self.next(&mut it, "function", span)?);
        let args = it.map(|p| self.string(p)).collect::<Build<_>>()?;
        Ok(FuncSpec { name, args, span })
    }

    pub(crate) fn qualified_name(&mut self, pair: Pair<'_, Rule>) -> QualifiedName {
        let span = self.span(&pair);
        let name = pair.as_str().to_string();
        if self.macro_depth == 0 && name.starts_with('$') {
            self.undefined_parameter(&name, span);
        }
        if is_reserved_name(&name) {
            self.problems.push(
                Diagnostic::error(format!("`{name}` is a reserved word, not a function"), span)
                    .with_primary_label("reserved word"),
            );
        }
        QualifiedName { name, span }
    }

    fn partition(&mut self, pair: Pair<'_, Rule>) -> Build<QualifiedName> {
        let span = self.span(&pair);
        let name = self.next(&mut operands(pair), "PARTITION BY", span)?;
        Ok(self.qualified_name(name))
    }

    fn parallel(&mut self, pair: Pair<'_, Rule>) -> Build<Parallel> {
        let span = self.span(&pair);
        let n = self.next(&mut operands(pair), "PARALLEL", span)?;
        Ok(Parallel {
            value: self.count(&n)?,
            span,
        })
    }

    /// A non-negative count that must fit in `u32`.
    fn count(&self, pair: &Pair<'_, Rule>) -> Build<u32> {
        let span = self.span(pair);
        pair.as_str().parse::<u32>().map_err(|_| {
            Box::new(
                Diagnostic::error(format!("`{}` is too large", pair.as_str()), span)
                    .with_primary_label("must be at most 4294967295"),
            )
        })
    }

    /// Parses a number literal (with optional leading `-`, as in macro arguments).
    pub(crate) fn signed_number(&self, text: &str, span: Span) -> Build<Literal> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let lit = number_literal(digits, negative).ok_or_else(|| {
            Box::new(Diagnostic::error(
                format!("number `{text}` is out of range"),
                span,
            ))
        })?;
        Ok(lit)
    }

    pub(crate) fn as_schema(&mut self, pair: Pair<'_, Rule>) -> Build<Schema> {
        let span = self.span(&pair);
        let inner = self.next(&mut operands(pair), "AS", span)?;
        self.schema_or_field(inner)
    }

    /// Builds a `schema` or a `single_field_schema` (normalized to a one-field schema).
    fn schema_or_field(&mut self, pair: Pair<'_, Rule>) -> Build<Schema> {
        match pair.as_rule() {
            Rule::schema => self.schema(pair),
            _ => {
                let span = self.span(&pair);
                let field = self.next(&mut operands(pair), "AS", span)?;
                Ok(Schema {
                    fields: vec![self.field_schema(field)?],
                    span,
                })
            }
        }
    }
}

/// The text between the delimiters of a `string` or `command_text` pair.
pub(crate) fn inner_text<'i>(pair: &Pair<'i, Rule>) -> &'i str {
    pair.clone().into_inner().next().map_or("", |p| p.as_str())
}

/// Pig Latin's reserved words (lower case, sorted). `group` and `cube` are missing on purpose:
/// Pig names the grouping field `group` and lets it (and `cube`) be used as field names.
const RESERVED: &[&str] = &[
    "all",
    "and",
    "as",
    "asc",
    "assert",
    "bag",
    "bigdecimal",
    "biginteger",
    "boolean",
    "by",
    "bytearray",
    "case",
    "chararray",
    "cogroup",
    "cross",
    "datetime",
    "define",
    "desc",
    "distinct",
    "double",
    "else",
    "end",
    "false",
    "filter",
    "flatten",
    "float",
    "foreach",
    "full",
    "generate",
    "if",
    "import",
    "inner",
    "int",
    "into",
    "is",
    "join",
    "left",
    "limit",
    "load",
    "long",
    "map",
    "mapreduce",
    "matches",
    "native",
    "not",
    "null",
    "onschema",
    "or",
    "order",
    "otherwise",
    "outer",
    "parallel",
    "partition",
    "rank",
    "returns",
    "right",
    "rollup",
    "sample",
    "split",
    "store",
    "stream",
    "then",
    "through",
    "true",
    "tuple",
    "union",
    "using",
    "when",
];

/// Whether `word` is reserved (case-insensitively).
pub(crate) fn is_reserved_name(word: &str) -> bool {
    const LONGEST: usize = 10;
    // Reserved words are ASCII letters: anything else (most names have digits or `_` or are
    // longer) is decided without a lookup.
    if word.len() < 2 || word.len() > LONGEST || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut lower = [0u8; LONGEST];
    let buffer = &mut lower[..word.len()];
    buffer.copy_from_slice(word.as_bytes());
    buffer.make_ascii_lowercase();
    std::str::from_utf8(buffer).is_ok_and(|w| RESERVED.binary_search(&w).is_ok())
}

/// The first `$name` in raw string text that is not escaped as `\$name`.
fn unescaped_parameter(raw: &str) -> Option<&str> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'$' => {
                let rest = &raw[i + 1..];
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                    return Some(&rest[..len]);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// Decodes Pig string escapes; unknown escapes keep their backslash (`'\d'` is `\d`).
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('$') => out.push('$'),
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match (hex.len() == 4)
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten()
                    .and_then(char::from_u32)
                {
                    Some(decoded) => {
                        out.push(decoded);
                        for _ in 0..4 {
                            chars.next();
                        }
                    }
                    None => out.push_str("\\u"),
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Parses the text of a `number` (no sign) into a literal, negated if `negative`.
/// `None` when the value is out of range for its type.
pub(crate) fn number_literal(text: &str, negative: bool) -> Option<Literal> {
    let lower = text.to_ascii_lowercase();
    let sign = if negative { "-" } else { "" };
    if let Some(body) = lower.strip_suffix("bd") {
        return Some(Literal::BigDecimal(format!("{sign}{body}")));
    }
    if let Some(body) = lower.strip_suffix("bi") {
        return Some(Literal::BigInteger(format!("{sign}{body}")));
    }
    if let Some(body) = lower.strip_suffix('f') {
        return format!("{sign}{body}")
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Literal::Float);
    }
    if let Some(body) = lower.strip_suffix('l') {
        return format!("{sign}{body}")
            .parse::<i64>()
            .ok()
            .map(Literal::Long);
    }
    if lower.contains(['.', 'e']) {
        return format!("{sign}{lower}")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Literal::Double);
    }
    format!("{sign}{lower}")
        .parse::<i32>()
        .ok()
        .map(Literal::Int)
}
