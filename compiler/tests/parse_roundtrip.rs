//! Property test: generated ASTs survive pretty-printing and re-parsing unchanged.
//!
//! The generators produce the normalized trees the parser itself builds (for example no
//! one-element tuples, since `(e)` is just `e`, and no negative literals, since `-1` is unary
//! minus applied to `1`). Spans are all default: AST equality ignores them.

use pigc::parse::ast::*;
use pigc::parse::{parse_text, print_script};
use proptest::prelude::*;

fn sp() -> Span {
    Span::default()
}

fn e(kind: ExprKind) -> Expr {
    Expr { kind, span: sp() }
}

fn id(name: &str) -> Ident {
    Ident {
        name: name.to_string(),
        span: sp(),
    }
}

/// Words that are keywords, operators or statement commands somewhere in Pig Latin.
const NOT_NAMES: &[&str] = &[
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
    "cache",
    "case",
    "cat",
    "cd",
    "chararray",
    "clear",
    "cogroup",
    "cp",
    "cross",
    "cube",
    "datetime",
    "define",
    "dense",
    "desc",
    "describe",
    "distinct",
    "double",
    "dump",
    "else",
    "end",
    "eq",
    "exec",
    "explain",
    "false",
    "filter",
    "flatten",
    "float",
    "foreach",
    "fs",
    "full",
    "generate",
    "group",
    "gt",
    "gte",
    "help",
    "history",
    "if",
    "illustrate",
    "import",
    "in",
    "inner",
    "input",
    "int",
    "into",
    "is",
    "join",
    "kill",
    "left",
    "limit",
    "load",
    "long",
    "ls",
    "lt",
    "lte",
    "map",
    "mapreduce",
    "matches",
    "mkdir",
    "mv",
    "native",
    "neq",
    "not",
    "null",
    "onschema",
    "or",
    "order",
    "otherwise",
    "outer",
    "output",
    "parallel",
    "partition",
    "pwd",
    "quit",
    "rank",
    "register",
    "returns",
    "right",
    "rm",
    "rmf",
    "rollup",
    "run",
    "sample",
    "set",
    "sh",
    "ship",
    "split",
    "sql",
    "stderr",
    "stdin",
    "stdout",
    "store",
    "stream",
    "then",
    "through",
    "true",
    "tuple",
    "union",
    "using",
    "void",
    "when",
];

fn name() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9_]{0,5}".prop_filter("not a keyword", |n| {
        !NOT_NAMES.contains(&n.to_ascii_lowercase().as_str())
    })
}

fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z ]{0,6}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
        Just("it's \\ $x\n\t".to_string()),
    ]
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        Just(Literal::Null),
        any::<bool>().prop_map(Literal::Boolean),
        (0..=i32::MAX).prop_map(Literal::Int),
        (0..=i64::MAX).prop_map(Literal::Long),
        (0.0f32..1e30).prop_map(Literal::Float),
        (0.0f64..1e300).prop_map(Literal::Double),
        "[0-9]{1,25}".prop_map(Literal::BigInteger),
        "[0-9]{1,10}\\.[0-9]{1,10}".prop_map(Literal::BigDecimal),
        string_value().prop_map(Literal::Chararray),
    ]
}

fn simple_type() -> impl Strategy<Value = Type> {
    prop_oneof![
        Just(Type::Int),
        Just(Type::Long),
        Just(Type::Float),
        Just(Type::Double),
        Just(Type::BigInteger),
        Just(Type::BigDecimal),
        Just(Type::Chararray),
        Just(Type::Bytearray),
        Just(Type::Boolean),
        Just(Type::Datetime),
    ]
}

fn schema_of(fields: Vec<FieldSchema>) -> Schema {
    Schema { fields, span: sp() }
}

/// Types as casts write them: fields have types but no names.
fn cast_type() -> impl Strategy<Value = Type> {
    simple_type().prop_recursive(2, 8, 3, |inner| {
        let unnamed = |t: Type| FieldSchema {
            name: None,
            ty: Some(t),
            span: sp(),
        };
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(move |ts| Type::Tuple(Some(
                schema_of(ts.into_iter().map(unnamed).collect())
            ))),
            prop::option::of(prop::collection::vec(inner.clone(), 0..3)).prop_map(move |ts| {
                Type::Bag(Box::new(BagType {
                    tuple_name: None,
                    tuple: ts.map(|ts| schema_of(ts.into_iter().map(unnamed).collect())),
                }))
            }),
            prop::option::of(inner).prop_map(|t| Type::Map(t.map(Box::new))),
        ]
    })
}

/// Types as schemas write them: fields may be named.
fn schema_type() -> impl Strategy<Value = Type> {
    simple_type().prop_recursive(2, 8, 3, |inner| {
        let fields = prop::collection::vec(field_with(inner.clone()), 0..3);
        prop_oneof![
            fields
                .clone()
                .prop_map(|fs| Type::Tuple(Some(schema_of(fs)))),
            (prop::option::of(name()), prop::option::of(fields)).prop_map(|(n, fs)| {
                let tuple = fs.map(schema_of);
                Type::Bag(Box::new(BagType {
                    tuple_name: tuple.as_ref().and(n.map(|n| id(&n))),
                    tuple,
                }))
            }),
            prop::option::of(inner).prop_map(|t| Type::Map(t.map(Box::new))),
        ]
    })
}

fn field_with(ty: impl Strategy<Value = Type> + 'static) -> BoxedStrategy<FieldSchema> {
    (prop::option::of(name()), prop::option::of(ty))
        .prop_filter("a field has a name or a type", |(n, t)| {
            n.is_some() || t.is_some()
        })
        .prop_map(|(n, t)| FieldSchema {
            name: n.map(|n| id(&n)),
            ty: t,
            span: sp(),
        })
        .boxed()
}

fn schema() -> impl Strategy<Value = Schema> {
    prop::collection::vec(field_with(schema_type()), 0..4).prop_map(schema_of)
}

fn field_expr() -> impl Strategy<Value = Expr> {
    prop_oneof![
        name().prop_map(|n| e(ExprKind::Field(id(&n)))),
        (name(), name()).prop_map(|(a, b)| e(ExprKind::Field(id(&format!("{a}::{b}"))))),
        (0u32..100).prop_map(|n| e(ExprKind::Positional(n))),
    ]
}

fn func_name() -> impl Strategy<Value = QualifiedName> {
    prop::collection::vec(name(), 1..3).prop_map(|parts| QualifiedName {
        name: parts.join("."),
        span: sp(),
    })
}

fn expr() -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        literal().prop_map(|l| e(ExprKind::Literal(l))),
        field_expr(),
    ];
    leaf.prop_recursive(4, 48, 4, |inner| {
        let b = |x: Expr| Box::new(x);
        let binary_op = prop_oneof![
            Just(BinaryOp::Or),
            Just(BinaryOp::And),
            Just(BinaryOp::Eq),
            Just(BinaryOp::Ne),
            Just(BinaryOp::Lt),
            Just(BinaryOp::Le),
            Just(BinaryOp::Gt),
            Just(BinaryOp::Ge),
            Just(BinaryOp::Matches),
            Just(BinaryOp::Add),
            Just(BinaryOp::Sub),
            Just(BinaryOp::Mul),
            Just(BinaryOp::Div),
            Just(BinaryOp::Mod),
        ];
        prop_oneof![
            (binary_op, inner.clone(), inner.clone()).prop_map(move |(op, l, r)| e(
                ExprKind::Binary {
                    op,
                    lhs: b(l),
                    rhs: b(r)
                }
            )),
            (
                prop_oneof![Just(UnaryOp::Neg), Just(UnaryOp::Not)],
                inner.clone()
            )
                .prop_map(move |(op, x)| e(ExprKind::Unary { op, operand: b(x) })),
            (inner.clone(), any::<bool>()).prop_map(move |(x, negated)| e(ExprKind::IsNull {
                operand: b(x),
                negated
            })),
            (inner.clone(), prop::collection::vec(inner.clone(), 1..3)).prop_map(
                move |(x, list)| e(ExprKind::In {
                    operand: b(x),
                    list
                })
            ),
            (inner.clone(), inner.clone(), inner.clone()).prop_map(move |(c, t, o)| e(
                ExprKind::Bincond {
                    condition: b(c),
                    then: b(t),
                    otherwise: b(o)
                }
            )),
            (
                prop::option::of(inner.clone()),
                prop::collection::vec((inner.clone(), inner.clone()), 1..3),
                prop::option::of(inner.clone())
            )
                .prop_map(move |(operand, whens, otherwise)| e(ExprKind::Case {
                    operand: operand.map(b),
                    whens,
                    otherwise: otherwise.map(b)
                })),
            (cast_type(), inner.clone())
                .prop_map(move |(ty, x)| e(ExprKind::Cast { ty, operand: b(x) })),
            (func_name(), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(name, args)| e(ExprKind::Call { name, args })),
            (
                field_expr(),
                prop::collection::vec(field_expr(), 1..3),
                any::<bool>()
            )
                .prop_map(move |(base, mut fields, grouped)| {
                    if !grouped {
                        fields.truncate(1);
                    }
                    e(ExprKind::Project {
                        base: b(base),
                        fields,
                        grouped,
                    })
                }),
            (field_expr(), string_value()).prop_map(move |(base, key)| e(ExprKind::MapLookup {
                base: b(base),
                key: StringLit {
                    value: key,
                    span: sp()
                }
            })),
            prop::collection::vec(inner.clone(), 0..4)
                .prop_filter("no one-element tuple", |v| v.len() != 1)
                .prop_map(|v| e(ExprKind::Tuple(v))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| e(ExprKind::Bag(v))),
            prop::collection::vec(
                (
                    prop_oneof![
                        string_value().prop_map(|s| e(ExprKind::Literal(Literal::Chararray(s)))),
                        field_expr()
                    ],
                    inner
                ),
                0..3
            )
            .prop_map(|v| e(ExprKind::Map(v))),
        ]
    })
    .boxed()
}

fn generate_item() -> impl Strategy<Value = GenerateItem> {
    let range = (
        prop::option::of(field_expr()),
        prop::option::of(field_expr()),
    )
        .prop_filter("a range has an end", |(s, t)| s.is_some() || t.is_some())
        .prop_map(|(start, end)| {
            e(ExprKind::Range {
                start: start.map(Box::new),
                end: end.map(Box::new),
            })
        });
    let item_expr = prop_oneof![
        6 => expr(),
        1 => Just(e(ExprKind::Star)),
        1 => range,
    ];
    (item_expr, any::<bool>(), prop::option::of(schema())).prop_map(|(expr, flatten, alias)| {
        GenerateItem {
            expr,
            flatten,
            alias,
            span: sp(),
        }
    })
}

fn generate() -> impl Strategy<Value = Generate> {
    prop::collection::vec(generate_item(), 1..4).prop_map(|items| Generate { items, span: sp() })
}

fn alias() -> impl Strategy<Value = Relation> {
    name().prop_map(|n| Relation::Alias(id(&n)))
}

fn op(kind: OperatorKind) -> Operator {
    Operator { kind, span: sp() }
}

fn string_lit() -> impl Strategy<Value = StringLit> {
    string_value().prop_map(|value| StringLit { value, span: sp() })
}

fn func_spec() -> impl Strategy<Value = FuncSpec> {
    (func_name(), prop::collection::vec(string_lit(), 0..3)).prop_map(|(name, args)| FuncSpec {
        name,
        args,
        span: sp(),
    })
}

fn sort_direction() -> impl Strategy<Value = Option<SortDirection>> {
    prop::option::of(prop_oneof![
        Just(SortDirection::Asc),
        Just(SortDirection::Desc)
    ])
}

fn operator() -> impl Strategy<Value = Operator> {
    let parallel = prop::option::of((1u32..100).prop_map(|value| Parallel { value, span: sp() }));
    let keys = prop::collection::vec(expr(), 1..3);
    prop_oneof![
        (
            string_lit(),
            prop::option::of(func_spec()),
            prop::option::of(schema())
        )
            .prop_map(|(location, using, schema)| op(OperatorKind::Load {
                location,
                using,
                schema
            })),
        (alias(), expr())
            .prop_map(|(input, condition)| op(OperatorKind::Filter { input, condition })),
        (alias(), generate()).prop_map(|(input, g)| op(OperatorKind::Foreach {
            input,
            body: ForeachBody::Generate(g)
        })),
        (
            alias(),
            prop::collection::vec(
                (name(), expr()).prop_map(|(n, x)| NestedStatement {
                    alias: id(&n),
                    op: NestedOp::Filter {
                        input: e(ExprKind::Field(id("bg"))),
                        condition: x
                    },
                    span: sp()
                }),
                0..3
            ),
            generate()
        )
            .prop_map(|(input, statements, generate)| op(OperatorKind::Foreach {
                input,
                body: ForeachBody::Nested {
                    statements,
                    generate
                }
            })),
        (
            any::<bool>(),
            prop::collection::vec((alias(), prop::option::of(keys.clone())), 1..3),
            parallel.clone()
        )
            .prop_map(|(cogroup, inputs, parallel)| op(OperatorKind::Group(Group {
                cogroup,
                inputs: inputs
                    .into_iter()
                    .map(|(relation, k)| GroupInput {
                        relation,
                        key: k.map_or(GroupKey::All(sp()), GroupKey::Exprs),
                        mode: None,
                        span: sp()
                    })
                    .collect(),
                using: None,
                partition: None,
                parallel
            }))),
        (
            prop::collection::vec((alias(), keys), 2..4),
            prop_oneof![
                Just(JoinKind::Inner),
                Just(JoinKind::LeftOuter),
                Just(JoinKind::RightOuter),
                Just(JoinKind::FullOuter)
            ],
            prop::option::of(string_lit()),
            parallel.clone()
        )
            .prop_map(|(inputs, kind, using, parallel)| {
                let kind = if inputs.len() == 2 {
                    kind
                } else {
                    JoinKind::Inner
                };
                op(OperatorKind::Join(Join {
                    inputs: inputs
                        .into_iter()
                        .map(|(relation, keys)| JoinInput {
                            relation,
                            keys,
                            span: sp(),
                        })
                        .collect(),
                    kind,
                    using,
                    partition: None,
                    parallel,
                }))
            }),
        (
            alias(),
            prop::collection::vec((expr(), sort_direction()), 1..3),
            parallel.clone()
        )
            .prop_map(|(input, keys, parallel)| op(OperatorKind::Order {
                input,
                keys: OrderKeys::Keys(
                    keys.into_iter()
                        .map(|(expr, direction)| OrderKey {
                            expr,
                            direction,
                            span: sp()
                        })
                        .collect()
                ),
                using: None,
                parallel
            })),
        (alias(), expr()).prop_map(|(input, count)| op(OperatorKind::Limit { input, count })),
        (
            prop::collection::vec(alias(), 2..4),
            any::<bool>(),
            parallel
        )
            .prop_map(|(inputs, onschema, parallel)| op(OperatorKind::Union {
                inputs,
                onschema,
                parallel
            })),
        (alias(), expr(), prop::option::of(string_lit())).prop_map(
            |(input, condition, message)| op(OperatorKind::Assert {
                input,
                condition,
                message
            })
        ),
    ]
}

fn statement() -> impl Strategy<Value = Statement> {
    let kind = prop_oneof![
        4 => (prop::option::of(name()), operator())
            .prop_map(|(a, operator)| StatementKind::Relation {
                alias: a.map(|a| id(&a)),
                operator
            }),
        1 => (alias(), string_lit(), prop::option::of(func_spec())).prop_map(
            |(relation, location, using)| StatementKind::Store {
                relation,
                location,
                using
            }
        ),
        1 => (
            alias(),
            prop::collection::vec((name(), expr()), 1..3),
            prop::option::of(name())
        )
            .prop_map(|(relation, branches, otherwise)| StatementKind::Split {
                relation,
                branches: branches
                    .into_iter()
                    .map(|(a, condition)| SplitBranch {
                        alias: id(&a),
                        condition,
                        span: sp()
                    })
                    .collect(),
                otherwise: otherwise.map(|o| id(&o))
            }),
        1 => (name(), func_spec()).prop_map(|(a, f)| StatementKind::Define {
            alias: id(&a),
            target: DefineTarget::Function(f)
        }),
    ];
    kind.prop_map(|kind| Statement { kind, span: sp() })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn printed_scripts_parse_back_to_the_same_ast(
        statements in prop::collection::vec(statement(), 1..5)
    ) {
        let script = Script { statements, span: sp() };
        let printed = print_script(&script);
        let (reparsed, diagnostics) = parse_text(&printed);
        prop_assert!(
            !diagnostics.has_errors(),
            "printed script does not parse:\n{}\n{}",
            printed,
            diagnostics.render("printed.pig", &printed)
        );
        prop_assert_eq!(reparsed, script, "printed:\n{}", printed);
    }
}
