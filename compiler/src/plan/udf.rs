//! Rust UDFs: `DEFINE name rust('crate::path::to_fn', '(int, chararray) -> long');`
//!
//! The first argument is the Rust path of a function the generated crate calls; the second its Pig
//! signature, which the type checker uses exactly as it uses a builtin's: arguments are cast to the
//! parameter types (bytearray and numeric widening implicitly), the result has the declared type.
//! Types are written as in Pig schemas: `int`, `chararray`, `tuple(a:int, b:chararray)`,
//! `bag{(x:long)}`, `map[double]`, `map[]`. The function receives each argument as `Option<T>`
//! (null-able) and returns `Option<R>`; codegen (#6) owns the exact Rust mapping.
//!
//! Why this form: it is valid Pig Latin (`DEFINE alias func('arg', …)`), so scripts still parse with
//! Pig's grammar, and it states the signature where the function is declared, so a script type-checks
//! without compiling any Rust.

use super::schema::{Field, Schema};
use super::types::Type;

/// The function name that declares a Rust UDF in DEFINE.
pub const RUST_UDF_FUNC: &str = "rust";

/// A declared Rust UDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustUdf {
    /// The alias scripts call it by.
    pub alias: String,
    /// The Rust path of the function (`my_crate::path::to_fn`).
    pub path: String,
    /// Parameter types.
    pub params: Vec<Type>,
    /// Result type.
    pub ret: Type,
}

impl RustUdf {
    /// Builds a UDF from DEFINE's constructor arguments `('path', 'signature')`.
    pub fn from_define(alias: &str, args: &[String]) -> Result<RustUdf, String> {
        let [path, signature] = args else {
            return Err(format!(
                "rust(...) takes the function's Rust path and its signature, e.g. \
                 rust('my_crate::to_upper', '(chararray) -> chararray'); found {} argument(s)",
                args.len()
            ));
        };
        if !is_rust_path(path) {
            return Err(format!(
                "`{path}` is not a Rust path (expected identifiers separated by `::`, e.g. my_crate::udfs::score)"
            ));
        }
        let (params, ret) = parse_signature(signature)?;
        Ok(RustUdf {
            alias: alias.to_string(),
            path: path.clone(),
            params,
            ret,
        })
    }
}

fn is_rust_path(path: &str) -> bool {
    !path.is_empty()
        && path.split("::").all(|seg| {
            let mut chars = seg.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// Parses `(t1, t2, …) -> ret`.
pub fn parse_signature(text: &str) -> Result<(Vec<Type>, Type), String> {
    let mut p = TypeParser { text, pos: 0 };
    p.expect("(")?;
    let mut params = Vec::new();
    if !p.eat(")") {
        loop {
            params.push(p.ty()?);
            if p.eat(")") {
                break;
            }
            p.expect(",")?;
        }
    }
    p.expect("->")?;
    let ret = p.ty()?;
    p.skip_ws();
    if p.pos != text.len() {
        return Err(p.error("end of signature"));
    }
    Ok((params, ret))
}

/// Parses a schema written as text (`a: int, b: chararray`), as JsonLoader's argument.
pub fn parse_schema(text: &str) -> Result<Schema, String> {
    let wrapped = format!("({text})");
    let mut p = TypeParser {
        text: &wrapped,
        pos: 0,
    };
    let schema = p.fields("(", ")")?;
    p.skip_ws();
    if p.pos != wrapped.len() {
        return Err(p.error("end of schema"));
    }
    Ok(schema)
}

struct TypeParser<'a> {
    text: &'a str,
    pos: usize,
}

impl TypeParser<'_> {
    fn skip_ws(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.text[self.pos..].starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(self.error(&format!("`{token}`")))
        }
    }

    fn error(&self, expected: &str) -> String {
        format!(
            "invalid UDF signature `{}`: expected {expected} at column {}",
            self.text,
            self.pos + 1
        )
    }

    fn word(&mut self) -> Option<&str> {
        self.skip_ws();
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some(&rest[..len])
    }

    fn ty(&mut self) -> Result<Type, String> {
        self.skip_ws();
        if self.text[self.pos..].starts_with('(') {
            return Ok(Type::tuple(self.fields("(", ")")?));
        }
        if self.text[self.pos..].starts_with('{') {
            return self.bag_body();
        }
        let start = self.pos;
        let word = self.word().map(str::to_ascii_lowercase);
        Ok(match word.as_deref() {
            Some("int") => Type::Int,
            Some("long") => Type::Long,
            Some("float") => Type::Float,
            Some("double") => Type::Double,
            Some("chararray") => Type::Chararray,
            Some("bytearray") => Type::Bytearray,
            Some("boolean") => Type::Boolean,
            Some("datetime") => Type::Datetime,
            Some("biginteger") => Type::BigInteger,
            Some("bigdecimal") => Type::BigDecimal,
            Some("tuple") => Type::tuple(self.fields("(", ")")?),
            Some("bag") => self.bag_body()?,
            Some("map") => {
                self.expect("[")?;
                if self.eat("]") {
                    Type::Map(None)
                } else {
                    let v = self.ty()?;
                    self.expect("]")?;
                    Type::Map(Some(Box::new(v)))
                }
            }
            _ => {
                self.pos = start;
                return Err(self.error("a type"));
            }
        })
    }

    fn bag_body(&mut self) -> Result<Type, String> {
        self.expect("{")?;
        if self.eat("}") {
            return Ok(Type::bag(Schema::unknown()));
        }
        let save = self.pos;
        if self.word().is_some() && !self.eat(":") {
            self.pos = save;
        }
        self.eat("tuple");
        let schema = self.fields("(", ")")?;
        self.expect("}")?;
        Ok(Type::bag(schema))
    }

    /// `open field, field… close` where a field is `name: type` or `type`.
    fn fields(&mut self, open: &str, close: &str) -> Result<Schema, String> {
        self.expect(open)?;
        let mut fields = Vec::new();
        if self.eat(close) {
            return Ok(Schema::new(fields));
        }
        loop {
            let save = self.pos;
            let name = self.word().map(str::to_string);
            let field = match name {
                Some(n) if self.eat(":") => Field::named(n, self.ty()?),
                _ => {
                    self.pos = save;
                    Field::unnamed(self.ty()?)
                }
            };
            fields.push(field);
            if self.eat(close) {
                return Ok(Schema::new(fields));
            }
            self.expect(",")?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        let (params, ret) = parse_signature("(int, chararray) -> long").unwrap();
        assert_eq!(params, vec![Type::Int, Type::Chararray]);
        assert_eq!(ret, Type::Long);
        let (params, ret) =
            parse_signature("(bag{(x: double)}, map[int]) -> tuple(a: int, b: chararray)").unwrap();
        assert_eq!(params.len(), 2);
        assert_eq!(params[0].to_string(), "{(x: double)}");
        assert_eq!(params[1].to_string(), "map[int]");
        assert_eq!(ret.to_string(), "(a: int,b: chararray)");
        assert_eq!(
            parse_signature("() -> datetime").map(|s| s.1),
            Ok(Type::Datetime)
        );
        assert!(parse_signature("(int) long").is_err());
        assert!(parse_signature("(integer) -> long").is_err());
    }

    #[test]
    fn define_arguments() {
        let ok = RustUdf::from_define("f", &["my::f".into(), "(int) -> int".into()]);
        assert!(ok.is_ok());
        assert!(RustUdf::from_define("f", &["my::f".into()]).is_err());
        assert!(RustUdf::from_define("f", &["not a path".into(), "() -> int".into()]).is_err());
    }
}
