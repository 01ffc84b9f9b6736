-- How often each word of at least $MIN_LENGTH letters occurs in a text.
lines = LOAD 'lines.txt' USING PigStorage('\t') AS (line:chararray);
words = FOREACH lines GENERATE FLATTEN(TOKENIZE(LOWER(line))) AS word;
long_words = FILTER words BY SIZE(word) >= $MIN_LENGTH;
by_word = GROUP long_words BY word;
counts = FOREACH by_word GENERATE group AS word, COUNT(long_words) AS n;
STORE counts INTO 'word_counts' USING PigStorage(',');
