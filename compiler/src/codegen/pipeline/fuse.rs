//! Fluent chains: a relation that is used once, as the receiver of a later operator's chain, is not
//! bound to a variable of its own; its chain continues into that operator's
//! (`df.source(…).filter(…).map(…).sink(…)`). Relations used more than once keep their `let`, so a
//! pipeline reads as one chain per branch of the dataflow.
//!
//! The operator generators emit one statement per operator, each after the comment marker naming
//! its Pig line. Fusing keeps every comment: the receiver's comment stays in front of the statement,
//! and the consumer's becomes an in-chain marker (`.__pigc_comment(n)`) that
//! [`crate::codegen`]'s formatter turns into a `//` line before that part of the chain.

use super::super::COMMENT_MARKER;
use proc_macro2::{Delimiter, Ident, Literal, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use std::collections::HashMap;

/// One statement of `build`: `let pat = body;` or `body;`, with the comment that precedes it.
struct Stmt {
    comment: Option<Literal>,
    pat: Option<Vec<TokenTree>>,
    body: Vec<TokenTree>,
}

enum Item {
    /// A comment marker not followed by a statement.
    Comment(Literal),
    Stmt(Stmt),
    /// A statement fused into a later one.
    Fused,
}

/// Rewrites `stmts` (comment markers `__pigc_comment!(n);` and statements) into fluent chains.
pub(super) fn fuse_chains(stmts: Vec<TokenStream>) -> Vec<TokenStream> {
    let mut items = parse_items(stmts);
    let uses = use_counts(&items);
    for j in 0..items.len() {
        let Some(i) = receiver_to_fuse(&items, j, &uses) else {
            continue;
        };
        let Item::Stmt(receiver) = std::mem::replace(&mut items[i], Item::Fused) else {
            continue;
        };
        if let Item::Stmt(consumer) = &mut items[j] {
            let mut body = receiver.body;
            if let Some(c) = consumer.comment.take() {
                body.extend(chain_marker(c));
            }
            body.extend(consumer.body.drain(1..));
            consumer.body = body;
            consumer.comment = receiver.comment;
        }
    }
    items.into_iter().filter_map(print_item).flatten().collect()
}

/// The statement `i < j` whose single-use variable is the receiver of statement `j`'s chain, if it
/// can be fused into it without moving a source past another statement that touches the dataflow.
fn receiver_to_fuse(items: &[Item], j: usize, uses: &HashMap<String, usize>) -> Option<usize> {
    let Item::Stmt(consumer) = &items[j] else {
        return None;
    };
    let (TokenTree::Ident(var), Some(TokenTree::Punct(dot))) =
        (consumer.body.first()?, consumer.body.get(1))
    else {
        return None;
    };
    if dot.as_char() != '.' {
        return None;
    }
    let name = var.to_string();
    if uses.get(&name) != Some(&1) {
        return None;
    }
    let i = (0..j).rev().find(|&i| match &items[i] {
        Item::Stmt(s) => s.pat.as_deref().and_then(single_ident) == Some(name.clone()),
        Item::Comment(_) | Item::Fused => false,
    })?;
    let Item::Stmt(receiver) = &items[i] else {
        return None;
    };
    // `{ … }.method()` would parse as a block statement where the consumer is not a `let`.
    if matches!(receiver.body.first(), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace)
    {
        return None;
    }
    // Keep the order in which operators touching `df` (sources, settings) are registered.
    if mentions_df(&receiver.body) {
        let between = &items[i + 1..j];
        if between
            .iter()
            .any(|it| matches!(it, Item::Stmt(s) if mentions_df(&s.body)))
        {
            return None;
        }
    }
    Some(i)
}

fn parse_items(stmts: Vec<TokenStream>) -> Vec<Item> {
    let mut items = Vec::with_capacity(stmts.len());
    let mut pending: Option<Literal> = None;
    for stmt in stmts {
        let mut tokens: Vec<TokenTree> = stmt.into_iter().collect();
        if let Some(index) = comment_index(&tokens) {
            if let Some(previous) = pending.replace(index) {
                items.push(Item::Comment(previous));
            }
            continue;
        }
        if matches!(tokens.last(), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
            tokens.pop();
        }
        let (pat, body) = split_let(tokens);
        items.push(Item::Stmt(Stmt {
            comment: pending.take(),
            pat,
            body,
        }));
    }
    if let Some(c) = pending {
        items.push(Item::Comment(c));
    }
    items
}

/// `let pat = body` → `(Some(pat), body)`; anything else → `(None, tokens)`.
fn split_let(tokens: Vec<TokenTree>) -> (Option<Vec<TokenTree>>, Vec<TokenTree>) {
    let is_let = matches!(tokens.first(), Some(TokenTree::Ident(i)) if i == "let");
    let eq = tokens.iter().position(
        |t| matches!(t, TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == Spacing::Alone),
    );
    match (is_let, eq) {
        (true, Some(eq)) => {
            let mut tokens = tokens;
            let body = tokens.split_off(eq + 1);
            tokens.pop();
            tokens.remove(0);
            (Some(tokens), body)
        }
        _ => (None, tokens),
    }
}

/// The index of a `__pigc_comment!(n);` marker statement.
fn comment_index(tokens: &[TokenTree]) -> Option<Literal> {
    match tokens {
        [TokenTree::Ident(m), TokenTree::Punct(bang), TokenTree::Group(g), TokenTree::Punct(_)]
            if m == COMMENT_MARKER && bang.as_char() == '!' =>
        {
            match g.stream().into_iter().next() {
                Some(TokenTree::Literal(l)) => Some(l),
                _ => None,
            }
        }
        _ => None,
    }
}

fn single_ident(pat: &[TokenTree]) -> Option<String> {
    match pat {
        [TokenTree::Ident(i)] => Some(i.to_string()),
        _ => None,
    }
}

/// How often each variable bound by a top-level `let` occurs in the statements (patterns excluded).
fn use_counts(items: &[Item]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = items
        .iter()
        .filter_map(|it| match it {
            Item::Stmt(s) => s.pat.as_deref().and_then(single_ident),
            Item::Comment(_) | Item::Fused => None,
        })
        .map(|name| (name, 0))
        .collect();
    for it in items {
        if let Item::Stmt(s) = it {
            count_idents(&s.body, &mut counts);
        }
    }
    counts
}

/// Counts the identifiers that may be uses of a variable: not a field or method after `.`, and not a
/// field name before a single `:` (struct literal, typed closure parameter).
fn count_idents(tokens: &[TokenTree], counts: &mut HashMap<String, usize>) {
    for (k, t) in tokens.iter().enumerate() {
        match t {
            TokenTree::Ident(i) => {
                let after_dot = k > 0 && is_punct(&tokens[k - 1], '.');
                let field_name = tokens.get(k + 1).is_some_and(|n| is_punct(n, ':'))
                    && !tokens.get(k + 2).is_some_and(|n| is_punct(n, ':'));
                if after_dot || field_name {
                    continue;
                }
                if let Some(n) = counts.get_mut(&i.to_string()) {
                    *n += 1;
                }
            }
            TokenTree::Group(g) => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                count_idents(&inner, counts);
            }
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

fn is_punct(t: &TokenTree, c: char) -> bool {
    matches!(t, TokenTree::Punct(p) if p.as_char() == c)
}

fn mentions_df(tokens: &[TokenTree]) -> bool {
    tokens.iter().any(|t| match t {
        TokenTree::Ident(i) => i == "df",
        TokenTree::Group(g) => mentions_df(&g.stream().into_iter().collect::<Vec<_>>()),
        _ => false,
    })
}

/// `.__pigc_comment(n)`: a comment inside a chain.
fn chain_marker(index: Literal) -> TokenStream {
    let marker = Ident::new(COMMENT_MARKER, Span::call_site());
    quote!(.#marker(#index))
}

fn print_item(item: Item) -> Option<Vec<TokenStream>> {
    let marker = Ident::new(COMMENT_MARKER, Span::call_site());
    let comment = |c: Literal| quote!(#marker!(#c););
    match item {
        Item::Fused => None,
        Item::Comment(c) => Some(vec![comment(c)]),
        Item::Stmt(s) if s.body.is_empty() => s.comment.map(|c| vec![comment(c)]),
        Item::Stmt(s) => {
            let mut out = Vec::with_capacity(2);
            out.extend(s.comment.map(comment));
            let body: TokenStream = s.body.into_iter().collect();
            out.push(match s.pat {
                Some(pat) => {
                    let pat: TokenStream = pat.into_iter().collect();
                    quote!(let #pat = #body;)
                }
                None => quote!(#body;),
            });
            Some(out)
        }
    }
}
