//! Dead letters: malformed records never crash a job; each is counted and written, with the reason, to
//! `<dir>/_deadletter/part-00000` as one JSON object per line:
//!
//! ```json
//! {"source":"events.txt","partition":0,"offset":1234,"file":"in/events.txt","reason":"expected 3 fields, found 2","payload":"a\tb"}
//! ```
//!
//! `<dir>` is, in batch mode, the first STORE's output directory (or `--dead-letters DIR`); a streaming
//! executor uses its state directory or a dead-letter topic. The `_` prefix hides the folder from readers
//! of the output (Hadoop's convention), as it does for `_SUCCESS`. `payload` is the raw record, decoded
//! as UTF-8 with invalid bytes replaced.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::files::{io_error, FileError};
use super::source::Origin;

/// Name of the dead-letter folder inside an output or state directory.
pub const DIR_NAME: &str = "_deadletter";

/// One malformed record.
#[derive(Debug, Clone, Serialize)]
pub struct DeadLetter<'a> {
    /// The LOAD location it was read for.
    pub source: &'a str,
    /// Partition (file index or Kafka partition).
    pub partition: u32,
    /// Byte offset in the file, or Kafka offset.
    pub offset: u64,
    /// The file it came from, for file inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a Path>,
    /// Why it was rejected.
    pub reason: &'a str,
    /// The raw record (lossy UTF-8).
    pub payload: String,
}

impl<'a> DeadLetter<'a> {
    /// A dead letter for `payload`, rejected for `reason`.
    pub fn new(source: &'a str, origin: Origin, reason: &'a str, payload: &[u8]) -> Self {
        Self {
            source,
            partition: origin.partition,
            offset: origin.offset,
            file: None,
            reason,
            payload: String::from_utf8_lossy(payload).into_owned(),
        }
    }
}

/// Writes dead letters, creating the file on the first one.
pub struct DeadLetterWriter {
    dir: PathBuf,
    out: Option<BufWriter<fs::File>>,
    count: u64,
}

impl DeadLetterWriter {
    /// A writer into `<base>/_deadletter/`.
    pub fn new(base: &Path) -> Self {
        Self {
            dir: base.join(DIR_NAME),
            out: None,
            count: 0,
        }
    }

    /// The file dead letters go to.
    pub fn path(&self) -> PathBuf {
        self.dir.join("part-00000")
    }

    /// Records one dead letter.
    pub fn write(&mut self, letter: &DeadLetter<'_>) -> Result<(), FileError> {
        let path = self.path();
        if self.out.is_none() {
            fs::create_dir_all(&self.dir).map_err(io_error("cannot create", &self.dir))?;
            let file = fs::File::create(&path).map_err(io_error("cannot create", &path))?;
            self.out = Some(BufWriter::new(file));
        }
        if let Some(out) = &mut self.out {
            serde_json::to_writer(&mut *out, letter)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(io_error("cannot write", &path))?;
        }
        self.count += 1;
        Ok(())
    }

    /// Dead letters written so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Flushes the file, if any.
    pub fn finish(&mut self) -> Result<u64, FileError> {
        if let Some(out) = &mut self.out {
            out.flush()
                .map_err(io_error("cannot write", &self.path()))?;
        }
        Ok(self.count)
    }
}
