//! The batch executor: reads every LOAD's file(s), runs the circuit as one step over all of it, and writes
//! every STORE's directory. Malformed records go to the dead letters; the job goes on.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::dataflow::{Dataflow, DataflowError};
use crate::io::deadletter::{DeadLetter, DeadLetterWriter};
use crate::io::files::{
    for_each_line, input_files, io_error, mark_success, prepare_output_dir, FileError, PartWriter,
};
use crate::io::source::Origin;

/// Where a batch run reads and writes.
#[derive(Debug, Clone, Default)]
pub struct BatchConfig {
    /// `--input LOCATION=PATH` bindings; a LOAD without one reads the path named by its location.
    pub inputs: HashMap<String, PathBuf>,
    /// `--output LOCATION=PATH` bindings; a STORE without one writes the path named by its location.
    pub outputs: HashMap<String, PathBuf>,
    /// Where dead letters go (default: the first STORE's directory, or the current directory).
    pub dead_letter_dir: Option<PathBuf>,
}

/// What a batch run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Records read per LOAD location (decoded successfully).
    pub records_in: BTreeMap<String, u64>,
    /// Rows written per STORE location.
    pub rows_out: BTreeMap<String, u64>,
    /// Malformed records sent to the dead letters.
    pub dead_letters: u64,
    /// The dead-letter file, when there were any.
    pub dead_letter_file: Option<PathBuf>,
    /// Fields that did not convert to their declared type and were read as null (Pig's warning count).
    pub bad_fields: u64,
}

/// Why a batch run failed.
#[derive(Debug, Error)]
pub enum BatchError {
    /// The dataflow is not valid.
    #[error(transparent)]
    Dataflow(#[from] DataflowError),
    /// A binding names a location the script does not LOAD or STORE.
    #[error("--{flag} {location}=…: the script has no {what} `{location}` (it has: {known})")]
    UnknownLocation {
        /// `input` or `output`.
        flag: &'static str,
        /// `LOAD` or `STORE`.
        what: &'static str,
        /// The location given.
        location: String,
        /// The script's locations.
        known: String,
    },
    /// A file could not be read or written.
    #[error(transparent)]
    File(#[from] FileError),
    /// An operator stopped the job (a violated ASSERT); no STORE was written.
    #[error("{0}")]
    Failed(String),
}

fn check_bindings(
    bindings: &HashMap<String, PathBuf>,
    known: &[String],
    flag: &'static str,
    what: &'static str,
) -> Result<(), BatchError> {
    let mut given: Vec<_> = bindings.keys().collect();
    given.sort();
    for location in given {
        if !known.contains(location) {
            return Err(BatchError::UnknownLocation {
                flag,
                what,
                location: location.clone(),
                known: if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                },
            });
        }
    }
    Ok(())
}

/// Runs `df` over files: every source read to the end, one step, every sink written.
pub fn run_batch(df: &mut Dataflow, config: &BatchConfig) -> Result<BatchReport, BatchError> {
    df.validate()?;
    let sources = df.source_locations();
    let sinks: Vec<String> = df
        .sinks_mut()
        .iter()
        .map(|s| s.location().to_owned())
        .collect();
    check_bindings(&config.inputs, &sources, "input", "LOAD")?;
    check_bindings(&config.outputs, &sinks, "output", "STORE")?;
    let bind = |bindings: &HashMap<String, PathBuf>, location: &str| {
        bindings
            .get(location)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(location))
    };
    let output_dirs: Vec<PathBuf> = sinks.iter().map(|l| bind(&config.outputs, l)).collect();
    for dir in &output_dirs {
        prepare_output_dir(dir)?;
    }
    let dead_letter_base = config
        .dead_letter_dir
        .clone()
        .or_else(|| output_dirs.first().cloned())
        .unwrap_or_else(|| PathBuf::from("."));
    let mut dead_letters = DeadLetterWriter::new(&dead_letter_base);

    let mut report = BatchReport::default();
    for (index, location) in sources.iter().enumerate() {
        let path = bind(&config.inputs, location);
        let read = read_source(df, index, location, &path, &mut dead_letters)?;
        report.records_in.insert(location.clone(), read);
        report.bad_fields += df.source_warnings(index).bad_fields;
    }
    df.step();
    if let Some(reason) = df.failure() {
        return Err(BatchError::Failed(reason));
    }

    for (sink, dir) in df.sinks_mut().iter_mut().zip(&output_dirs) {
        let mut part = PartWriter::create(dir, 0)?;
        let part_path = part.path().to_path_buf();
        sink.drain_rows(&mut |row| part.write_row(row))
            .map_err(io_error("cannot write", &part_path))?;
        let rows = part.finish()?;
        mark_success(dir)?;
        report.rows_out.insert(sink.location().to_owned(), rows);
    }
    report.dead_letters = dead_letters.finish()?;
    if report.dead_letters > 0 {
        report.dead_letter_file = Some(dead_letters.path());
    }
    Ok(report)
}

/// Lines decoded per batch: large enough to split over two threads, small enough to bound the memory
/// of the line index.
const LINES_PER_BATCH: usize = 1 << 18;

/// Pushes every line of the files behind `path` into source `index`; returns the records decoded.
fn read_source(
    df: &mut Dataflow,
    index: usize,
    location: &str,
    path: &Path,
    dead_letters: &mut DeadLetterWriter,
) -> Result<u64, BatchError> {
    let mut read = 0;
    for (partition, file) in input_files(path)?.iter().enumerate() {
        let data = std::fs::read(file).map_err(io_error("cannot read", file))?;
        let mut offsets = Vec::new();
        let mut lines: Vec<&[u8]> = Vec::new();
        let mut batches = Vec::new();
        for_each_line(&data, |offset, line| {
            offsets.push(offset);
            lines.push(line);
            if lines.len() == LINES_PER_BATCH {
                batches.push((std::mem::take(&mut offsets), std::mem::take(&mut lines)));
            }
        });
        batches.push((offsets, lines));
        for (offsets, lines) in batches {
            let errors = df.push_raw_batch(index, &lines).map_err(|e| {
                // `index` comes from the dataflow's own source list, so this is unreachable in
                // practice; report it rather than panic.
                BatchError::File(FileError::Io {
                    action: "cannot decode",
                    path: file.clone(),
                    source: std::io::Error::other(e.to_string()),
                })
            })?;
            read += (lines.len() - errors.len()) as u64;
            for (i, e) in errors {
                let origin = Origin {
                    source: index as u32,
                    partition: partition as u32,
                    offset: offsets[i],
                };
                let mut letter = DeadLetter::new(location, origin, &e.reason, lines[i]);
                letter.file = Some(file);
                dead_letters.write(&letter)?;
            }
        }
    }
    Ok(read)
}
