-- The k most frequent words of a relation (word, n), ties broken alphabetically.
DEFINE top_words(counts, k) RETURNS top {
    ordered = ORDER $counts BY n DESC, word ASC;
    $top = LIMIT ordered $k;
};
