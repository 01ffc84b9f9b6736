//! The builtin catalogue: Pig's eval functions with their signatures (scalar functions, and aggregates
//! over a bag), the load/store functions pigc supports, and "did you mean" suggestions for unknown names.
//!
//! Names are case-sensitive as in Pig; `org.apache.pig.builtin.NAME` is accepted for every builtin.
//! CSV support follows piggybank: `CSVExcelStorage` (load and store, options `(delimiter,
//! multiline, eol, header)`) and `CSVLoader` (load only), also under their full names
//! `org.apache.pig.piggybank.storage.CSVExcelStorage` / `…CSVLoader`.

use super::schema::{Field, Schema};
use super::types::{can_coerce, Type};
use std::fmt;

macro_rules! builtins {
    ($($variant:ident => $name:literal,)*) => {
        /// A builtin eval function.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum Builtin { $($variant,)* }

        impl Builtin {
            /// Every builtin, in catalogue order.
            pub const ALL: &'static [Builtin] = &[$(Builtin::$variant,)*];

            /// The name scripts call it by.
            pub fn name(self) -> &'static str {
                match self { $(Builtin::$variant => $name,)* }
            }
        }
    };
}

builtins! {
    Count => "COUNT",
    CountStar => "COUNT_STAR",
    Sum => "SUM",
    Avg => "AVG",
    Min => "MIN",
    Max => "MAX",
    Size => "SIZE",
    IsEmpty => "IsEmpty",
    Diff => "DIFF",
    ToBag => "TOBAG",
    ToTuple => "TOTUPLE",
    ToMap => "TOMAP",
    Top => "TOP",
    BagToString => "BagToString",
    BagToTuple => "BagToTuple",
    Concat => "CONCAT",
    Upper => "UPPER",
    Lower => "LOWER",
    UcFirst => "UCFIRST",
    LcFirst => "LCFIRST",
    Substring => "SUBSTRING",
    IndexOf => "INDEXOF",
    LastIndexOf => "LAST_INDEX_OF",
    Replace => "REPLACE",
    Trim => "TRIM",
    LTrim => "LTRIM",
    RTrim => "RTRIM",
    StrSplit => "STRSPLIT",
    StrSplitToBag => "STRSPLITTOBAG",
    Tokenize => "TOKENIZE",
    RegexExtract => "REGEX_EXTRACT",
    RegexExtractAll => "REGEX_EXTRACT_ALL",
    StartsWith => "STARTSWITH",
    EndsWith => "ENDSWITH",
    EqualsIgnoreCase => "EqualsIgnoreCase",
    Abs => "ABS",
    Ceil => "CEIL",
    Floor => "FLOOR",
    Round => "ROUND",
    RoundTo => "ROUND_TO",
    Sqrt => "SQRT",
    Cbrt => "CBRT",
    Exp => "EXP",
    Log => "LOG",
    Log10 => "LOG10",
    Random => "RANDOM",
    ToDate => "ToDate",
    ToString => "ToString",
    ToUnixTime => "ToUnixTime",
    ToMilliSeconds => "ToMilliSeconds",
    CurrentTime => "CurrentTime",
    GetYear => "GetYear",
    GetMonth => "GetMonth",
    GetDay => "GetDay",
    GetWeek => "GetWeek",
    GetWeekYear => "GetWeekYear",
    GetHour => "GetHour",
    GetMinute => "GetMinute",
    GetSecond => "GetSecond",
    GetMilliSecond => "GetMilliSecond",
    YearsBetween => "YearsBetween",
    MonthsBetween => "MonthsBetween",
    WeeksBetween => "WeeksBetween",
    DaysBetween => "DaysBetween",
    HoursBetween => "HoursBetween",
    MinutesBetween => "MinutesBetween",
    SecondsBetween => "SecondsBetween",
    MilliSecondsBetween => "MilliSecondsBetween",
    AddDuration => "AddDuration",
    SubtractDuration => "SubtractDuration",
}

/// The Java package Pig's builtins live in; `org.apache.pig.builtin.COUNT` names `COUNT`.
const BUILTIN_PACKAGE: &str = "org.apache.pig.builtin.";

/// How a function consumes its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FuncKind {
    /// Computes a value from one row's values.
    Scalar,
    /// Folds the tuples of a bag (its first argument) into one value: COUNT, SUM, AVG, …
    /// Physical planning turns these into accumulators when the bag is a GROUP's bag.
    Aggregate,
}

/// A call's resolved signature: the types the arguments are cast to and the result type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// One type per argument; the builder casts each argument to it.
    pub params: Vec<Type>,
    /// The result type.
    pub ret: Type,
    /// Whether the result can be null (for non-null arguments).
    pub nullable: bool,
}

/// Why a call does not match any signature of a function.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// Wrong number of arguments.
    #[error("{name} takes {expected} argument(s) but {found} were given")]
    Arity {
        /// The function's name.
        name: String,
        /// What it accepts, in words (`1`, `2 or 3`, `at least 2`).
        expected: String,
        /// How many were given.
        found: usize,
    },
    /// An argument of the wrong type.
    #[error("{name} expects {expected} as argument {position}, found {found}")]
    ArgType {
        /// The function's name.
        name: String,
        /// 1-based argument position.
        position: usize,
        /// What it accepts, in words.
        expected: String,
        /// The argument's type.
        found: Type,
    },
    /// An aggregate applied to something that is not a bag.
    #[error("{name} is an aggregate over a bag, but its argument is {found}; GROUP the relation first and pass the bag (e.g. {name}(grouped.field))")]
    NotABag {
        /// The function's name.
        name: String,
        /// The argument's type.
        found: Type,
    },
}

impl Builtin {
    /// The builtin called `name` (also `org.apache.pig.builtin.NAME`), case-sensitively.
    pub fn lookup(name: &str) -> Option<Builtin> {
        let name = name.strip_prefix(BUILTIN_PACKAGE).unwrap_or(name);
        Builtin::ALL.iter().copied().find(|b| b.name() == name)
    }

    /// Scalar or aggregate.
    pub fn kind(self) -> FuncKind {
        use Builtin::*;
        match self {
            Count | CountStar | Sum | Avg | Min | Max => FuncKind::Aggregate,
            _ => FuncKind::Scalar,
        }
    }

    /// Whether two calls with the same arguments may give different results (RANDOM, CurrentTime):
    /// the optimizer must not fold or duplicate them.
    pub fn is_nondeterministic(self) -> bool {
        matches!(self, Builtin::Random | Builtin::CurrentTime)
    }

    /// The position of the argument that is a (Java-style) regular expression, if any.
    pub fn regex_argument(self) -> Option<usize> {
        match self {
            Builtin::RegexExtract
            | Builtin::RegexExtractAll
            | Builtin::Replace
            | Builtin::StrSplit
            | Builtin::StrSplitToBag => Some(1),
            _ => None,
        }
    }

    /// Resolves a call with arguments `args` (their types and names): the types to cast them to and the
    /// result type, or why the call is wrong.
    pub fn resolve(self, args: &[Field]) -> Result<Signature, CallError> {
        use Builtin::*;
        use Type::*;
        let types: Vec<Type> = args.iter().map(|a| a.ty.clone()).collect();
        let call = Call {
            name: self.name(),
            args: &types,
        };
        match self {
            Count | CountStar => {
                let bag = call.aggregate_column()?;
                Ok(call.fixed(vec![bag.0], Long).non_null())
            }
            Sum => {
                let (bag, column) = call.aggregate_column()?;
                let ret = match column {
                    Int | Long => Long,
                    Float | Double | Bytearray => Double,
                    BigInteger => BigInteger,
                    BigDecimal => BigDecimal,
                    other => {
                        return Err(call.arg_type(1, "a bag of numbers", Type::bag(single(other))))
                    }
                };
                Ok(call.fixed(vec![bag], ret))
            }
            Avg => {
                let (bag, column) = call.aggregate_column()?;
                let ret = match column {
                    Int | Long | Float | Double | Bytearray => Double,
                    BigInteger | BigDecimal => BigDecimal,
                    other => {
                        return Err(call.arg_type(1, "a bag of numbers", Type::bag(single(other))))
                    }
                };
                Ok(call.fixed(vec![bag], ret))
            }
            Min | Max => {
                let (bag, column) = call.aggregate_column()?;
                let ret = match column {
                    Bytearray => Double,
                    t if t.is_numeric() => t,
                    Chararray | Datetime | Boolean => column,
                    other => {
                        return Err(call.arg_type(
                            1,
                            "a bag of numbers, chararrays or datetimes",
                            Type::bag(single(other)),
                        ))
                    }
                };
                Ok(call.fixed(vec![bag], ret))
            }
            Size => {
                call.arity(1, 1)?;
                Ok(call.fixed(types.clone(), Long))
            }
            IsEmpty => {
                call.arity(1, 1)?;
                match &types[0] {
                    Bag(_) | Map(_) | Bytearray => Ok(call.fixed(types.clone(), Boolean)),
                    other => Err(call.arg_type(1, "a bag or a map", other.clone())),
                }
            }
            Diff => {
                call.arity(2, 2)?;
                let bag = call.bag_at(0)?;
                call.bag_at(1)?;
                Ok(call.fixed(types.clone(), bag))
            }
            ToBag => Ok(call.fixed(types.clone(), to_bag_type(args)).non_null()),
            ToTuple => Ok(call
                .fixed(types.clone(), Type::tuple(Schema::new(args.to_vec())))
                .non_null()),
            ToMap => {
                if types.len() % 2 != 0 {
                    return Err(call.arity_error("an even number of"));
                }
                let mut params = Vec::with_capacity(types.len());
                let mut values: Option<Type> = None;
                let mut mixed = false;
                for (i, t) in types.iter().enumerate() {
                    if i % 2 == 0 {
                        params.push(call.coerce(i, t, &Chararray, "a chararray key")?);
                    } else {
                        match &values {
                            None => values = Some(t.clone()),
                            Some(v) if v != t => mixed = true,
                            Some(_) => {}
                        }
                        params.push(t.clone());
                    }
                }
                let value = if mixed { None } else { values.map(Box::new) };
                Ok(call.fixed(params, Map(value)).non_null())
            }
            Top => {
                call.arity(3, 3)?;
                let n = call.coerce(0, &types[0], &Int, "int")?;
                let col = call.coerce(1, &types[1], &Int, "int")?;
                let bag = call.bag_at(2)?;
                Ok(call.fixed(vec![n, col, bag.clone()], bag))
            }
            BagToString => {
                call.arity(1, 2)?;
                let mut params = vec![call.bag_at(0)?];
                if types.len() == 2 {
                    params.push(call.coerce(1, &types[1], &Chararray, "a chararray delimiter")?);
                }
                Ok(call.fixed(params, Chararray))
            }
            BagToTuple => {
                call.arity(1, 1)?;
                let bag = call.bag_at(0)?;
                Ok(call.fixed(vec![bag], Type::tuple(Schema::unknown())))
            }
            Concat => {
                if types.len() < 2 {
                    return Err(call.arity_error("at least 2"));
                }
                let all_bytes = types.iter().all(|t| *t == Bytearray);
                let target = if all_bytes { Bytearray } else { Chararray };
                let params = types
                    .iter()
                    .enumerate()
                    .map(|(i, t)| call.coerce(i, t, &target, "chararray"))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(call.fixed(params, target))
            }
            Upper | Lower | UcFirst | LcFirst | Trim | LTrim | RTrim => {
                call.params(&[Chararray], 1, Chararray)
            }
            Substring => call.params(&[Chararray, Int, Int], 3, Chararray),
            IndexOf => call.params(&[Chararray, Chararray, Int], 2, Int),
            LastIndexOf => call.params(&[Chararray, Chararray], 2, Int),
            Replace => call.params(&[Chararray, Chararray, Chararray], 3, Chararray),
            StrSplit => call.params(
                &[Chararray, Chararray, Int],
                1,
                Type::tuple(Schema::unknown()),
            ),
            StrSplitToBag => call.params(
                &[Chararray, Chararray, Int],
                1,
                Type::bag(single(Chararray)),
            ),
            Tokenize => call.params(
                &[Chararray, Chararray],
                1,
                Type::bag(Schema::new(vec![Field::named("token", Chararray)])),
            ),
            RegexExtract => call.params(&[Chararray, Chararray, Int], 3, Chararray),
            RegexExtractAll => {
                call.params(&[Chararray, Chararray], 2, Type::tuple(Schema::unknown()))
            }
            StartsWith | EndsWith | EqualsIgnoreCase => {
                call.params(&[Chararray, Chararray], 2, Boolean)
            }
            Abs => {
                call.arity(1, 1)?;
                let t = numeric_or_double(&call, 0)?;
                Ok(call.fixed(vec![t.clone()], t))
            }
            Ceil | Floor => {
                call.arity(1, 1)?;
                let t = numeric_or_double(&call, 0)?;
                let t = if matches!(t, Int | Long) { Double } else { t };
                Ok(call.fixed(vec![t.clone()], t))
            }
            Round => {
                call.arity(1, 1)?;
                let t = numeric_or_double(&call, 0)?;
                let (param, ret) = match t {
                    Float => (Float, Int),
                    Int | Long | Double => (Double, Long),
                    big => (big.clone(), big),
                };
                Ok(call.fixed(vec![param], ret))
            }
            RoundTo => {
                call.arity(2, 3)?;
                let t = numeric_or_double(&call, 0)?;
                let t = if t == Float { Float } else { Double };
                let mut params = vec![t.clone()];
                for (i, ty) in types.iter().enumerate().skip(1) {
                    params.push(call.coerce(i, ty, &Int, "int")?);
                }
                Ok(call.fixed(params, t))
            }
            Sqrt | Cbrt | Exp | Log | Log10 => call.params(&[Double], 1, Double),
            Random => call.params(&[], 0, Double).map(Signature::non_null),
            ToDate => {
                call.arity(1, 3)?;
                if types.len() == 1 && types[0].is_numeric() {
                    return Ok(call.fixed(vec![Long], Datetime));
                }
                call.params(&[Chararray, Chararray, Chararray], 1, Datetime)
            }
            ToString => call.params(&[Datetime, Chararray], 1, Chararray),
            ToUnixTime | ToMilliSeconds => call.params(&[Datetime], 1, Long),
            CurrentTime => call.params(&[], 0, Datetime).map(Signature::non_null),
            GetYear | GetMonth | GetDay | GetWeek | GetWeekYear | GetHour | GetMinute
            | GetSecond | GetMilliSecond => call.params(&[Datetime], 1, Int),
            YearsBetween | MonthsBetween | WeeksBetween | DaysBetween | HoursBetween
            | MinutesBetween | SecondsBetween | MilliSecondsBetween => {
                call.params(&[Datetime, Datetime], 2, Long)
            }
            AddDuration | SubtractDuration => call.params(&[Datetime, Chararray], 2, Datetime),
        }
    }
}

impl fmt::Display for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A schema with one unnamed field.
fn single(ty: Type) -> Schema {
    Schema::new(vec![Field::unnamed(ty)])
}

/// TOBAG's result: a bag of the argument tuples when they all are tuples of one schema, a bag of
/// one-field tuples when the arguments share a type, else a bag of unknown schema.
fn to_bag_type(args: &[Field]) -> Type {
    let Some(first) = args.first() else {
        return Type::bag(Schema::unknown());
    };
    if args.iter().any(|a| a.ty != first.ty) {
        return Type::bag(Schema::unknown());
    }
    match &first.ty {
        Type::Tuple(s) => Type::Bag(s.clone()),
        t => Type::bag(single(t.clone())),
    }
}

fn numeric_or_double(call: &Call<'_>, i: usize) -> Result<Type, CallError> {
    match &call.args[i] {
        Type::Bytearray => Ok(Type::Double),
        t if t.is_numeric() => Ok(t.clone()),
        other => Err(call.arg_type(i + 1, "a number", other.clone())),
    }
}

/// Helpers shared by the signatures above.
struct Call<'a> {
    name: &'static str,
    args: &'a [Type],
}

impl Call<'_> {
    fn arity(&self, min: usize, max: usize) -> Result<(), CallError> {
        if (min..=max).contains(&self.args.len()) {
            return Ok(());
        }
        let expected = match max - min {
            0 => min.to_string(),
            1 => format!("{min} or {max}"),
            _ => format!("{min} to {max}"),
        };
        Err(self.arity_error(&expected))
    }

    fn arity_error(&self, expected: &str) -> CallError {
        CallError::Arity {
            name: self.name.to_string(),
            expected: expected.to_string(),
            found: self.args.len(),
        }
    }

    fn arg_type(&self, position: usize, expected: &str, found: Type) -> CallError {
        CallError::ArgType {
            name: self.name.to_string(),
            position,
            expected: expected.to_string(),
            found,
        }
    }

    fn fixed(&self, params: Vec<Type>, ret: Type) -> Signature {
        Signature {
            params,
            ret,
            nullable: true,
        }
    }

    /// Checks `self.args[i]` can be passed as `to` and returns `to`.
    fn coerce(&self, i: usize, from: &Type, to: &Type, what: &str) -> Result<Type, CallError> {
        if can_coerce(from, to) {
            Ok(to.clone())
        } else {
            Err(self.arg_type(i + 1, what, from.clone()))
        }
    }

    /// Optional trailing parameters: the first `required` of `params` must be given.
    fn params(&self, params: &[Type], required: usize, ret: Type) -> Result<Signature, CallError> {
        self.arity(required, params.len())?;
        let params = self
            .args
            .iter()
            .zip(params)
            .enumerate()
            .map(|(i, (from, to))| self.coerce(i, from, to, to.kind_name()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.fixed(params, ret))
    }

    fn bag_at(&self, i: usize) -> Result<Type, CallError> {
        match &self.args[i] {
            t @ Type::Bag(_) => Ok(t.clone()),
            Type::Bytearray => Ok(Type::bag(Schema::unknown())),
            other => Err(self.arg_type(i + 1, "a bag", other.clone())),
        }
    }

    /// An aggregate's single bag argument and the type of the column it folds (the bag's first field,
    /// bytearray when the bag's schema is unknown).
    fn aggregate_column(&self) -> Result<(Type, Type), CallError> {
        self.arity(1, 1)?;
        match &self.args[0] {
            Type::Bag(s) => {
                let column = s.fields.first().map_or(Type::Bytearray, |f| f.ty.clone());
                Ok((self.args[0].clone(), column))
            }
            Type::Bytearray => Ok((Type::bag(Schema::unknown()), Type::Bytearray)),
            other => Err(CallError::NotABag {
                name: self.name.to_string(),
                found: other.clone(),
            }),
        }
    }
}

impl Signature {
    fn non_null(mut self) -> Signature {
        self.nullable = false;
        self
    }
}

/// A load or store function pigc supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageFunc {
    /// `PigStorage([delimiter [, options]])`: delimited text, default tab. Load and store.
    PigStorage,
    /// `TextLoader()`: each line as one chararray field. Load only.
    TextLoader,
    /// `JsonLoader(['schema'])`: JSON lines. Load only.
    JsonLoader,
    /// `JsonStorage()`: JSON lines. Store only.
    JsonStorage,
    /// piggybank `CSVExcelStorage([delimiter [, multiline [, eol [, header]]]])`: RFC 4180 CSV with
    /// quoting. Load and store.
    CsvExcelStorage,
    /// piggybank `CSVLoader()`: comma-separated with double-quote quoting. Load only.
    CsvLoader,
}

const STORAGE_FUNCS: &[(&str, StorageFunc)] = &[
    ("PigStorage", StorageFunc::PigStorage),
    ("TextLoader", StorageFunc::TextLoader),
    ("JsonLoader", StorageFunc::JsonLoader),
    ("JsonStorage", StorageFunc::JsonStorage),
    ("CSVExcelStorage", StorageFunc::CsvExcelStorage),
    ("CSVLoader", StorageFunc::CsvLoader),
];

const STORAGE_PACKAGES: &[&str] = &[BUILTIN_PACKAGE, "org.apache.pig.piggybank.storage."];

impl StorageFunc {
    /// The load/store function called `name` (short or full Java name).
    pub fn lookup(name: &str) -> Option<StorageFunc> {
        let short = STORAGE_PACKAGES
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .unwrap_or(name);
        STORAGE_FUNCS
            .iter()
            .find(|(n, _)| *n == short)
            .map(|(_, f)| *f)
    }

    /// The short name.
    pub fn name(self) -> &'static str {
        STORAGE_FUNCS
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("PigStorage", |(n, _)| n)
    }

    /// Whether it can be used in LOAD.
    pub fn can_load(self) -> bool {
        !matches!(self, StorageFunc::JsonStorage)
    }

    /// Whether it can be used in STORE.
    pub fn can_store(self) -> bool {
        matches!(
            self,
            StorageFunc::PigStorage | StorageFunc::JsonStorage | StorageFunc::CsvExcelStorage
        )
    }

    /// The schema a LOAD with this function has when the script declares none.
    pub fn default_schema(self) -> Schema {
        match self {
            StorageFunc::TextLoader => Schema::new(vec![Field::unnamed(Type::Chararray)]),
            _ => Schema::unknown(),
        }
    }

    /// The largest number of constructor arguments it takes.
    pub fn max_args(self) -> usize {
        match self {
            StorageFunc::PigStorage => 2,
            StorageFunc::TextLoader | StorageFunc::JsonStorage | StorageFunc::CsvLoader => 0,
            StorageFunc::JsonLoader => 1,
            StorageFunc::CsvExcelStorage => 4,
        }
    }
}

impl fmt::Display for StorageFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Every eval-function name, for suggestions.
pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    Builtin::ALL.iter().map(|b| b.name())
}

/// Every load/store function name, for suggestions.
pub fn storage_names() -> impl Iterator<Item = &'static str> {
    STORAGE_FUNCS.iter().map(|(n, _)| *n)
}

/// The candidate closest to `name` if it is close enough to be a likely typo (case-insensitive
/// Levenshtein distance at most a third of the name's length, at least 1; a case-only difference always
/// counts).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let lower = name.to_lowercase();
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| {
            let cl = c.to_lowercase();
            let base = cl.rsplit("::").next().unwrap_or(&cl).to_string();
            let d = strsim::levenshtein(&lower, &cl).min(strsim::levenshtein(&lower, &base));
            (d, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bag_of(t: Type) -> Field {
        Field::named("b", Type::bag(Schema::new(vec![Field::named("x", t)])))
    }

    #[test]
    fn aggregates_follow_pig_overloads() {
        let sum = |t| Builtin::Sum.resolve(&[bag_of(t)]).map(|s| s.ret);
        assert_eq!(sum(Type::Int), Ok(Type::Long));
        assert_eq!(sum(Type::Float), Ok(Type::Double));
        assert_eq!(sum(Type::Bytearray), Ok(Type::Double));
        let avg = Builtin::Avg.resolve(&[bag_of(Type::Int)]).map(|s| s.ret);
        assert_eq!(avg, Ok(Type::Double));
        let max = Builtin::Max
            .resolve(&[bag_of(Type::Chararray)])
            .map(|s| s.ret);
        assert_eq!(max, Ok(Type::Chararray));
        let count = Builtin::Count.resolve(&[bag_of(Type::Chararray)]);
        assert!(count.is_ok_and(|s| s.ret == Type::Long && !s.nullable));
    }

    #[test]
    fn aggregate_of_scalar_is_an_error() {
        let err = Builtin::Sum.resolve(&[Field::named("x", Type::Int)]);
        assert!(matches!(err, Err(CallError::NotABag { .. })));
    }

    #[test]
    fn arity_and_argument_types_are_checked() {
        let err = Builtin::Substring.resolve(&[Field::unnamed(Type::Chararray)]);
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("SUBSTRING takes 3 argument(s) but 1 were given".to_string())
        );
        let err = Builtin::Upper.resolve(&[Field::unnamed(Type::Int)]);
        assert!(matches!(err, Err(CallError::ArgType { position: 1, .. })));
        let ok = Builtin::Upper.resolve(&[Field::unnamed(Type::Bytearray)]);
        assert_eq!(ok.map(|s| s.params), Ok(vec![Type::Chararray]));
    }

    #[test]
    fn round_and_tobag() {
        let r = |t| Builtin::Round.resolve(&[Field::unnamed(t)]).map(|s| s.ret);
        assert_eq!(r(Type::Float), Ok(Type::Int));
        assert_eq!(r(Type::Double), Ok(Type::Long));
        let bag = Builtin::ToBag
            .resolve(&[Field::unnamed(Type::Int), Field::unnamed(Type::Int)])
            .map(|s| s.ret.to_string());
        assert_eq!(bag, Ok("{(int)}".to_string()));
    }

    #[test]
    fn names_and_suggestions() {
        assert_eq!(
            Builtin::lookup("org.apache.pig.builtin.COUNT"),
            Some(Builtin::Count)
        );
        assert_eq!(Builtin::lookup("count"), None);
        assert_eq!(closest("count", builtin_names()), Some("COUNT".to_string()));
        assert_eq!(
            closest("CONCT", builtin_names()),
            Some("CONCAT".to_string())
        );
        assert_eq!(closest("zzzzzz", builtin_names()), None);
        assert_eq!(
            StorageFunc::lookup("org.apache.pig.piggybank.storage.CSVExcelStorage"),
            Some(StorageFunc::CsvExcelStorage)
        );
    }
}
