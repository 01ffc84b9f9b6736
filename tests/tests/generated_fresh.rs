//! `generated/` holds, for every fixture, exactly the crate pigc generates now. Fails when it is stale;
//! `UPDATE_GENERATED=1 cargo test -p pigc-e2e --test generated_fresh` regenerates it.

use pigc_e2e::fixtures;
use pigc_e2e::generated::{self, REGENERATE};

#[test]
fn generated_crates_are_fresh() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some_and(|v| v == "1");
    let fixtures = fixtures();
    let mut problems = Vec::new();
    for fixture in &fixtures {
        let files = match generated::expected_files(fixture) {
            Ok(files) => files,
            Err(e) => {
                problems.push(format!("{}: pigc cannot compile it:\n{e}", fixture.name));
                continue;
            }
        };
        if update {
            generated::rewrite(fixture, &files)
                .unwrap_or_else(|e| panic!("cannot rewrite generated/{}: {e}", fixture.name));
        } else {
            problems.extend(generated::differences(fixture, &files));
        }
    }
    for orphan in generated::orphans(&fixtures) {
        if update {
            std::fs::remove_dir_all(&orphan)
                .unwrap_or_else(|e| panic!("cannot remove {}: {e}", orphan.display()));
        } else {
            problems.push(format!("{} has no fixture any more", orphan.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "generated/ is stale:\n  {}\nregenerate it with `{REGENERATE}` and review the diff",
        problems.join("\n  ")
    );
}
