-- The three most frequent words of a text.
IMPORT 'macros.pig';
lines = LOAD 'lines.txt' USING PigStorage('\t') AS (line:chararray);
words = FOREACH lines GENERATE FLATTEN(TOKENIZE(LOWER(line))) AS word;
by_word = GROUP words BY word;
counts = FOREACH by_word GENERATE group AS word, COUNT(words) AS n;
top = top_words(counts, 3);
STORE top INTO 'top_words' USING PigStorage(',');
