//! Planning never panics: random scripts built from Pig Latin fragments (valid and invalid names,
//! types, functions, operators) are parsed and, when they parse, planned. The test fails on a panic;
//! errors are the expected outcome for most inputs.

use pigc::parse::{parse_script, Params};
use pigc::plan::build_plan;
use proptest::prelude::*;

const ALIASES: &[&str] = &["a", "b", "c", "g", "j", "undefined_rel"];
const FIELDS: &[&str] = &[
    "x", "y", "z", "$0", "$3", "a::x", "group", "a", "nope", "m#'k'", "t.x", "*",
];
const TYPES: &[&str] = &[
    "int",
    "long",
    "double",
    "chararray",
    "bytearray",
    "boolean",
    "map[]",
    "tuple(int)",
    "bag{tuple(int)}",
];
const FUNCS: &[&str] = &[
    "COUNT", "SUM", "AVG", "MAX", "UPPER", "CONCAT", "SIZE", "TOKENIZE", "TOBAG", "ToDate", "NOPE",
    "f", "org.x.Y",
];

fn pick(list: &'static [&'static str]) -> prop::sample::Select<&'static str> {
    prop::sample::select(list)
}

fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        pick(FIELDS).prop_map(str::to_string),
        Just("1".to_string()),
        Just("2.5".to_string()),
        Just("'s'".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            (
                inner.clone(),
                pick(&["+", "-", "*", "/", "%", "==", "<", "AND", "OR", "MATCHES"]),
                inner.clone()
            )
                .prop_map(|(l, op, r)| format!("({l} {op} {r})")),
            (pick(TYPES), inner.clone()).prop_map(|(t, e)| format!("({t}){e}")),
            (pick(FUNCS), prop::collection::vec(inner.clone(), 0..3))
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(c, t, e)| format!("({c} ? {t} : {e})")),
            inner.clone().prop_map(|e| format!("{e} IS NULL")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("CASE WHEN {a} THEN {b} END")),
        ]
    })
}

fn statement() -> impl Strategy<Value = String> {
    let alias = pick(ALIASES);
    prop_oneof![
        (
            alias.clone(),
            prop::collection::vec((pick(&["x", "y", "z", "t", "m"]), pick(TYPES)), 0..4)
        )
            .prop_map(|(a, fs)| {
                if fs.is_empty() {
                    format!("{a} = LOAD 'in';")
                } else {
                    let s: Vec<String> = fs.iter().map(|(n, t)| format!("{n}: {t}")).collect();
                    format!("{a} = LOAD 'in' AS ({});", s.join(", "))
                }
            }),
        (alias.clone(), alias.clone(), expr())
            .prop_map(|(a, b, e)| format!("{a} = FILTER {b} BY {e};")),
        (
            alias.clone(),
            alias.clone(),
            prop::collection::vec(expr(), 1..4),
            any::<bool>()
        )
            .prop_map(|(a, b, es, fl)| {
                let items: Vec<String> = es
                    .iter()
                    .map(|e| {
                        if fl {
                            format!("FLATTEN({e})")
                        } else {
                            e.clone()
                        }
                    })
                    .collect();
                format!("{a} = FOREACH {b} GENERATE {};", items.join(", "))
            }),
        (alias.clone(), alias.clone(), expr())
            .prop_map(|(a, b, e)| format!("{a} = GROUP {b} BY {e};")),
        (alias.clone(), alias.clone()).prop_map(|(a, b)| format!("{a} = GROUP {b} ALL;")),
        (alias.clone(), alias.clone(), alias.clone(), pick(FIELDS))
            .prop_map(|(a, b, c, f)| format!("{a} = JOIN {b} BY {f}, {c} BY {f};")),
        (alias.clone(), alias.clone(), alias.clone())
            .prop_map(|(a, b, c)| format!("{a} = UNION {b}, {c};")),
        (alias.clone(), alias.clone(), alias.clone())
            .prop_map(|(a, b, c)| format!("{a} = CROSS {b}, {c};")),
        (alias.clone(), alias.clone()).prop_map(|(a, b)| format!("{a} = DISTINCT {b};")),
        (alias.clone(), alias.clone(), pick(FIELDS))
            .prop_map(|(a, b, f)| format!("{a} = ORDER {b} BY {f} DESC;")),
        (alias.clone(), alias.clone()).prop_map(|(a, b)| format!("{a} = LIMIT {b} 3;")),
        (alias.clone(), alias.clone(), pick(FIELDS))
            .prop_map(|(a, b, f)| format!("{a} = RANK {b} BY {f};")),
        (alias.clone(), expr())
            .prop_map(|(b, e)| format!("SPLIT {b} INTO s1 IF {e}, s2 OTHERWISE;")),
        (alias.clone(), alias.clone(), expr()).prop_map(|(a, b, e)| format!(
            "{a} = FOREACH {b} {{ i = FILTER a BY {e}; GENERATE COUNT(i); }};"
        )),
        alias.clone().prop_map(|a| format!("STORE {a} INTO 'out';")),
        alias.clone().prop_map(|a| format!("DESCRIBE {a};")),
        Just("DEFINE f rust('m::f', '(int) -> long');".to_string()),
        Just("SET pigc.event_time 'a.x';".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn planning_never_panics(statements in prop::collection::vec(statement(), 1..10)) {
        let script = statements.join("\n");
        let parsed = parse_script(&script, "random.pig", &Params::default());
        if !parsed.has_errors() {
            let _ = build_plan(&parsed.script, "random.pig");
        }
    }
}
