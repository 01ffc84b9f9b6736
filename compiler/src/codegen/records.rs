//! Record types of generated code: the Rust type of every Pig value ([`RType`]), one named struct per
//! record schema ([`RecordDef`]), and the items each struct gets: the derives the runtime's `Record`
//! bound needs, serde for JSON, and the text-format impls (`TextRecord`, `PigText`, `FromValue`).

use super::names::{camel, ident, snake, NameSet};
use super::CodegenError;
use crate::plan::{Schema, Type};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use std::collections::HashMap;
use syn::LitStr;

/// Index of a generated struct in [`Records`].
pub type RecordId = usize;

/// The Rust type of a Pig value in generated code (without the `Option` of a nullable value).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RType {
    /// `i32`.
    Int,
    /// `i64`.
    Long,
    /// `rt::data::Float`.
    Float,
    /// `rt::data::Double`.
    Double,
    /// `String`.
    Chararray,
    /// `rt::data::Bytes`.
    Bytearray,
    /// `bool`.
    Boolean,
    /// `rt::data::DateTime`.
    Datetime,
    /// `rt::data::BigInt`.
    BigInteger,
    /// `rt::data::BigDecimal`.
    BigDecimal,
    /// `rt::data::PigMap`.
    Map,
    /// A generated struct.
    Record(RecordId),
    /// An untyped tuple, `rt::data::Tuple`.
    Tuple,
    /// `rt::data::Bag<element>`; the element is a `Record` or an untyped `Tuple`.
    Bag(Box<RType>),
    /// A dynamically typed value (`rt::data::Value`): fields of schema-less relations, map values.
    Value,
}

impl RType {
    /// Whether values are `Copy` (passed by value, never cloned).
    pub fn is_copy(&self) -> bool {
        matches!(
            self,
            RType::Int | RType::Long | RType::Float | RType::Double | RType::Boolean
        )
    }
}

/// One field of a generated struct.
#[derive(Debug, Clone)]
pub struct RField {
    /// The Rust field name.
    pub ident: Ident,
    /// The Pig field name, if any (JSON key).
    pub pig_name: Option<String>,
    /// The value type.
    pub ty: RType,
    /// `Option<ty>` when the value may be null.
    pub optional: bool,
}

/// A generated struct.
#[derive(Debug, Clone)]
pub struct RecordDef {
    /// The struct's name.
    pub ident: Ident,
    /// Its fields, in schema order.
    pub fields: Vec<RField>,
    /// What it is, for its doc comment (`Rows of `by_region` (line 7)`).
    pub doc: String,
    /// For a LOAD's record with pruned columns: per field of the file, the struct field it is read into
    /// (`None`: skipped). `None` when the struct's fields are the file's fields in order.
    pub layout: Option<Vec<Option<usize>>>,
}

/// A field under construction: a Pig name, a Rust type and nullability.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    /// The Pig name (`None` for unnamed fields).
    pub pig_name: Option<String>,
    /// The value type.
    pub ty: RType,
    /// Whether it may be null.
    pub optional: bool,
}

/// The fields of a struct: distinct Rust names, and distinct JSON keys (a repeated Pig name, as after
/// a JOIN of relations with the same field names, keys its later fields by their Rust names).
fn rust_fields(specs: Vec<FieldSpec>) -> Vec<RField> {
    let mut names = NameSet::with_reserved(&[]);
    let mut keys = std::collections::HashSet::new();
    specs
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let word = match &f.pig_name {
                Some(n) => snake(n),
                None => format!("f{i}"),
            };
            let ident = ident(&names.fresh(&word));
            let pig_name = match f.pig_name {
                Some(n) if keys.insert(n.clone()) => Some(n),
                _ => {
                    let key = ident.to_string().trim_start_matches("r#").to_owned();
                    keys.insert(key.clone());
                    Some(key)
                }
            };
            RField {
                ident,
                pig_name,
                ty: f.ty,
                optional: f.optional,
            }
        })
        .collect()
}

/// Names of the standard prelude that generated code uses unqualified: no struct may take them.
const PRELUDE_NAMES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Ord",
    "PartialOrd",
    "Eq",
    "PartialEq",
    "Hash",
    "Debug",
    "Clone",
    "Copy",
    "Default",
    "Send",
    "Sync",
    "Sized",
    "Iterator",
    "IntoIterator",
    "FromIterator",
    "Extend",
    "ToString",
    "ToOwned",
    "From",
    "Into",
    "AsRef",
    "Fn",
    "FnMut",
    "FnOnce",
    "Drop",
];

/// Every struct of a generated module, with interning of structurally equal ones.
#[derive(Debug, Default)]
pub struct Records {
    defs: Vec<RecordDef>,
    names: NameSet,
    interned: HashMap<Vec<(Option<String>, RType, bool)>, RecordId>,
}

impl Records {
    /// An empty set of structs (whose names avoid the prelude's).
    pub fn new() -> Self {
        Records {
            defs: Vec::new(),
            names: NameSet::with_reserved(PRELUDE_NAMES),
            interned: HashMap::new(),
        }
    }

    /// The struct with this id.
    pub fn get(&self, id: RecordId) -> &RecordDef {
        &self.defs[id]
    }

    /// The struct named after `hint` with these fields; an existing struct with exactly the same fields
    /// is reused.
    pub fn record(&mut self, hint: &str, doc: String, fields: Vec<FieldSpec>) -> RecordId {
        let key: Vec<(Option<String>, RType, bool)> = fields
            .iter()
            .map(|f| (f.pig_name.clone(), f.ty.clone(), f.optional))
            .collect();
        if let Some(&id) = self.interned.get(&key) {
            return id;
        }
        let name = self.names.fresh(&camel(hint));
        let fields = rust_fields(fields);
        let id = self.defs.len();
        self.defs.push(RecordDef {
            ident: ident(&name),
            fields,
            doc,
            layout: None,
        });
        self.interned.insert(key, id);
        id
    }

    /// The record a LOAD reads: the fields `materialize` picks from `file_schema` (all of them when
    /// `None`), read from text in file order with the other fields skipped. Never shared with other
    /// relations, since its text reader is specific to the file.
    pub fn source_record(
        &mut self,
        hint: &str,
        file_schema: &Schema,
        materialize: Option<&[usize]>,
    ) -> Result<RecordId, CodegenError> {
        let picked: Vec<usize> = match materialize {
            Some(m) => m.to_vec(),
            None => (0..file_schema.fields.len()).collect(),
        };
        let mut specs = Vec::with_capacity(picked.len());
        for &i in &picked {
            let f = file_schema.fields.get(i).ok_or_else(|| {
                CodegenError::Internal(format!("LOAD materializes field {i} of a shorter schema"))
            })?;
            let field_hint = f
                .base_name()
                .map_or_else(|| format!("{hint}_{i}"), str::to_owned);
            specs.push(FieldSpec {
                pig_name: f.name.clone(),
                ty: self.of_pig(&f.ty, &field_hint)?,
                optional: f.nullable,
            });
        }
        let pruned =
            materialize.is_some_and(|m| !m.iter().copied().eq(0..file_schema.fields.len()));
        let id = self.record(
            hint,
            format!("Rows read by `{hint}`: {file_schema}"),
            Vec::new(),
        );
        // `record` interned an empty struct; replace it by a fresh, never-shared one.
        self.interned.retain(|_, v| *v != id);
        let fields = rust_fields(specs);
        let def = &mut self.defs[id];
        def.fields = fields;
        if pruned {
            let mut layout = vec![None; file_schema.fields.len()];
            for (j, &i) in picked.iter().enumerate() {
                if let Some(slot) = layout.get_mut(i) {
                    *slot = Some(j);
                }
            }
            def.layout = Some(layout);
        }
        Ok(id)
    }

    /// The Rust type of a Pig type; tuple and bag schemas become structs named after `hint`.
    pub fn of_pig(&mut self, ty: &Type, hint: &str) -> Result<RType, CodegenError> {
        Ok(match ty {
            Type::Int => RType::Int,
            Type::Long => RType::Long,
            Type::Float => RType::Float,
            Type::Double => RType::Double,
            Type::Chararray => RType::Chararray,
            Type::Bytearray => RType::Bytearray,
            Type::Boolean => RType::Boolean,
            Type::Datetime => RType::Datetime,
            Type::BigInteger => RType::BigInteger,
            Type::BigDecimal => RType::BigDecimal,
            Type::Map(_) => RType::Map,
            Type::Tuple(s) if s.is_unknown() => RType::Tuple,
            Type::Tuple(s) => RType::Record(self.of_schema(s, hint, true)?),
            Type::Bag(s) if s.is_unknown() => RType::Bag(Box::new(RType::Tuple)),
            Type::Bag(s) => RType::Bag(Box::new(RType::Record(self.of_schema(
                s,
                &format!("{hint}_item"),
                true,
            )?))),
        })
    }

    /// The struct of a Pig schema; fields are optional when the schema says they may be null (always,
    /// when `all_nullable`).
    pub fn of_schema(
        &mut self,
        schema: &Schema,
        hint: &str,
        all_nullable: bool,
    ) -> Result<RecordId, CodegenError> {
        let mut fields = Vec::with_capacity(schema.fields.len());
        for (i, f) in schema.fields.iter().enumerate() {
            let field_hint = f
                .base_name()
                .map_or_else(|| format!("{hint}_{i}"), str::to_owned);
            fields.push(FieldSpec {
                pig_name: f.name.clone(),
                ty: self.of_pig(&f.ty, &field_hint)?,
                optional: all_nullable || f.nullable,
            });
        }
        Ok(self.record(hint, format!("Tuples of `{hint}`: {schema}"), fields))
    }

    /// The Rust type of a value of type `ty`.
    pub fn rust_type(&self, ty: &RType) -> TokenStream {
        match ty {
            RType::Int => quote!(i32),
            RType::Long => quote!(i64),
            RType::Float => quote!(rt::data::Float),
            RType::Double => quote!(rt::data::Double),
            RType::Chararray => quote!(String),
            RType::Bytearray => quote!(rt::data::Bytes),
            RType::Boolean => quote!(bool),
            RType::Datetime => quote!(rt::data::DateTime),
            RType::BigInteger => quote!(rt::data::BigInt),
            RType::BigDecimal => quote!(rt::data::BigDecimal),
            RType::Map => quote!(rt::data::PigMap),
            RType::Record(id) => {
                let name = &self.defs[*id].ident;
                quote!(#name)
            }
            RType::Tuple => quote!(rt::data::Tuple),
            RType::Bag(inner) => {
                let inner = self.rust_type(inner);
                quote!(rt::data::Bag<#inner>)
            }
            RType::Value => quote!(rt::data::Value),
        }
    }

    /// `ty` or `Option<ty>`.
    pub fn field_type(&self, ty: &RType, optional: bool) -> TokenStream {
        let t = self.rust_type(ty);
        if optional {
            quote!(Option<#t>)
        } else {
            t
        }
    }

    /// The struct definitions and their impls, in creation order.
    pub fn items(&self) -> Vec<TokenStream> {
        self.defs.iter().map(|d| self.struct_items(d)).collect()
    }

    fn struct_items(&self, def: &RecordDef) -> TokenStream {
        let name = &def.ident;
        let doc = format!(" {}", super::comment_text(&def.doc));
        let fields = def.fields.iter().map(|f| {
            let id = &f.ident;
            let ty = self.field_type(&f.ty, f.optional);
            let mut serde_args = Vec::new();
            if let Some(pig) = &f.pig_name {
                if *pig != id.to_string().trim_start_matches("r#") {
                    let lit = LitStr::new(pig, proc_macro2::Span::call_site());
                    serde_args.push(quote!(rename = #lit));
                }
            }
            if f.optional {
                serde_args.push(quote!(default));
            }
            if f.ty == RType::Datetime {
                let with = if f.optional {
                    "::pigc_runtime::format::json::opt_datetime"
                } else {
                    "::pigc_runtime::format::json::datetime"
                };
                let lit = LitStr::new(with, proc_macro2::Span::call_site());
                serde_args.push(quote!(with = #lit));
            }
            let serde_attr = if serde_args.is_empty() {
                quote!()
            } else {
                quote!(#[serde(#(#serde_args),*)])
            };
            quote! { #serde_attr pub #id: #ty }
        });
        let read_value = |f: &RField| {
            let read = self.text_read(&f.ty);
            if f.optional {
                read
            } else {
                let msg = LitStr::new(
                    &format!(
                        "field `{}` is null but may not be",
                        f.pig_name.as_deref().unwrap_or("?")
                    ),
                    proc_macro2::Span::call_site(),
                );
                quote!(#read.ok_or_else(|| rt::format::DecodeError::new(#msg))?)
            }
        };
        let read_body = match &def.layout {
            None => {
                let reads = def.fields.iter().map(|f| {
                    let id = &f.ident;
                    let value = read_value(f);
                    quote!(#id: #value)
                });
                quote!(Ok(Self { #(#reads,)* }))
            }
            Some(layout) => {
                // Fields in file order into locals (skipping unread ones), then the struct.
                let steps = layout
                    .iter()
                    .map(|slot| match slot.and_then(|j| def.fields.get(j)) {
                        Some(f) => {
                            let local = format_ident!(
                                "field_{}",
                                f.ident.to_string().trim_start_matches("r#")
                            );
                            let value = read_value(f);
                            quote!(let #local = #value;)
                        }
                        None => quote!(r.skip();),
                    });
                let inits = def.fields.iter().map(|f| {
                    let id = &f.ident;
                    let local = format_ident!("field_{}", id.to_string().trim_start_matches("r#"));
                    quote!(#id: #local)
                });
                quote!(#(#steps)* Ok(Self { #(#inits,)* }))
            }
        };
        let writes = def.fields.iter().map(|f| {
            let id = &f.ident;
            quote!(w.field(&self.#id);)
        });
        let text_parts = def.fields.iter().enumerate().map(|(i, f)| {
            let id = &f.ident;
            let sep = (i > 0).then(|| quote!(out.push(b',');));
            quote!(#sep rt::data::PigText::write_text(&self.#id, out);)
        });
        let from_values = def.fields.iter().enumerate().map(|(i, f)| {
            let id = &f.ident;
            let ty = self.rust_type(&f.ty);
            let i = proc_macro2::Literal::usize_unsuffixed(i);
            let get = quote!(t.get(#i).and_then(<#ty as rt::data::FromValue>::from_value));
            if f.optional {
                quote!(#id: #get)
            } else {
                quote!(#id: #get?)
            }
        });
        let reader = if def.fields.is_empty() && def.layout.is_none() {
            format_ident!("_r")
        } else {
            format_ident!("r")
        };
        let writer = if def.fields.is_empty() {
            format_ident!("_w")
        } else {
            format_ident!("w")
        };
        let tuple = if def.fields.is_empty() {
            quote!(_t)
        } else {
            quote!(t)
        };
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
            pub struct #name { #(#fields,)* }

            impl rt::format::TextRecord for #name {
                fn read(#reader: &mut rt::format::FieldReader<'_, '_>) -> Result<Self, rt::format::DecodeError> {
                    #read_body
                }
                fn write(&self, #writer: &mut rt::format::FieldWriter<'_>) {
                    #(#writes)*
                }
            }

            impl rt::data::PigText for #name {
                fn write_text(&self, out: &mut Vec<u8>) {
                    out.push(b'(');
                    #(#text_parts)*
                    out.push(b')');
                }
            }

            impl rt::data::FromValue for #name {
                fn from_value(v: &rt::data::Value) -> Option<Self> {
                    let #tuple = v.to_tuple()?;
                    Some(Self { #(#from_values,)* })
                }
            }
        }
    }

    /// The `FieldReader` call that reads a field of type `ty` (an `Option`).
    fn text_read(&self, ty: &RType) -> TokenStream {
        match ty {
            RType::Int => quote!(r.int()),
            RType::Long => quote!(r.long()),
            RType::Float => quote!(r.float()),
            RType::Double => quote!(r.double()),
            RType::Chararray => quote!(r.chararray()),
            RType::Bytearray => quote!(r.bytearray()),
            RType::Boolean => quote!(r.boolean()),
            RType::Datetime => quote!(r.datetime()),
            RType::BigInteger => quote!(r.biginteger()),
            RType::BigDecimal => quote!(r.bigdecimal()),
            RType::Map => quote!(r.map()),
            RType::Tuple => quote!(r.tuple()),
            RType::Record(_) | RType::Value => {
                let t = self.rust_type(ty);
                quote!(r.cast::<#t>())
            }
            RType::Bag(inner) => {
                let t = self.rust_type(inner);
                quote!(r.bag::<#t>())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_names_avoid_the_prelude_and_equal_fields_share_a_struct() {
        let mut records = Records::new();
        let field = || FieldSpec {
            pig_name: Some("type".to_owned()),
            ty: RType::Int,
            optional: true,
        };
        let a = records.record("result", String::new(), vec![field()]);
        assert_eq!(records.get(a).ident.to_string(), "Result2");
        assert_eq!(records.get(a).fields[0].ident.to_string(), "r#type");
        assert_eq!(records.record("other", String::new(), vec![field()]), a);
        let b = records.record("option", String::new(), Vec::new());
        assert_eq!(records.get(b).ident.to_string(), "Option2");
    }
}
