//! Schemas of relations, tuples and bags: named or unnamed fields with types, Pig's `r::f` names after
//! JOIN/COGROUP/CROSS, lookups by name (with ambiguity and "did you mean") and by position, and printing
//! in Pig's DESCRIBE format (`a: {x: int,y: chararray}`).

use super::types::Type;
use std::fmt;

/// One field of a schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The field's name as Pig shows it (`x`, or `a::x` after a JOIN); `None` for unnamed fields.
    pub name: Option<String>,
    /// The field's type.
    pub ty: Type,
    /// False when the planner proves the field is never null (e.g. COUNT results, literals, `group` of
    /// GROUP ALL); generated code may then avoid `Option`.
    pub nullable: bool,
}

impl Field {
    /// A nullable field named `name`.
    pub fn named(name: impl Into<String>, ty: Type) -> Field {
        Field {
            name: Some(name.into()),
            ty,
            nullable: true,
        }
    }

    /// A nullable unnamed field.
    pub fn unnamed(ty: Type) -> Field {
        Field {
            name: None,
            ty,
            nullable: true,
        }
    }

    /// The same field, proven non-null (or not).
    pub fn with_nullable(mut self, nullable: bool) -> Field {
        self.nullable = nullable;
        self
    }

    /// The name with any `r::` qualifiers removed (`a::x` → `x`).
    pub fn base_name(&self) -> Option<&str> {
        self.name
            .as_deref()
            .map(|n| n.rsplit("::").next().unwrap_or(n))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name}: {}", self.ty),
            None => write!(f, "{}", self.ty),
        }
    }
}

/// An ordered list of fields, or an unknown schema (a LOAD without `AS`, a bag whose tuples are untyped).
///
/// Positional access (`$n`) works on both; access by name needs a known schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Schema {
    /// The fields, in order. Empty when the schema is unknown.
    pub fields: Vec<Field>,
    unknown: bool,
}

/// Why a field lookup failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// No field has this name.
    #[error("no field named `{name}`{}", did_you_mean(.suggestion))]
    Unknown {
        /// The name looked up.
        name: String,
        /// The closest field name, if one is close enough.
        suggestion: Option<String>,
        /// Every field name of the schema.
        available: Vec<String>,
    },
    /// Several fields match the name (`x` after a JOIN where both sides have an `x`).
    #[error("field `{name}` is ambiguous: it could be {}", .candidates.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" or "))]
    Ambiguous {
        /// The name looked up.
        name: String,
        /// The full names of the matching fields.
        candidates: Vec<String>,
    },
    /// The schema is unknown, so fields can only be accessed by position.
    #[error("cannot look up field `{name}` by name: the schema is unknown (declare one with AS, or use $n)")]
    UnknownSchema {
        /// The name looked up.
        name: String,
    },
    /// A position beyond the last field.
    #[error("position ${position} is out of range: the schema has {len} field(s)")]
    OutOfRange {
        /// The position asked for.
        position: usize,
        /// The number of fields.
        len: usize,
    },
}

fn did_you_mean(s: &Option<String>) -> String {
    match s {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    }
}

impl Schema {
    /// A known schema with these fields.
    pub fn new(fields: Vec<Field>) -> Schema {
        Schema {
            fields,
            unknown: false,
        }
    }

    /// The unknown schema of an untyped relation or bag.
    pub fn unknown() -> Schema {
        Schema {
            fields: Vec::new(),
            unknown: true,
        }
    }

    /// True when the field list is not known at compile time.
    pub fn is_unknown(&self) -> bool {
        self.unknown
    }

    /// Number of known fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when the schema is known and has no fields.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The position of the field called `name`.
    ///
    /// An exact match wins; otherwise `x` matches a single field named `r::x` (any qualifier). Several
    /// matches are an ambiguity.
    pub fn lookup(&self, name: &str) -> Result<usize, LookupError> {
        if self.unknown {
            return Err(LookupError::UnknownSchema {
                name: name.to_string(),
            });
        }
        let exact: Vec<usize> = self.positions(|n| n == name);
        if exact.len() == 1 {
            return Ok(exact[0]);
        }
        let suffix = format!("::{name}");
        let matches = if exact.is_empty() {
            self.positions(|n| n.ends_with(&suffix))
        } else {
            exact
        };
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => {
                let available = self.names();
                let suggestion =
                    super::builtins::closest(name, available.iter().map(String::as_str));
                Err(LookupError::Unknown {
                    name: name.to_string(),
                    suggestion,
                    available,
                })
            }
            many => Err(LookupError::Ambiguous {
                name: name.to_string(),
                candidates: many
                    .iter()
                    .filter_map(|&i| self.fields[i].name.clone())
                    .collect(),
            }),
        }
    }

    /// The field at `position`; an unknown schema yields an untyped (bytearray) field.
    pub fn field_at(&self, position: usize) -> Result<Field, LookupError> {
        if self.unknown {
            return Ok(Field::unnamed(Type::Bytearray));
        }
        self.fields
            .get(position)
            .cloned()
            .ok_or(LookupError::OutOfRange {
                position,
                len: self.fields.len(),
            })
    }

    /// Every field name, in order (unnamed fields are skipped).
    pub fn names(&self) -> Vec<String> {
        self.fields.iter().filter_map(|f| f.name.clone()).collect()
    }

    /// The same schema with every field name prefixed by `alias::` (JOIN/CROSS output).
    pub fn qualified(&self, alias: &str) -> Schema {
        if self.unknown {
            return self.clone();
        }
        Schema::new(
            self.fields
                .iter()
                .map(|f| Field {
                    name: f.name.as_ref().map(|n| format!("{alias}::{n}")),
                    ..f.clone()
                })
                .collect(),
        )
    }

    /// True when both schemas have the same number of fields with the same types (names ignored).
    pub fn same_types(&self, other: &Schema) -> bool {
        self.unknown == other.unknown
            && self.fields.len() == other.fields.len()
            && self
                .fields
                .iter()
                .zip(&other.fields)
                .all(|(a, b)| a.ty == b.ty)
    }

    /// The comma-separated fields in DESCRIBE format, without braces.
    pub fn fields_display(&self) -> String {
        self.fields
            .iter()
            .map(Field::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The schema of relation `alias` as Pig's DESCRIBE prints it.
    pub fn describe(&self, alias: &str) -> String {
        if self.unknown {
            format!("Schema for {alias} unknown.")
        } else {
            format!("{alias}: {self}")
        }
    }

    fn positions(&self, pred: impl Fn(&str) -> bool) -> Vec<usize> {
        self.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.name.as_deref().is_some_and(&pred))
            .map(|(i, _)| i)
            .collect()
    }
}

impl fmt::Display for Schema {
    /// `{x: int,y: chararray}`, or `{}` when unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{}}}", self.fields_display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined() -> Schema {
        let a = Schema::new(vec![
            Field::named("id", Type::Int),
            Field::named("name", Type::Chararray),
        ]);
        let b = Schema::new(vec![
            Field::named("id", Type::Int),
            Field::named("score", Type::Double),
        ]);
        let mut fields = a.qualified("a").fields;
        fields.extend(b.qualified("b").fields);
        Schema::new(fields)
    }

    #[test]
    fn lookup_disambiguates_qualified_names() {
        let s = joined();
        assert_eq!(s.lookup("a::id"), Ok(0));
        assert_eq!(s.lookup("b::id"), Ok(2));
        assert_eq!(s.lookup("score"), Ok(3));
        assert_eq!(
            s.lookup("id"),
            Err(LookupError::Ambiguous {
                name: "id".into(),
                candidates: vec!["a::id".into(), "b::id".into()]
            })
        );
        let err = s.lookup("scor").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no field named `scor` (did you mean `b::score`?)"
        );
    }

    #[test]
    fn positional_access_on_unknown_schema_is_bytearray() {
        let s = Schema::unknown();
        assert_eq!(s.field_at(7).map(|f| f.ty), Ok(Type::Bytearray));
        assert!(matches!(
            s.lookup("x"),
            Err(LookupError::UnknownSchema { .. })
        ));
        assert_eq!(s.describe("a"), "Schema for a unknown.");
    }

    #[test]
    fn describe_format() {
        let s = Schema::new(vec![
            Field::named("group", Type::Chararray),
            Field::named(
                "a",
                Type::bag(Schema::new(vec![Field::named("x", Type::Int)])),
            ),
            Field::unnamed(Type::Long),
        ]);
        assert_eq!(s.describe("b"), "b: {group: chararray,a: {(x: int)},long}");
        assert!(matches!(
            s.field_at(3),
            Err(LookupError::OutOfRange {
                position: 3,
                len: 3
            })
        ));
    }
}
