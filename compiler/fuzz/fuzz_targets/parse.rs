//! Fuzzes the front end: any bytes must parse without panicking, diagnostics must render, and
//! every accepted script must pretty-print to text that parses back to the same AST.
//!
//! Later passes run only on scripts without syntax errors: logical planning (#3) follows the round
//! trip.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pigc::parse::{parse_script, parse_text, print_script, Params};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut params = Params::new();
    params.set("input", "in/data");
    let parsed = parse_script(&text, "fuzz.pig", &params);
    let _ = parsed.render_diagnostics();
    if parsed.has_errors() {
        return;
    }
    let printed = print_script(&parsed.script);
    let (reparsed, diagnostics) = parse_text(&printed);
    assert!(
        !diagnostics.has_errors(),
        "printed script does not parse:\n{printed}\n{}",
        diagnostics.render("printed.pig", &printed)
    );
    assert_eq!(reparsed, parsed.script, "round trip changed the AST:\n{printed}");
    // Logical planning (#3) must not panic either; errors are the expected outcome for most inputs.
    // The plan and its diagnostics are rendered so that Display code runs too.
    match pigc::plan::build_plan(&parsed.script, "fuzz.pig") {
        Ok(planned) => {
            let _ = planned.plan.to_string();
            let _ = planned.plan.to_dot();
        }
        Err(diagnostics) => {
            let _ = diagnostics.render("fuzz.pig", &parsed.source);
        }
    }
});
