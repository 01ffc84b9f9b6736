//! Compiles the crate's Pig scripts into modules in `OUT_DIR` (see `src/main.rs` for their use).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A script with a parameter, through the builder.
    pigc::Config::new()
        .param("MIN_LENGTH", "4")
        .compile_scripts(&["pig/word_counts.pig"])?;
    // A script without options, through the one-call shorthand. It IMPORTs `pig/macros.pig`, so
    // cargo reruns this build script when either file changes.
    pigc::compile_scripts(&["pig/top_words.pig"])?;
    Ok(())
}
