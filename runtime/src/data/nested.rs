//! Parsing Pig's text forms of complex values — tuples `(a,b)`, bags `{(a),(b)}`, maps `[k#v,k2#v2]` —
//! as PigStorage reads them (`Utf8StorageConverter.consumeTuple/consumeBag/consumeMap`).
//!
//! Leaves are kept as bytearray (`Value::Bytes`) and cast by use, as Pig does; an empty leaf is null.
//! Tuples and bags nest; map values stay bytearray text, even when they look like a tuple, bag or map (Pig
//! keeps them as `DataByteArray`). Spaces around elements of a bag are skipped. A leaf cannot contain the
//! delimiters `,` `)` `}` `]` of its container, as in Pig. Malformed text gives `None` (a null field).

use super::{Bag, Bytes, PigMap, Tuple, Value};

/// Parses `(f1,f2,…)`.
pub fn parse_tuple(b: &[u8]) -> Option<Tuple> {
    let mut p = Parser { b, pos: 0 };
    let t = p.tuple()?;
    p.end().then_some(t)
}

/// Parses `{(…),(…)}`.
pub fn parse_bag(b: &[u8]) -> Option<Bag<Tuple>> {
    let mut p = Parser { b, pos: 0 };
    let bag = p.bag()?;
    p.end().then_some(bag)
}

/// Parses `[k#v,…]`.
pub fn parse_map(b: &[u8]) -> Option<PigMap> {
    let mut p = Parser { b, pos: 0 };
    let m = p.map()?;
    p.end().then_some(m)
}

/// Parses a field of unknown type: a tuple, bag or map when it is one, else the bytes themselves; an
/// empty field is null.
pub fn parse_field(b: &[u8]) -> Value {
    let parsed = match b.first() {
        None => return Value::Null,
        Some(b'(') => parse_tuple(b).map(Value::Tuple),
        Some(b'{') => parse_bag(b).map(Value::Bag),
        Some(b'[') => parse_map(b).map(Value::Map),
        Some(_) => None,
    };
    parsed.unwrap_or_else(|| Value::Bytes(Bytes(b.to_vec())))
}

struct Parser<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.pos += 1)
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn end(&mut self) -> bool {
        self.skip_spaces();
        self.pos == self.b.len()
    }

    fn tuple(&mut self) -> Option<Tuple> {
        self.eat(b'(')?;
        let mut fields = Vec::new();
        if self.eat(b')').is_some() {
            return Some(Tuple(fields));
        }
        loop {
            fields.push(self.value(b')')?);
            match self.peek()? {
                b',' => self.pos += 1,
                b')' => {
                    self.pos += 1;
                    return Some(Tuple(fields));
                }
                _ => return None,
            }
        }
    }

    fn bag(&mut self) -> Option<Bag<Tuple>> {
        self.eat(b'{')?;
        let mut bag = Bag::new();
        self.skip_spaces();
        if self.eat(b'}').is_some() {
            return Some(bag);
        }
        loop {
            self.skip_spaces();
            bag.push(self.tuple()?);
            self.skip_spaces();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(bag);
                }
                _ => return None,
            }
        }
    }

    fn map(&mut self) -> Option<PigMap> {
        self.eat(b'[')?;
        let mut m = PigMap::new();
        if self.eat(b']').is_some() {
            return Some(m);
        }
        loop {
            let key_start = self.pos;
            while self.peek()? != b'#' {
                self.pos += 1;
            }
            let key = std::str::from_utf8(&self.b[key_start..self.pos])
                .ok()?
                .to_owned();
            if key.is_empty() {
                return None;
            }
            self.pos += 1;
            let raw = self.raw(b']')?;
            let value = if raw.is_empty() {
                Value::Null
            } else {
                Value::Bytes(Bytes(raw.to_vec()))
            };
            m.insert(key, value);
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(m);
                }
                _ => return None,
            }
        }
    }

    /// One element inside a container closed by `close`: a nested tuple or bag, else a raw leaf.
    fn value(&mut self, close: u8) -> Option<Value> {
        match self.peek()? {
            b'(' => self.tuple().map(Value::Tuple),
            b'{' => self.bag().map(Value::Bag),
            b'[' => {
                // A map inside a tuple is parsed, its values stay bytearray.
                self.map().map(Value::Map)
            }
            _ => {
                let raw = self.raw(close)?;
                Some(if raw.is_empty() {
                    Value::Null
                } else {
                    Value::Bytes(Bytes(raw.to_vec()))
                })
            }
        }
    }

    /// Raw bytes up to a `,` or `close` at nesting depth zero (brackets inside are balanced).
    fn raw(&mut self, close: u8) -> Option<&[u8]> {
        let start = self.pos;
        let mut depth = 0usize;
        loop {
            let c = self.peek()?;
            match c {
                b'(' | b'{' | b'[' => depth += 1,
                b')' | b'}' | b']' if depth > 0 => depth -= 1,
                b',' if depth == 0 => break,
                c if c == close && depth == 0 => break,
                b')' | b'}' | b']' => return None,
                _ => {}
            }
            self.pos += 1;
        }
        Some(&self.b[start..self.pos])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::PigText;

    fn bytes(s: &str) -> Value {
        Value::Bytes(Bytes::from(s))
    }

    #[test]
    fn tuples_parse_with_null_and_nesting() {
        let t = parse_tuple(b"(1,,abc,(2,3),{(4)})").unwrap();
        assert_eq!(t.len(), 5);
        assert_eq!(t.0[0], bytes("1"));
        assert_eq!(t.0[1], Value::Null);
        assert_eq!(t.0[3], Value::Tuple(Tuple(vec![bytes("2"), bytes("3")])));
        assert_eq!(t.to_text(), "(1,,abc,(2,3),{(4)})");
        assert_eq!(parse_tuple(b"()").unwrap().len(), 0);
    }

    #[test]
    fn bags_and_maps_parse() {
        let b = parse_bag(b"{(a,1), (b,2)}").unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!(parse_bag(b"{}").unwrap().len(), 0);
        let m = parse_map(b"[name#alice,age#30,tags#(x,y),empty#]").unwrap();
        assert_eq!(m.get("name"), Some(&bytes("alice")));
        assert_eq!(m.get("tags"), Some(&bytes("(x,y)")));
        assert_eq!(m.get("empty"), Some(&Value::Null));
        assert_eq!(parse_map(b"[]").unwrap().len(), 0);
    }

    #[test]
    fn malformed_text_is_none() {
        assert!(parse_tuple(b"(1,2").is_none());
        assert!(parse_tuple(b"(1,2))").is_none());
        assert!(parse_bag(b"{(1),2}").is_none());
        assert!(parse_map(b"[#1]").is_none());
        assert!(parse_map(b"[a]").is_none());
        assert_eq!(parse_field(b"(oops"), bytes("(oops"));
        assert_eq!(parse_field(b""), Value::Null);
    }

    fn nested() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            "[a-z0-9 .]{1,4}".prop_map(|s| Value::Bytes(Bytes::from(s.as_str()))),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| Value::Tuple(Tuple(v))),
                proptest::collection::vec(proptest::collection::vec(inner, 1..3), 0..3)
                    .prop_map(|ts| Value::Bag(ts.into_iter().map(Tuple).collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn text_form_parses_back(fields in proptest::collection::vec(nested(), 1..4)) {
            let t = Tuple(fields);
            let text = t.to_text();
            let parsed = parse_tuple(text.as_bytes());
            proptest::prop_assert_eq!(parsed.as_ref().map(PigText::to_text), Some(text));
        }
    }
}
