//! Cargo's compiler errors for a generated crate, each traced back to the script line it came from.
//!
//! Generated code names the Pig line of each part in a comment (`// script.pig:12`); an error in a
//! generated file is traced to the nearest such comment above it.

use std::path::Path;

/// Every compiler error in cargo's `--message-format=json` output, rendered as rustc renders it and
/// followed by the script line it was generated from (when found). Empty when there are none.
pub fn explain(messages: &str, crate_dir: &Path, script: &Path) -> String {
    let script_lines: Vec<String> = std::fs::read_to_string(script)
        .map(|text| text.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let mut out = String::new();
    for message in messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-message")
        .map(|m| m["message"].clone())
        .filter(|m| m["level"] == "error")
    {
        if let Some(rendered) = message["rendered"].as_str() {
            out.push_str(rendered);
        }
        let origin =
            primary_span(&message).and_then(|(file, line)| pig_line(&crate_dir.join(file), line));
        if let Some(pig) = origin {
            let text = script_lines
                .get(pig.line.saturating_sub(1))
                .map(|t| t.trim())
                .unwrap_or("");
            out.push_str(&format!(
                "  = generated from {}:{}: {text}\n\n",
                pig.file, pig.line
            ));
        }
    }
    out
}

/// The file and 1-based line of a diagnostic's primary span.
fn primary_span(message: &serde_json::Value) -> Option<(String, usize)> {
    let span = message["spans"]
        .as_array()?
        .iter()
        .find(|s| s["is_primary"] == true)?;
    let file = span["file_name"].as_str()?.to_owned();
    let line = usize::try_from(span["line_start"].as_u64()?).ok()?;
    Some((file, line))
}

/// A script position named by a `// file.pig:LINE` comment.
#[derive(Debug, PartialEq, Eq)]
struct PigLine {
    file: String,
    line: usize,
}

/// The script line named by the nearest `.pig:LINE` comment at or above `line` of `generated`.
fn pig_line(generated: &Path, line: usize) -> Option<PigLine> {
    let text = std::fs::read_to_string(generated).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let last = line.min(lines.len());
    lines[..last].iter().rev().find_map(|l| parse_comment(l))
}

/// `… // path/script.pig:12 …` → `path/script.pig`, 12.
fn parse_comment(line: &str) -> Option<PigLine> {
    let comment = &line[line.find("//")? + 2..];
    let at = comment.rfind(".pig:")?;
    let digits: String = comment[at + 5..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let file_start = comment[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '`')
        .map_or(0, |i| i + 1);
    Some(PigLine {
        file: format!("{}.pig", &comment[file_start..at]),
        line: digits.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_name_script_lines() {
        assert_eq!(
            parse_comment("    // metrics.pig:12: b = FILTER a BY x > 1;"),
            Some(PigLine {
                file: "metrics.pig".into(),
                line: 12
            })
        );
        assert_eq!(
            parse_comment("let x = 1; // from pig/m.pig:3"),
            Some(PigLine {
                file: "pig/m.pig".into(),
                line: 3
            })
        );
        assert_eq!(parse_comment("let s = \"a.pig:3\";"), None);
    }

    #[test]
    fn errors_are_traced_to_the_nearest_comment_above() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("src")).expect("src");
        std::fs::write(
            dir.path().join("src/pipeline.rs"),
            "// s.pig:1\nfn a() {}\n// s.pig:2\nfn b() { oops }\n",
        )
        .expect("write");
        let script = dir.path().join("s.pig");
        std::fs::write(&script, "a = LOAD 'x';\nb = FILTER a BY oops;\n").expect("write");
        let message = serde_json::json!({
            "reason": "compiler-message",
            "message": {
                "level": "error",
                "rendered": "error[E0425]: cannot find value `oops`\n",
                "spans": [{"is_primary": true, "file_name": "src/pipeline.rs", "line_start": 4}]
            }
        });
        let shown = explain(&message.to_string(), dir.path(), &script);
        assert!(shown.contains("cannot find value"), "{shown}");
        assert!(
            shown.contains("generated from s.pig:2: b = FILTER a BY oops;"),
            "{shown}"
        );
    }
}
