//! Fuzzes the front end: any bytes must parse without panicking, diagnostics must render, and
//! every accepted script must pretty-print to text that parses back to the same AST.
//!
//! Later passes plug in at the marked place (they run only on scripts without syntax errors).

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
    // Later passes over `parsed.script` go here.
});
