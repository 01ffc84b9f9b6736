//! Files as sources and sinks: reading a LOAD's path (a file, or a directory of part files) line by line,
//! and writing a STORE's directory (`part-00000` and `_SUCCESS`, as Pig and Hadoop do).

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

/// A file-system problem, with the path it concerns.
#[derive(Debug, Error)]
pub enum FileError {
    /// An input path does not exist.
    #[error("input `{0}` does not exist")]
    MissingInput(PathBuf),
    /// An output directory holds files that a STORE did not write; they are not overwritten.
    #[error("output directory `{dir}` already holds `{file}`, which pigc did not write; remove it or choose another output")]
    ForeignOutput {
        /// The output directory.
        dir: PathBuf,
        /// The first foreign file found.
        file: String,
    },
    /// Any other I/O error.
    #[error("{action} `{path}`: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

pub(crate) fn io_error(
    action: &'static str,
    path: &Path,
) -> impl FnOnce(std::io::Error) -> FileError {
    let path = path.to_path_buf();
    move |source| FileError::Io {
        action,
        path,
        source,
    }
}

/// Hidden files by Hadoop's convention: names starting with `_` or `.` (`_SUCCESS`, `_deadletter`).
fn is_hidden(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

/// The files a LOAD path stands for: the file itself, or the visible files of a directory sorted by
/// name (Pig reads a directory of part files as one input).
pub fn input_files(path: &Path) -> Result<Vec<PathBuf>, FileError> {
    let meta = fs::metadata(path).map_err(|_| FileError::MissingInput(path.to_path_buf()))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(path).map_err(io_error("cannot list", path))? {
        let entry = entry.map_err(io_error("cannot list", path))?;
        let name = entry.file_name();
        let visible = name.to_str().is_some_and(|n| !is_hidden(n));
        if visible && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Calls `line(offset, bytes)` for every line of `data`, without its `\n` or `\r\n` terminator; a last
/// line without a terminator counts, an empty tail after the last terminator does not.
pub fn for_each_line<'d>(data: &'d [u8], mut line: impl FnMut(u64, &'d [u8])) {
    let mut start = 0;
    while start < data.len() {
        let end = memchr_newline(&data[start..]).map_or(data.len(), |i| start + i);
        let mut l = &data[start..end];
        if let Some(stripped) = l.strip_suffix(b"\r") {
            l = stripped;
        }
        line(start as u64, l);
        start = end + 1;
    }
}

#[inline]
fn memchr_newline(haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == b'\n')
}

/// Prepares a STORE directory: creates it, or clears what an earlier run wrote (`part-*`, `_SUCCESS`,
/// `_deadletter`); refuses a directory holding anything else.
pub fn prepare_output_dir(dir: &Path) -> Result<(), FileError> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(FileError::ForeignOutput {
                dir: dir.to_path_buf(),
                file: String::new(),
            });
        }
        let mut ours = Vec::new();
        for entry in fs::read_dir(dir).map_err(io_error("cannot list", dir))? {
            let entry = entry.map_err(io_error("cannot list", dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("part-")
                || name == "_SUCCESS"
                || name == super::deadletter::DIR_NAME
                || name.starts_with(".part-")
            {
                ours.push(entry.path());
            } else {
                return Err(FileError::ForeignOutput {
                    dir: dir.to_path_buf(),
                    file: name,
                });
            }
        }
        for path in ours {
            let removed = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed.map_err(io_error("cannot remove", &path))?;
        }
    }
    fs::create_dir_all(dir).map_err(io_error("cannot create", dir))
}

/// Writes one part file of a STORE directory, one row per line.
pub struct PartWriter {
    path: PathBuf,
    out: BufWriter<fs::File>,
    rows: u64,
}

impl PartWriter {
    /// Creates `dir/part-NNNNN`.
    pub fn create(dir: &Path, part: u32) -> Result<Self, FileError> {
        let path = dir.join(format!("part-{part:05}"));
        let file = fs::File::create(&path).map_err(io_error("cannot create", &path))?;
        Ok(Self {
            path,
            out: BufWriter::with_capacity(1 << 16, file),
            rows: 0,
        })
    }

    /// Writes one encoded row and its line terminator.
    pub fn write_row(&mut self, row: &[u8]) -> std::io::Result<()> {
        self.rows += 1;
        self.out.write_all(row)?;
        self.out.write_all(b"\n")
    }

    /// Rows written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Flushes the part file.
    pub fn finish(mut self) -> Result<u64, FileError> {
        self.out
            .flush()
            .map_err(io_error("cannot write", &self.path))?;
        Ok(self.rows)
    }

    /// The part file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Marks a STORE directory complete with an empty `_SUCCESS` file.
pub fn mark_success(dir: &Path) -> Result<(), FileError> {
    let path = dir.join("_SUCCESS");
    fs::File::create(&path).map_err(io_error("cannot create", &path))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_strip_terminators_and_keep_an_unterminated_tail() {
        let mut lines = Vec::new();
        for_each_line(b"a\tb\r\n\nlast", |off, l| lines.push((off, l.to_vec())));
        assert_eq!(
            lines,
            vec![
                (0, b"a\tb".to_vec()),
                (5, b"".to_vec()),
                (6, b"last".to_vec())
            ]
        );
        let mut n = 0;
        for_each_line(b"x\n", |_, _| n += 1);
        assert_eq!(n, 1);
    }

    #[test]
    fn input_dirs_skip_hidden_files_and_output_dirs_refuse_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("part-00001"), "b").unwrap();
        fs::write(dir.path().join("part-00000"), "a").unwrap();
        fs::write(dir.path().join("_SUCCESS"), "").unwrap();
        let files = input_files(dir.path()).unwrap();
        assert_eq!(files.len(), 2);
        assert!(files[0].ends_with("part-00000"));
        assert!(matches!(
            input_files(&dir.path().join("nope")),
            Err(FileError::MissingInput(_))
        ));

        prepare_output_dir(dir.path()).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        assert!(matches!(
            prepare_output_dir(dir.path()),
            Err(FileError::ForeignOutput { .. })
        ));
    }
}
