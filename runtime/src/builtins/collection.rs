//! Pig's bag, tuple and map functions: TOBAG, TOTUPLE, TOMAP, TOP, BagToString, DIFF, SIZE, IsEmpty.
//!
//! With a known schema, generated code builds bags and tuples of its own structs directly (TOTUPLE is a
//! struct literal, TOBAG a `Bag` of them) and uses the generic functions here; the `Value`-based
//! functions serve untyped data.

use std::cmp::Ordering;
use std::collections::HashSet;
use std::hash::Hash;

use crate::data::{Bag, Bytes, PigMap, PigText, Tuple, Value};

/// `TOBAG(a, b, …)` on untyped values: each argument becomes a one-field tuple, except a tuple argument,
/// which is added as it is (Pig's TOBAG). Null arguments are kept (as `(null)` tuples).
pub fn to_bag_values(args: Vec<Value>) -> Bag<Tuple> {
    args.into_iter()
        .map(|v| match v {
            Value::Tuple(t) => t,
            other => Tuple(vec![other]),
        })
        .collect()
}

/// `TOBAG(t1, t2, …)` on typed tuples (generated code wraps scalar arguments in its one-field tuple
/// struct).
pub fn to_bag<T>(tuples: Vec<T>) -> Bag<T> {
    Bag::from_vec(tuples)
}

/// `TOTUPLE(a, b, …)` on untyped values.
pub fn to_tuple(args: Vec<Value>) -> Tuple {
    Tuple(args)
}

/// `TOMAP(k1, v1, k2, v2, …)`: a map of the pairs; a later duplicate key wins. A null key is skipped
/// (Pig would put a null key into its Java `HashMap`, which no Pig expression can look up).
pub fn to_map(pairs: impl IntoIterator<Item = (Option<String>, Value)>) -> PigMap {
    pairs
        .into_iter()
        .filter_map(|(k, v)| k.map(|k| (k, v)))
        .collect()
}

/// `TOMAP(bag)` of `(key, value)` tuples (Pig 0.16+): a tuple whose first field is not a chararray or
/// that has fewer than two fields is skipped.
pub fn to_map_from_bag(bag: &Bag<Tuple>) -> PigMap {
    bag.iter()
        .filter_map(|t| match t.fields() {
            [k, v, ..] => k.to_chararray().map(|k| (k, v.clone())),
            _ => None,
        })
        .collect()
}

/// `TOP(n, column, bag)`: the `n` tuples with the largest `key` (the column's value; nulls sort lowest),
/// largest first; ties keep bag order. `n <= 0` gives an empty bag.
///
/// Pig keeps the top tuples in a `PriorityQueue` and returns them in heap order, so its output order
/// is undefined, and so is which of several tuples tied at the cut survives; with a null in the column
/// Pig's comparator fails the job, and a negative `n` fails it too.
pub fn top<T: Clone, K: Ord>(n: i32, bag: &Bag<T>, key: impl Fn(&T) -> K) -> Bag<T> {
    top_by(n, bag, |a, b| key(a).cmp(&key(b)))
}

/// [`top`] with a comparator of two tuples (by the column) instead of a key.
pub fn top_by<T: Clone>(n: i32, bag: &Bag<T>, compare: impl Fn(&T, &T) -> Ordering) -> Bag<T> {
    let n = usize::try_from(n).unwrap_or(0);
    let tuples = bag.as_slice();
    let mut order: Vec<usize> = (0..tuples.len()).collect();
    // Largest first; a stable sort keeps bag order among ties.
    order.sort_by(|&i, &j| compare(&tuples[j], &tuples[i]));
    order.truncate(n);
    order.into_iter().map(|i| tuples[i].clone()).collect()
}

/// `TOP(n, column, bag)` on untyped tuples: the key is field `column` (null when the tuple is shorter).
pub fn top_values(n: i32, column: i32, bag: &Bag<Tuple>) -> Bag<Tuple> {
    let col = usize::try_from(column).ok();
    top(n, bag, |t| {
        col.and_then(|c| t.get(c)).cloned().unwrap_or(Value::Null)
    })
}

/// BagToString's default delimiter.
pub const BAG_TO_STRING_DELIMITER: &str = "_";

/// `BagToString(bag [, delimiter])`: every field of every tuple, in order, joined by `delimiter` (see
/// [`FieldJoiner`] for Pig's exact rules).
pub fn bag_to_string(bag: &Bag<Tuple>, delimiter: &str) -> String {
    let mut joiner = FieldJoiner::new(delimiter);
    for t in bag {
        for f in t.fields() {
            joiner.push_value(f);
        }
    }
    joiner.finish()
}

/// Builds `BagToString`'s result field by field (generated code pushes the fields of its typed tuples).
///
/// As Pig's `BagToString`: a field is written with `toString` (nested values in Pig's text form), a
/// null field as `null` (Java's `StringBuilder.append(null)`), and the delimiter goes before a field
/// only when the text so far is not empty — so leading empty strings add no delimiter
/// (`{(''),('a')}` gives `a`, not `_a`).
#[derive(Debug)]
pub struct FieldJoiner<'d> {
    out: Vec<u8>,
    delimiter: &'d str,
}

impl<'d> FieldJoiner<'d> {
    /// An empty result joining by `delimiter`.
    pub fn new(delimiter: &'d str) -> Self {
        FieldJoiner {
            out: Vec::new(),
            delimiter,
        }
    }

    /// Appends a field (`None`: null).
    pub fn push<V: PigText + ?Sized>(&mut self, field: Option<&V>) {
        if !self.out.is_empty() {
            self.out.extend_from_slice(self.delimiter.as_bytes());
        }
        match field {
            Some(v) => v.write_text(&mut self.out),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// Appends an untyped field.
    pub fn push_value(&mut self, field: &Value) {
        self.push((!field.is_null()).then_some(field));
    }

    /// The joined text.
    pub fn finish(self) -> String {
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// `BagToTuple(bag)`: one tuple holding every field of every tuple of the bag, in order (Pig's
/// BagToTuple); an empty bag gives an empty tuple.
pub fn bag_to_tuple(bag: &Bag<Tuple>) -> Tuple {
    bag.iter()
        .flat_map(|t| t.fields().iter().cloned())
        .collect()
}

/// `BagToTuple` over the fields of typed tuples, listed by generated code in order.
pub fn bag_to_tuple_fields(fields: impl IntoIterator<Item = Value>) -> Tuple {
    fields.into_iter().collect()
}

/// `DIFF(bag1, bag2)`: the distinct tuples of `bag1` that are not in `bag2`, then the distinct tuples of
/// `bag2` not in `bag1`. Pig 0.17 builds a `HashSet` of each bag, so duplicates appear once and the
/// order is undefined; here each part keeps first-occurrence order.
pub fn diff<T: Eq + Hash + Clone>(bag1: &Bag<T>, bag2: &Bag<T>) -> Bag<T> {
    let set1: HashSet<&T> = bag1.iter().collect();
    let set2: HashSet<&T> = bag2.iter().collect();
    let mut seen: HashSet<&T> = HashSet::new();
    let only1 = bag1.iter().filter(|t| !set2.contains(t));
    let only2 = bag2.iter().filter(|t| !set1.contains(t));
    only1
        .chain(only2)
        .filter(|t| seen.insert(t))
        .cloned()
        .collect()
}

/// `DIFF(a, b)` on two non-bag values: `{(a),(b)}` when they differ, else an empty bag.
pub fn diff_values(a: Value, b: Value) -> Bag<Tuple> {
    if a == b {
        Bag::new()
    } else {
        Bag::from_vec(vec![Tuple(vec![a]), Tuple(vec![b])])
    }
}

/// `SIZE(bag)`: number of tuples.
pub fn size_bag<T>(bag: &Bag<T>) -> i64 {
    bag.len() as i64
}

/// `SIZE(map)`: number of entries.
pub fn size_map(map: &PigMap) -> i64 {
    map.len() as i64
}

/// `SIZE(tuple)` of an untyped tuple: number of fields (for a generated tuple struct it is a constant).
pub fn size_tuple(tuple: &Tuple) -> i64 {
    tuple.len() as i64
}

/// `SIZE(bytearray)`: number of bytes.
pub fn size_bytearray(b: &Bytes) -> i64 {
    b.len() as i64
}

/// `SIZE(x)` of a number or boolean: 1, as Pig.
pub const SIZE_OF_SCALAR: i64 = 1;

/// `SIZE(x)` of a number, boolean or datetime: [`SIZE_OF_SCALAR`].
pub fn size_scalar<T>(_value: T) -> i64 {
    SIZE_OF_SCALAR
}

/// `SIZE(v)` of an untyped value: length of a chararray (characters) or bytearray (bytes), size of a bag,
/// map or tuple, 1 for other scalars, null for null.
pub fn size_value(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Null => return None,
        Value::Chararray(s) => super::string::size_chararray(s),
        Value::Bytes(b) => size_bytearray(b),
        Value::Bag(b) => size_bag(b),
        Value::Map(m) => size_map(m),
        Value::Tuple(t) => size_tuple(t),
        _ => SIZE_OF_SCALAR,
    })
}

/// `IsEmpty(bag)`.
pub fn is_empty_bag<T>(bag: &Bag<T>) -> bool {
    bag.is_empty()
}

/// `IsEmpty(map)`.
pub fn is_empty_map(map: &PigMap) -> bool {
    map.is_empty()
}

/// `IsEmpty(b)` of a bytearray: emptiness of the bag or map it holds in text form, null otherwise.
pub fn is_empty_bytearray(b: &Bytes) -> Option<bool> {
    is_empty_value(&Value::Bytes(b.clone()))
}

/// `IsEmpty(v)` of an untyped value: emptiness of a bag or map, or of the bag or map a bytearray holds
/// in text form; null for null or any other value (Pig fails the job on those).
pub fn is_empty_value(v: &Value) -> Option<bool> {
    match v {
        Value::Bag(b) => Some(b.is_empty()),
        Value::Map(m) => Some(m.is_empty()),
        Value::Bytes(_) | Value::Chararray(_) => v
            .to_bag()
            .map(|b| b.is_empty())
            .or_else(|| v.to_map().map(|m| m.is_empty())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(vals: &[i32]) -> Tuple {
        Tuple(vals.iter().map(|v| Value::Int(*v)).collect())
    }

    #[test]
    fn tobag_totuple_tomap() {
        let b = to_bag_values(vec![Value::Int(1), Value::Null, Value::Tuple(t(&[2, 3]))]);
        assert_eq!(b.to_text(), "{(1),(),(2,3)}");
        assert_eq!(
            to_tuple(vec![Value::Int(1), Value::from("a")]).to_text(),
            "(1,a)"
        );
        let m = to_map(vec![
            (Some("a".to_owned()), Value::Int(1)),
            (None, Value::Int(2)),
            (Some("a".to_owned()), Value::Int(3)),
        ]);
        assert_eq!(m.to_text(), "[a#3]");
        let pairs: Bag<Tuple> = [Tuple(vec![Value::from("k"), Value::Int(9)]), t(&[1])]
            .into_iter()
            .collect();
        assert_eq!(to_map_from_bag(&pairs).to_text(), "[k#9]");
    }

    #[test]
    fn top_keeps_the_largest() {
        let bag: Bag<Tuple> = [t(&[1, 5]), t(&[2, 9]), t(&[3, 7]), t(&[4, 9])]
            .into_iter()
            .collect();
        assert_eq!(top_values(2, 1, &bag).to_text(), "{(2,9),(4,9)}");
        assert_eq!(top_values(10, 1, &bag).len(), 4);
        assert_eq!(top_values(0, 1, &bag).len(), 0);
        assert_eq!(top_values(-1, 1, &bag).len(), 0);
        let with_null: Bag<Tuple> = [Tuple(vec![Value::Null]), t(&[0])].into_iter().collect();
        assert_eq!(top_values(1, 0, &with_null).to_text(), "{(0)}");
        // Largest first, ties in bag order.
        let ints = Bag::from_vec(vec![3, 1, 4, 1, 5, 9, 2, 6]);
        assert_eq!(top_by(3, &ints, |a, b| a.cmp(b)).into_vec(), vec![9, 6, 5]);
        let pairs = Bag::from_vec(vec![(1, 'a'), (2, 'b'), (2, 'c'), (0, 'd')]);
        assert_eq!(top(2, &pairs, |p| p.0).into_vec(), vec![(2, 'b'), (2, 'c')]);
    }

    #[test]
    fn bag_to_string_writes_null_as_null() {
        let bag: Bag<Tuple> = [
            Tuple(vec![Value::from("a"), Value::Null]),
            Tuple(vec![Value::from("c")]),
        ]
        .into_iter()
        .collect();
        assert_eq!(bag_to_string(&bag, BAG_TO_STRING_DELIMITER), "a_null_c");
        assert_eq!(bag_to_string(&bag, "+"), "a+null+c");
        assert_eq!(bag_to_string(&Bag::new(), "_"), "");
        // The delimiter only follows non-empty text: a leading empty string adds none.
        let empties: Bag<Tuple> = [
            Tuple(vec![Value::from(""), Value::from("")]),
            Tuple(vec![Value::from("a"), Value::from("")]),
            Tuple(vec![
                Value::Tuple(t(&[1, 2])),
                Value::Double(crate::data::Double(2.5)),
            ]),
        ]
        .into_iter()
        .collect();
        assert_eq!(bag_to_string(&empties, "-"), "a--(1,2)-2.5");
        let mut j = FieldJoiner::new(", ");
        j.push(Some("x"));
        j.push(None::<&i32>);
        j.push(Some(&7i64));
        assert_eq!(j.finish(), "x, null, 7");
    }

    #[test]
    fn bag_to_tuple_flattens_in_order() {
        let bag: Bag<Tuple> = [t(&[1, 2]), t(&[3])].into_iter().collect();
        assert_eq!(bag_to_tuple(&bag).to_text(), "(1,2,3)");
        assert_eq!(bag_to_tuple(&Bag::new()).to_text(), "()");
        assert_eq!(
            bag_to_tuple_fields([Value::Int(1), Value::Null]).to_text(),
            "(1,)"
        );
    }

    #[test]
    fn diff_is_both_ways() {
        let a: Bag<Tuple> = [t(&[1]), t(&[2]), t(&[2])].into_iter().collect();
        let b: Bag<Tuple> = [t(&[2]), t(&[3])].into_iter().collect();
        assert_eq!(diff(&a, &b).to_text(), "{(1),(3)}");
        // Pig's DIFF works on sets: duplicates appear once.
        let dups: Bag<Tuple> = [t(&[1]), t(&[1]), t(&[2])].into_iter().collect();
        let other: Bag<Tuple> = [t(&[3]), t(&[3])].into_iter().collect();
        assert_eq!(diff(&dups, &other).to_text(), "{(1),(2),(3)}");
        assert_eq!(diff(&dups, &dups).len(), 0);
        assert_eq!(diff(&Bag::new(), &other).to_text(), "{(3)}");
        assert_eq!(diff_values(Value::Int(1), Value::Int(1)).len(), 0);
        assert_eq!(
            diff_values(Value::Int(1), Value::Int(2)).to_text(),
            "{(1),(2)}"
        );
    }

    #[test]
    fn size_and_is_empty() {
        assert_eq!(size_value(&Value::from("héllo")), Some(5));
        assert_eq!(
            size_value(&Value::Double(crate::data::Double(1.5))),
            Some(1)
        );
        assert_eq!(size_value(&Value::Null), None);
        assert_eq!(size_value(&Value::Tuple(t(&[1, 2, 3]))), Some(3));
        assert!(is_empty_bag(&Bag::<Tuple>::new()));
        assert!(is_empty_map(&PigMap::new()));
        assert_eq!(is_empty_value(&Value::Bytes(Bytes::from("{}"))), Some(true));
        assert_eq!(
            is_empty_value(&Value::Bytes(Bytes::from("[a#1]"))),
            Some(false)
        );
        assert_eq!(is_empty_value(&Value::Int(1)), None);
        assert_eq!(is_empty_bytearray(&Bytes::from("{(a)}")), Some(false));
        assert_eq!(is_empty_bytearray(&Bytes::from("x")), None);
        assert_eq!(size_scalar(&crate::data::Double(2.0)), 1);
    }
}
