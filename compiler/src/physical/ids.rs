//! Deterministic operator ids: `alias.kind.hash`, where the hash (FNV-1a, 32 bits shown) covers the
//! operator's kind, its arguments as text and its inputs' ids — the node's whole lineage, but no span,
//! node number or iteration order. Equal lineages (the same operator applied twice to the same input)
//! get `-2`, `-3`, … suffixes in plan order.

use super::OperatorId;
use std::collections::HashMap;

/// FNV-1a over bytes: tiny, dependency-free, and stable across Rust releases (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Hands out unique deterministic ids.
#[derive(Debug, Default)]
pub(super) struct IdAllocator {
    seen: HashMap<String, usize>,
}

impl IdAllocator {
    /// The id of an operator of kind `kind` (e.g. `Aggregate`) with alias `alias`, argument text
    /// `summary` and inputs `inputs` (their ids and ports, in order).
    pub(super) fn allocate(
        &mut self,
        alias: Option<&str>,
        kind: &str,
        summary: &str,
        inputs: &[(&OperatorId, usize)],
    ) -> OperatorId {
        let mut h = fnv1a(kind.as_bytes(), FNV_OFFSET);
        h = fnv1a(&[0], h);
        h = fnv1a(summary.as_bytes(), h);
        for (id, port) in inputs {
            h = fnv1a(&[0], h);
            h = fnv1a(id.0.as_bytes(), h);
            h = fnv1a(&port.to_le_bytes(), h);
        }
        let folded = (h >> 32) ^ (h & 0xffff_ffff);
        let alias = sanitize(alias.unwrap_or("anon"));
        let base = format!("{alias}.{}.{folded:08x}", kind.to_ascii_lowercase());
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            OperatorId(base)
        } else {
            OperatorId(format!("{base}-{n}"))
        }
    }
}

/// Keeps ASCII letters, digits and `_`; anything else becomes `_` (ids are file-name and literal safe).
fn sanitize(alias: &str) -> String {
    alias
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_deterministic_and_unique() {
        let src = OperatorId("raw.source.00000001".into());
        let mut a = IdAllocator::default();
        let x = a.allocate(Some("events"), "Distinct", "", &[(&src, 0)]);
        let y = a.allocate(Some("events"), "Distinct", "", &[(&src, 0)]);
        let mut b = IdAllocator::default();
        assert_eq!(x, b.allocate(Some("events"), "Distinct", "", &[(&src, 0)]));
        assert_ne!(x, y);
        assert!(y.0.ends_with("-2"));
        assert!(x.0.starts_with("events.distinct."));
        let z = a.allocate(Some("a b\"c"), "Filter", "x", &[]);
        assert!(z.0.starts_with("a_b_c.filter."));
    }
}
