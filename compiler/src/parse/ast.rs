//! The abstract syntax tree of a Pig Latin script.
//!
//! Every statement, operator, expression, schema and identifier carries a [`Span`]. Equality of
//! nodes ignores spans (see [`Span`]), so `parse(print(ast)) == ast` is a structural comparison.
//!
//! Keywords are case-insensitive and are not kept; identifiers keep their case. Names of macro
//! parameters inside a macro body keep their `$` (`$A`), as do undefined `$name` references.

pub use super::span::Span;

/// A whole script: its statements in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub statements: Vec<Statement>,
    pub span: Span,
}

/// An identifier (relation alias, field name, macro or function alias) as written.
///
/// Field references may be disambiguated with `::` (`r::f`); the parts are kept in one name,
/// exactly as Pig names such fields in schemas.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// One `;`-terminated statement (or a macro definition / shell command).
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    pub span: Span,
}

/// The statement forms.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementKind {
    /// `alias = operator;`, or a bare `operator;` whose result Pig names implicitly.
    Relation {
        alias: Option<Ident>,
        operator: Operator,
    },
    /// `STORE r INTO 'location' [USING f(args)];`
    Store {
        relation: Relation,
        location: StringLit,
        using: Option<FuncSpec>,
    },
    /// `SPLIT r INTO a IF cond, b IF cond [, c OTHERWISE];`
    Split {
        relation: Relation,
        branches: Vec<SplitBranch>,
        otherwise: Option<Ident>,
    },
    /// `DUMP r;`
    Dump { relation: Relation },
    /// `DESCRIBE [alias];` — the alias may name a nested alias as `outer::inner`.
    Describe { alias: Option<Ident> },
    /// `EXPLAIN [-option [value]]… [alias];`
    Explain {
        options: Vec<CommandOption>,
        alias: Option<Ident>,
    },
    /// `ILLUSTRATE [-option [value]]… [alias];`
    Illustrate {
        options: Vec<CommandOption>,
        alias: Option<Ident>,
    },
    /// `DEFINE alias f(args);` or `DEFINE alias \`command\` [clauses];`
    Define { alias: Ident, target: DefineTarget },
    /// `DEFINE name(params) RETURNS r1, r2 { body };`
    Macro(MacroDef),
    /// `[out1, out2 =] name(args);` — a macro invocation.
    MacroCall {
        outputs: Vec<Ident>,
        name: Ident,
        args: Vec<MacroArg>,
    },
    /// `IMPORT 'file.pig';`
    Import { path: StringLit },
    /// `REGISTER path [USING engine AS namespace];`
    Register {
        path: String,
        using: Option<Ident>,
        namespace: Option<Ident>,
    },
    /// `SET key value;` or `SET;`
    Set {
        key: Option<String>,
        value: Option<SetValue>,
    },
    /// `fs -cmd args;`, `sh cmd args;` and the other Grunt shell commands (`ls`, `cp`, `rmf`, …),
    /// with the argument text kept verbatim.
    Shell { command: ShellCommand, args: String },
}

/// A `-name [value]` option of EXPLAIN/ILLUSTRATE (`-script f.pig`, `-brief`, `-dot`, `-out p`).
#[derive(Debug, Clone, PartialEq)]
pub struct CommandOption {
    pub name: String,
    pub value: Option<String>,
    pub span: Span,
}

/// The kinds of shell command statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShellCommand {
    /// `fs -…` (Hadoop file system shell).
    Fs,
    /// `sh …` (local shell).
    Sh,
    /// `sql …` (HCatalog DDL).
    Sql,
    /// A Grunt command (`ls`, `cat`, `cd`, `cp`, `mkdir`, `mv`, `rm`, `rmf`, `pwd`, `copyFromLocal`,
    /// `copyToLocal`, `exec`, `run`, `kill`, `history`, `clear`, `quit`, `help`), by name.
    Grunt(GruntCommand),
}

/// Grunt shell commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GruntCommand {
    Cat,
    Cd,
    Clear,
    CopyFromLocal,
    CopyToLocal,
    Cp,
    Exec,
    Help,
    History,
    Kill,
    Ls,
    Mkdir,
    Mv,
    Pwd,
    Quit,
    Rm,
    Rmf,
    Run,
}

/// The value of a `SET key value;` statement.
#[derive(Debug, Clone, PartialEq)]
pub enum SetValue {
    /// A quoted string.
    String(StringLit),
    /// An unquoted word or number, kept as written (`on`, `10`, `-Xmx1024m`).
    Word(String),
}

/// A relation used as an operator input: an alias, `@` (the previous relation), or a nested
/// operator in parentheses.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    Alias(Ident),
    /// `@`: the relation defined by the previous statement.
    Previous(Span),
    /// `( operator )`
    Inline(Box<Operator>),
}

/// A relational operator (the right-hand side of `alias = …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Operator {
    pub kind: OperatorKind,
    pub span: Span,
}

/// The relational operators.
#[derive(Debug, Clone, PartialEq)]
pub enum OperatorKind {
    /// `LOAD 'loc' [USING f(args)] [AS schema]`
    Load {
        location: StringLit,
        using: Option<FuncSpec>,
        schema: Option<Schema>,
    },
    /// `FILTER r BY cond`
    Filter { input: Relation, condition: Expr },
    /// `FOREACH r GENERATE …` or `FOREACH r { nested…; GENERATE … }`
    Foreach { input: Relation, body: ForeachBody },
    /// `GROUP`/`COGROUP` one or more inputs.
    Group(Group),
    /// `JOIN` two or more inputs.
    Join(Join),
    /// `CROSS r1, r2… [PARTITION BY cls] [PARALLEL n]`
    Cross {
        inputs: Vec<Relation>,
        partition: Option<QualifiedName>,
        parallel: Option<Parallel>,
    },
    /// `DISTINCT r [PARTITION BY cls] [PARALLEL n]`
    Distinct {
        input: Relation,
        partition: Option<QualifiedName>,
        parallel: Option<Parallel>,
    },
    /// `ORDER r BY keys [USING f] [PARALLEL n]`
    Order {
        input: Relation,
        keys: OrderKeys,
        using: Option<FuncSpec>,
        parallel: Option<Parallel>,
    },
    /// `LIMIT r expr`
    Limit { input: Relation, count: Expr },
    /// `SAMPLE r expr`
    Sample { input: Relation, fraction: Expr },
    /// `UNION [ONSCHEMA] r1, r2… [PARALLEL n]`
    Union {
        inputs: Vec<Relation>,
        onschema: bool,
        parallel: Option<Parallel>,
    },
    /// `RANK r [BY key [ASC|DESC], … [DENSE]]`
    Rank {
        input: Relation,
        by: Vec<OrderKey>,
        dense: bool,
    },
    /// `CUBE r BY CUBE(a, b), ROLLUP(c) …`
    Cube {
        input: Relation,
        by: Vec<CubeSpec>,
        parallel: Option<Parallel>,
    },
    /// `ASSERT r BY cond [, 'message']`
    Assert {
        input: Relation,
        condition: Expr,
        message: Option<StringLit>,
    },
    /// `STREAM r1, r2… THROUGH (alias | \`command\`) [AS schema]`
    Stream {
        inputs: Vec<Relation>,
        through: StreamTarget,
        schema: Option<Schema>,
    },
    /// `MAPREDUCE 'jar' STORE r INTO 'loc' [USING f] LOAD 'loc' [USING f] [AS schema] [\`params\`]`
    /// (also spelled `NATIVE`).
    MapReduce(Box<MapReduce>),
    /// `b = a;` — another name for an existing relation.
    Realias { input: Relation },
}

/// `PARALLEL n`
#[derive(Debug, Clone, PartialEq)]
pub struct Parallel {
    pub value: u32,
    pub span: Span,
}

/// A dotted Java-style name such as `org.apache.pig.builtin.PigStorage` or `COUNT`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct QualifiedName {
    pub name: String,
    pub span: Span,
}

/// A function reference with constructor arguments: `PigStorage(',')`, `org.x.MyUdf('a', 'b')`.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncSpec {
    pub name: QualifiedName,
    pub args: Vec<StringLit>,
    pub span: Span,
}

/// A quoted string literal, unescaped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StringLit {
    pub value: String,
    pub span: Span,
}

/// The body of a FOREACH.
#[derive(Debug, Clone, PartialEq)]
pub enum ForeachBody {
    /// `GENERATE items`
    Generate(Generate),
    /// `{ nested statements; GENERATE items; }`
    Nested {
        statements: Vec<NestedStatement>,
        generate: Generate,
    },
}

/// `GENERATE item, item…`
#[derive(Debug, Clone, PartialEq)]
pub struct Generate {
    pub items: Vec<GenerateItem>,
    pub span: Span,
}

/// One GENERATE item: `[FLATTEN(]expr[)] [AS schema]`.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateItem {
    pub expr: Expr,
    pub flatten: bool,
    /// `AS x`, `AS x:int`, `AS (a, b:int)` — always normalized to a list of fields.
    pub alias: Option<Schema>,
    pub span: Span,
}

/// `alias = nested_op;` inside a nested FOREACH block.
#[derive(Debug, Clone, PartialEq)]
pub struct NestedStatement {
    pub alias: Ident,
    pub op: NestedOp,
    pub span: Span,
}

/// Operators allowed inside a nested FOREACH block. Inputs are expressions (an inner alias,
/// a bag field, or a projection such as `a.b`).
#[derive(Debug, Clone, PartialEq)]
pub enum NestedOp {
    Filter {
        input: Expr,
        condition: Expr,
    },
    Order {
        input: Expr,
        keys: OrderKeys,
        using: Option<FuncSpec>,
    },
    Limit {
        input: Expr,
        count: Expr,
    },
    Distinct {
        input: Expr,
    },
    Cross {
        inputs: Vec<Expr>,
    },
    Foreach {
        input: Expr,
        generate: Generate,
    },
    /// `x = expr;` (a projection such as `a.b` or any expression).
    Expr(Expr),
}

/// The keys of an ORDER: `*` or a list.
#[derive(Debug, Clone, PartialEq)]
pub enum OrderKeys {
    /// `BY * [ASC|DESC]`
    Star {
        direction: Option<SortDirection>,
        span: Span,
    },
    Keys(Vec<OrderKey>),
}

/// One sort key with an optional direction.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderKey {
    pub expr: Expr,
    pub direction: Option<SortDirection>,
    pub span: Span,
}

/// `ASC` / `DESC`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortDirection {
    Asc,
    Desc,
}

/// `GROUP` / `COGROUP`.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Whether the keyword was `COGROUP` (the semantics are the same).
    pub cogroup: bool,
    pub inputs: Vec<GroupInput>,
    /// `USING 'collected'` / `'merge'`.
    pub using: Option<StringLit>,
    pub partition: Option<QualifiedName>,
    pub parallel: Option<Parallel>,
}

/// One input of a GROUP/COGROUP: `r BY key [INNER|OUTER]`.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInput {
    pub relation: Relation,
    pub key: GroupKey,
    pub mode: Option<GroupInputMode>,
    pub span: Span,
}

/// `INNER` / `OUTER` on a cogroup input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupInputMode {
    Inner,
    Outer,
}

/// A GROUP key.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupKey {
    /// `ALL`
    All(Span),
    /// `BY expr` (one element) or `BY (e1, e2, …)` (several).
    Exprs(Vec<Expr>),
}

/// `JOIN`.
#[derive(Debug, Clone, PartialEq)]
pub struct Join {
    pub inputs: Vec<JoinInput>,
    pub kind: JoinKind,
    /// `USING 'replicated' | 'skewed' | 'merge' | 'merge-sparse' | 'hash' | 'default'`.
    pub using: Option<StringLit>,
    pub partition: Option<QualifiedName>,
    pub parallel: Option<Parallel>,
}

/// One JOIN input: `r BY key` or `r BY (k1, k2)`.
#[derive(Debug, Clone, PartialEq)]
pub struct JoinInput {
    pub relation: Relation,
    pub keys: Vec<Expr>,
    pub span: Span,
}

/// Inner or outer join (`LEFT`/`RIGHT`/`FULL [OUTER]`, two inputs only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JoinKind {
    Inner,
    LeftOuter,
    RightOuter,
    FullOuter,
}

/// `CUBE(a, b)` or `ROLLUP(a, b)` in a CUBE operator.
#[derive(Debug, Clone, PartialEq)]
pub struct CubeSpec {
    pub kind: CubeKind,
    pub exprs: Vec<Expr>,
    pub span: Span,
}

/// The grouping-set forms of CUBE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CubeKind {
    Cube,
    Rollup,
}

/// `b IF cond` in SPLIT.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitBranch {
    pub alias: Ident,
    pub condition: Expr,
    pub span: Span,
}

/// What STREAM pipes through.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamTarget {
    /// A command alias from `DEFINE x \`cmd\``.
    Alias(Ident),
    /// A command in backticks, verbatim.
    Command(CommandText),
}

/// The text between backticks, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CommandText {
    pub text: String,
    pub span: Span,
}

/// The MAPREDUCE operator.
#[derive(Debug, Clone, PartialEq)]
pub struct MapReduce {
    pub jar: StringLit,
    pub store_relation: Relation,
    pub store_location: StringLit,
    pub store_using: Option<FuncSpec>,
    pub load_location: StringLit,
    pub load_using: Option<FuncSpec>,
    pub load_schema: Option<Schema>,
    /// Trailing backquoted Hadoop arguments.
    pub params: Option<CommandText>,
}

/// What a `DEFINE alias …` names.
#[derive(Debug, Clone, PartialEq)]
pub enum DefineTarget {
    /// A function with constructor arguments.
    Function(FuncSpec),
    /// A streaming command with its clauses.
    Command {
        command: CommandText,
        clauses: Vec<CommandClause>,
    },
}

/// A clause of a streaming command definition.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandClause {
    /// `INPUT(stdin | 'file' [USING f], …)`
    Input(Vec<StreamSpec>),
    /// `OUTPUT(stdout | 'file' [USING f], …)`
    Output(Vec<StreamSpec>),
    /// `SHIP('path', …)`
    Ship(Vec<StringLit>),
    /// `CACHE('path#name', …)`
    Cache(Vec<StringLit>),
    /// `STDERR('dir' [LIMIT n])`
    Stderr { dir: StringLit, limit: Option<u32> },
}

/// One stream of INPUT/OUTPUT: `stdin`, `stdout`, `stderr` or a file, with an optional serializer.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamSpec {
    pub target: StreamEndpoint,
    pub using: Option<FuncSpec>,
    pub span: Span,
}

/// The endpoint of a stream specification.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEndpoint {
    Stdin,
    Stdout,
    Stderr,
    File(StringLit),
}

/// `DEFINE name(p1, p2) RETURNS r1, r2 { body };` (`RETURNS void` gives no returns).
#[derive(Debug, Clone, PartialEq)]
pub struct MacroDef {
    pub name: Ident,
    pub params: Vec<Ident>,
    pub returns: Vec<Ident>,
    pub body: Vec<Statement>,
}

/// An argument of a macro invocation.
#[derive(Debug, Clone, PartialEq)]
pub enum MacroArg {
    /// A relation alias or a bare word.
    Alias(Ident),
    /// A string or number.
    Literal(Literal, Span),
}

/// A schema: `(a:int, b, t:tuple(x:int))`.
#[derive(Debug, Clone, PartialEq)]
pub struct Schema {
    pub fields: Vec<FieldSchema>,
    pub span: Span,
}

/// One field of a schema: name and/or type (at least one is present).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSchema {
    pub name: Option<Ident>,
    pub ty: Option<Type>,
    pub span: Span,
}

/// A Pig type.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    Int,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Chararray,
    Bytearray,
    Boolean,
    Datetime,
    /// `tuple(…)` or `(…)`. The parser always gives `Some` (`tuple()` is an empty schema);
    /// `None` is for later passes that build types with an unknown tuple schema.
    Tuple(Option<Schema>),
    /// `bag{t:(…)}` / `{(…)}` / `bag{}`.
    Bag(Box<BagType>),
    /// `map[type]` / `map[]`.
    Map(Option<Box<Type>>),
}

/// The element tuple of a bag type.
#[derive(Debug, Clone, PartialEq)]
pub struct BagType {
    /// The name of the tuple field (`t` in `bag{t:(x:int)}`).
    pub tuple_name: Option<Ident>,
    /// The tuple's schema; `None` for `bag{}`.
    pub tuple: Option<Schema>,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// A field or alias name (`name`, `r::f`, `$param` in macro bodies).
    Field(Ident),
    /// `$n`
    Positional(u32),
    /// `*` (all fields).
    Star,
    /// `a..c`, `$0..$3`, `..c`, `a..` — either end may be open.
    Range {
        start: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
    },
    /// `base.f`, `base.$0` (one field) or `base.(f, g)` (several, `grouped`).
    Project {
        base: Box<Expr>,
        fields: Vec<Expr>,
        grouped: bool,
    },
    /// `m#'key'`
    MapLookup {
        base: Box<Expr>,
        key: StringLit,
    },
    /// `name(args)` with a dotted Java-style name.
    Call {
        name: QualifiedName,
        args: Vec<Expr>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `e IS [NOT] NULL`
    IsNull {
        operand: Box<Expr>,
        negated: bool,
    },
    /// `e IN (a, b, …)`
    In {
        operand: Box<Expr>,
        list: Vec<Expr>,
    },
    /// `cond ? a : b`
    Bincond {
        condition: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `CASE [operand] WHEN w THEN t … [ELSE e] END`
    Case {
        operand: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        otherwise: Option<Box<Expr>>,
    },
    /// `(type) e`
    Cast {
        ty: Type,
        operand: Box<Expr>,
    },
    /// `(a, b, …)` — a tuple constructor with zero or at least two elements (`(e)` is `e`).
    Tuple(Vec<Expr>),
    /// `{(…), (…)}` — a bag constructor; each element is a tuple.
    Bag(Vec<Expr>),
    /// `['k'#v, …]`
    Map(Vec<(Expr, Expr)>),
}

/// Prefix operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Neg,
    Not,
}

/// Infix operators, by Pig precedence (lowest first): `OR`; `AND`; comparisons and `MATCHES`;
/// `+ -`; `* / %`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Matches,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

/// Literal values.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Boolean(bool),
    Int(i32),
    /// `10L`
    Long(i64),
    /// `1.5F`
    Float(f32),
    /// `1.5`, `1e10`
    Double(f64),
    /// `123BI`, kept as decimal digits.
    BigInteger(String),
    /// `1.5BD`, kept as written without the suffix.
    BigDecimal(String),
    Chararray(String),
}
