//! `TextLoader()`: each line is one record with a single field, the whole line (Pig's schema
//! `(line:chararray)`; it may also be declared bytearray). Pig cannot STORE with TextLoader; encoding here
//! writes the record's fields tab-separated, which for the one-field record is the line itself.

use super::field::{FieldReader, FieldWriter, TextRecord};
use super::{DecodeError, DecodeWarnings, Format};

/// Pig's `TextLoader` format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextLoader;

impl<T: TextRecord> Format<T> for TextLoader {
    fn decode(&self, payload: &[u8], warnings: &mut DecodeWarnings) -> Result<T, DecodeError> {
        let whole = [(0, payload.len(), false)];
        let mut r = FieldReader::ranges(payload, &whole, warnings);
        T::read(&mut r)
    }

    fn encode(&self, record: &T, out: &mut Vec<u8>) {
        let mut w = FieldWriter::pig_storage(out, b'\t');
        record.write(&mut w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Line(Option<String>);

    impl TextRecord for Line {
        fn read(r: &mut FieldReader<'_, '_>) -> Result<Self, DecodeError> {
            Ok(Line(r.chararray()))
        }
        fn write(&self, w: &mut FieldWriter<'_>) {
            w.field(&self.0);
        }
    }

    #[test]
    fn the_whole_line_is_one_field() {
        let mut warn = DecodeWarnings::default();
        let l: Line = TextLoader.decode(b"a\tb,c (d)", &mut warn).unwrap();
        assert_eq!(l.0.as_deref(), Some("a\tb,c (d)"));
        let l: Line = TextLoader.decode(b"", &mut warn).unwrap();
        assert_eq!(l.0, None);
        let mut out = Vec::new();
        TextLoader.encode(&Line(Some("x y".into())), &mut out);
        assert_eq!(out, b"x y");
    }
}
