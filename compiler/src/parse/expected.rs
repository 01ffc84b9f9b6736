//! Turns pest's "expected rules" into words for syntax errors.

use super::grammar::Rule;

/// Groups of alternatives that read better as one phrase.
const STATEMENT_RULES: &[Rule] = &[
    Rule::relation_stmt,
    Rule::store_stmt,
    Rule::split_stmt,
    Rule::dump_stmt,
    Rule::describe_stmt,
    Rule::explain_stmt,
    Rule::illustrate_stmt,
    Rule::define_stmt,
    Rule::macro_def,
    Rule::macro_call_stmt,
    Rule::import_stmt,
    Rule::register_stmt,
    Rule::set_stmt,
    Rule::shell_stmt,
    Rule::statement_only,
    Rule::alias_eq_probe,
];

/// A phrase for what `rule` would have matched, e.g. "`;`" or "an expression".
pub(crate) fn describe(rule: Rule) -> String {
    let fixed = match rule {
        Rule::SEMI => "`;`",
        Rule::COMMA => "`,`",
        Rule::EQUAL => "`=`",
        Rule::LPAREN => "`(`",
        Rule::RPAREN => "`)`",
        Rule::LBRACE => "`{`",
        Rule::RBRACE => "`}`",
        Rule::LBRACKET => "`[`",
        Rule::RBRACKET => "`]`",
        Rule::COLON => "`:`",
        Rule::QMARK => "`?`",
        Rule::HASH => "`#`",
        Rule::PERIOD => "`.`",
        Rule::DOTDOT => "`..`",
        Rule::STAR | Rule::star_expr | Rule::order_star => "`*`",
        Rule::AT | Rule::previous_relation => "`@`",
        Rule::EOI | Rule::end_of_input => "end of input",
        Rule::alias_name | Rule::macro_outputs => "an alias",
        Rule::relation | Rule::inline_relation => "a relation alias",
        Rule::macro_name => "a macro name",
        Rule::macro_params => "macro parameters",
        Rule::macro_returns => "the returned aliases (or `void`)",
        Rule::macro_body => "macro body statements",
        Rule::macro_arg => "a macro argument",
        Rule::field_name | Rule::field_ref | Rule::range_end => "a field name",
        Rule::schema_field_name => "a field name",
        Rule::qualified_name | Rule::func_spec | Rule::using_func => "a function name",
        Rule::func_call => "a function call",
        Rule::string | Rule::string_inner => "a quoted string",
        Rule::command_text | Rule::command_inner | Rule::define_command => "a command in backticks",
        Rule::number
        | Rule::int_lit
        | Rule::long_lit
        | Rule::float_lit
        | Rule::double_lit
        | Rule::biginteger_lit
        | Rule::bigdecimal_lit
        | Rule::signed_number
        | Rule::plain_int => "a number",
        Rule::parallel_count => "a whole number",
        Rule::positional => "a column position like `$0`",
        Rule::literal | Rule::null_lit | Rule::true_lit | Rule::false_lit => "a literal",
        Rule::expression
        | Rule::postfix_expr
        | Rule::paren_expr
        | Rule::nested_expr
        | Rule::call_arg
        | Rule::nested_input
        | Rule::key_list
        | Rule::order_key
        | Rule::rank_key => "an expression",
        Rule::bag_expr => "a bag",
        Rule::map_expr | Rule::map_entry | Rule::map_key => "a map",
        Rule::case_expr | Rule::case_when => "`CASE`",
        Rule::range_expr => "a range like `a..c`",
        Rule::projection | Rule::projection_list | Rule::projection_item => "a projection",
        Rule::map_lookup => "`#'key'`",
        Rule::op_or
        | Rule::op_and
        | Rule::op_eq
        | Rule::op_ne
        | Rule::op_lt
        | Rule::op_le
        | Rule::op_gt
        | Rule::op_ge
        | Rule::op_matches
        | Rule::op_add
        | Rule::op_sub
        | Rule::op_mul
        | Rule::op_div
        | Rule::op_mod
        | Rule::is_null_op
        | Rule::in_op => "an operator",
        Rule::op_not
        | Rule::op_neg
        | Rule::cast_prefix
        | Rule::range_probe
        | Rule::call_probe
        | Rule::plain_field
        | Rule::literal_probe => "an expression",
        Rule::infix_probe | Rule::postfix_probe => "an operator",
        Rule::schema | Rule::as_schema | Rule::single_field_schema => "a schema",
        Rule::field_schema | Rule::bag_fields => "a schema field",
        Rule::field_type
        | Rule::simple_type
        | Rule::tuple_type
        | Rule::bag_type
        | Rule::bag_tuple
        | Rule::map_type
        | Rule::cast_type
        | Rule::cast_tuple
        | Rule::cast_bag
        | Rule::cast_map => "a type",
        Rule::operator
        | Rule::load_op
        | Rule::filter_op
        | Rule::foreach_op
        | Rule::group_op
        | Rule::join_op
        | Rule::cross_op
        | Rule::distinct_op
        | Rule::order_op
        | Rule::limit_op
        | Rule::sample_op
        | Rule::union_op
        | Rule::rank_op
        | Rule::cube_op
        | Rule::assert_op
        | Rule::stream_op
        | Rule::mapreduce_op => "an operator such as LOAD, FILTER or FOREACH",
        Rule::nested_block => "`{`",
        Rule::generate => "`GENERATE`",
        Rule::generate_item | Rule::flatten_expr => "an expression",
        Rule::nested_statement | Rule::nested_op => "a nested statement",
        Rule::nested_filter
        | Rule::nested_order
        | Rule::nested_limit
        | Rule::nested_distinct
        | Rule::nested_cross
        | Rule::nested_foreach => "a nested operator",
        Rule::group_input | Rule::join_input => "an input relation",
        Rule::group_all => "`ALL`",
        Rule::group_mode => "`INNER`/`OUTER`",
        Rule::group_using => "`USING`",
        Rule::join_outer => "an outer join (`LEFT`/`RIGHT`/`FULL`)",
        Rule::sort_direction => "`ASC`/`DESC`",
        Rule::order_keys => "sort keys",
        Rule::parallel_clause => "`PARALLEL`",
        Rule::partition_clause => "`PARTITION BY`",
        Rule::union_onschema => "`ONSCHEMA`",
        Rule::rank_dense => "`DENSE`",
        Rule::cube_spec => "`CUBE(…)` or `ROLLUP(…)`",
        Rule::split_branch => "a split branch `alias IF condition`",
        Rule::split_otherwise => "`alias OTHERWISE`",
        Rule::command_clause
        | Rule::input_clause
        | Rule::output_clause
        | Rule::ship_clause
        | Rule::cache_clause
        | Rule::stderr_clause => "a command clause",
        Rule::stream_spec
        | Rule::stdin_endpoint
        | Rule::stdout_endpoint
        | Rule::stderr_endpoint => "`stdin`, `stdout` or a file",
        Rule::command_option
        | Rule::option_name
        | Rule::valued_option_name
        | Rule::option_value => "an option",
        Rule::register_path | Rule::bare_path => "a path",
        Rule::set_key => "a property name",
        Rule::set_value | Rule::set_word => "a value",
        Rule::shell_name | Rule::shell_args => "a shell command",
        Rule::not_kw => "`NOT`",
        Rule::reserved => "a keyword",
        r if STATEMENT_RULES.contains(&r) => "a statement",
        r => {
            let name = format!("{r:?}");
            return match name.strip_prefix("kw_") {
                Some(kw) => format!("`{}`", kw.to_ascii_uppercase()),
                None => name.replace('_', " "),
            };
        }
    };
    fixed.to_string()
}

/// Phrases for a set of expected rules, deduplicated, statement alternatives merged.
pub(crate) fn describe_all(rules: &[Rule]) -> Vec<String> {
    let mut phrases: Vec<String> = Vec::new();
    for rule in rules {
        let phrase = describe(*rule);
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }
    if phrases.iter().any(|p| p == "an expression") {
        const STARTS_OF_EXPRESSIONS: &[&str] = &[
            "`(`",
            "`{`",
            "`[`",
            "`NOT`",
            "`CASE`",
            "`*`",
            "a literal",
            "a number",
            "a quoted string",
            "a field name",
            "a function call",
            "a column position like `$0`",
            "a range like `a..c`",
            "a bag",
            "a map",
        ];
        phrases.retain(|p| !STARTS_OF_EXPRESSIONS.contains(&p.as_str()));
    }
    if phrases.iter().any(|p| p == "an operator") {
        const CONTINUATIONS: &[&str] = &[
            "`#`",
            "`(`",
            "`.`",
            "`..`",
            "`?`",
            "`AND`",
            "`OR`",
            "`IN`",
            "`IS`",
            "`MATCHES`",
            "`#'key'`",
            "a projection",
        ];
        phrases.retain(|p| !CONTINUATIONS.contains(&p.as_str()));
    }
    if phrases.iter().any(|p| p == "a statement") {
        phrases.retain(|p| p == "a statement" || p.starts_with('`') || p == "an alias");
    }
    phrases.sort_by_key(|p| (!p.starts_with('`'), p.clone()));
    phrases
}

/// "A", "A or B", "A, B or C".
pub(crate) fn join_alternatives(phrases: &[String]) -> String {
    match phrases {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}
