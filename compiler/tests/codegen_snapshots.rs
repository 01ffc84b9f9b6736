//! Snapshot tests of generated code: every `fixtures/e2e/*/script.pig` and every plannable
//! `fixtures/plan/*.pig` is compiled; the snapshot holds the generated pipeline module, or the
//! diagnostic for a construct code generation does not support yet. Review changes with
//! `cargo insta review`.

use pigc::codegen::{compile_source, CodegenOptions};
use pigc::parse::Params;
use std::path::{Path, PathBuf};

fn render(path: &Path, script_name: &str) -> String {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let opts = CodegenOptions {
        script_name: script_name.to_owned(),
        ..CodegenOptions::default()
    };
    match compile_source(&source, &path.to_string_lossy(), &Params::default(), &opts) {
        Ok(compiled) => compiled.module.source,
        Err(e) => format!(
            "== not compiled\n{}",
            e.diagnostics.render(script_name, &e.text)
        ),
    }
}

fn sorted(paths: impl Iterator<Item = PathBuf>) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = paths.collect();
    v.sort();
    v
}

#[test]
fn e2e_fixture_modules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/e2e");
    let scripts = sorted(
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path().join("script.pig")))
            .filter(|p| p.is_file()),
    );
    assert!(!scripts.is_empty(), "no fixtures in {}", dir.display());
    for script in scripts {
        let name = script
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = render(&script, &format!("{name}/script.pig"));
        insta::assert_snapshot!(format!("e2e_{name}"), text);
    }
}

#[test]
fn plan_fixture_modules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/plan");
    let scripts = sorted(
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "pig"))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("error_"))
            }),
    );
    for script in scripts {
        let name = script
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = render(&script, &format!("{name}.pig"));
        insta::assert_snapshot!(format!("plan_{name}"), text);
    }
}

/// Names and literals that are hostile to a code generator (Rust keywords, quotes, backslashes, comment
/// and raw-string terminators, non-ASCII) compile to a module that parses as Rust and holds every
/// literal exactly once as a string literal, never as code.
#[test]
fn hostile_names_and_literals_stay_data() {
    let script = r##"
self = LOAD 'in "put*/.txt' USING PigStorage(',') AS (type:chararray, fn:int, match:chararray, Self:long);
crate = FILTER self BY type == 'a"b\\c*/"#d' OR match MATCHES '.*\\d+"#.*' OR type == 'é✓';
super = FOREACH crate GENERATE type AS impl, fn + 1 AS async, CONCAT(match, '*/ }); panic!("x"); /*') AS loop;
STORE super INTO 'out/*"#' USING PigStorage('|');
result = DISTINCT super;
STORE result INTO 'out2';
"##;
    let opts = CodegenOptions {
        script_name: "hostile */ \"#.pig".to_owned(),
        ..CodegenOptions::default()
    };
    let compiled = match compile_source(script, "hostile.pig", &Params::default(), &opts) {
        Ok(c) => c,
        Err(e) => panic!("{}", e.diagnostics.render("hostile.pig", &e.text)),
    };
    let source = &compiled.module.source;
    let file: syn::File = syn::parse_str(source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    assert!(!file.items.is_empty());
    assert!(
        !source.contains("panic!(\"x\")"),
        "a literal became code:\n{source}"
    );
    insta::assert_snapshot!("hostile", source);
}
