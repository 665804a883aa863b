-- The same measure stated by two documents, side by side, with whether they agree.
--
-- Two quantity rows from different documents make a claim pair when they have the same
-- unit, kind, rate, range end and period (periods compared without spaces and with one
-- kind of dash, so 'FY 2008 - FY 2020' meets 'FY2008-FY2020'; two unstated periods
-- match, a stated one never meets an unstated one), and when their measure phrases match:
--   1. each phrase is lower-cased, stripped of accents, 'u.s.' and 'united states' -> 'usa',
--      split into words; generic amount words (number, amount, value, total...) are dropped;
--   2. its name words are the words that are names in these documents: written with a
--      capital letter inside some quantity's sentence (not as its first word, not in a
--      title-case heading or label) and never in lower case in any ('california',
--      'mexico', 'merida'; not 'border', which 'Border Patrol' capitalizes but prose does
--      not). Both phrases must name the same things: 'border' (the U.S.-Mexico border of a
--      federal fact sheet) never meets 'california-mexico border', nor 'u.s.-mexico border'
--      'border', since a phrase that names no party may mean any of them;
--   3. its head noun is the last word before the first post-modifier (a preposition,
--      a relative word, or an -ing/-ed participle after the first word): 'two-way trade
--      in goods' -> trade, 'trade crossing the border' -> trade, 'active land ports of
--      entry' -> port;
--   4. its content words are the words minus stop words and time words (the rate
--      carries 'daily'), crudely stemmed (-s, -es, -ies, -ing, -ed);
--   5. the phrases match when the name words and the head nouns are equal and either the
--      content words overlap (Jaccard >= 0.5), one phrase's words are all in the other's,
--      or both rows state the same rate (two per-day figures for the same head noun
--      measure the same flow).
-- Each statement looks back at the 6 statements before it that share its unit, kind,
-- head noun, names, period, rate and range end (doc_id order), and keeps the one that
-- matches it best (see the QUALIFY below): a measure stated by n documents gives at most
-- n - 1 rows that link every statement to an earlier one, so the table and the work grow
-- linearly with the corpus.
-- Agreement: each value is read as an interval from its qualifier: exact -> [v, v];
-- approximate -> v +/- 2.5 %; lower_bound ('more than') -> [v, +inf) (closed, because
-- 'more than $3.2 billion' is routinely written for exactly $3.2 billion); upper_bound
-- -> (-inf, v]. 'equal' = same value and same qualifier; 'compatible' = the intervals
-- overlap; 'disagree' = they do not ('nearly 1.9e9' = [1.8525e9, 1.9475e9] misses 1.8e9).
WITH stated AS (
    SELECT
        q.quantity_id,
        q.doc_id,
        q.quote,
        q.value,
        q.unit,
        q.kind,
        q.qualifier,
        q.range_role,
        q.rate,
        q.period,
        q.measure,
        d.published_date,
        TRY_CAST(d.published_date AS DATE) AS published_day,
        replace(replace(regexp_replace(upper(coalesce(q.period, '')), '\s+', '', 'g'),
            '–', '-'), '—', '-') AS period_key,
        list_filter(
            string_split_regex(
                regexp_replace(
                    strip_accents(lower(q.measure)), 'u\.s\.|united states', 'usa', 'g'
                ),
                '[^a-z0-9]+'
            ),
            lambda w: w <> '' AND w NOT IN (
                'number', 'amount', 'value', 'total', 'sum', 'quantity', 'level', 'figure')
        ) AS words,
        q.sentence
    FROM quantities AS q
    JOIN documents AS d ON d.doc_id = q.doc_id
    WHERE q.value IS NOT NULL AND q.measure IS NOT NULL AND q.flag IS NULL
),
sentence_word AS (
    -- a word of a title-case heading or label, or a sentence's first word, says nothing
    -- by its capital; whether a sentence is prose is judged once per sentence, not once
    -- per word (that was quadratic in the sentence's length)
    SELECT
        lower(unnest(sentence_words)) AS word,
        unnest(list_transform(sentence_words,
            lambda w, i: prose AND i > 1 AND regexp_matches(w, '^[A-Z]'))) AS capital,
        unnest(list_transform(sentence_words, lambda w: regexp_matches(w, '^[a-z]')))
            AS lower_case
    FROM (
        SELECT
            sentence_words,
            len(list_filter(sentence_words, lambda w: regexp_matches(w, '^[A-Z]'))) * 10
                <= len(sentence_words) * 6 AS prose
        FROM (
            -- split once per sentence: a sentence holds several quantities
            SELECT list_filter(
                string_split_regex(
                    regexp_replace(strip_accents(sentence), 'U\.S\.|United States', 'USA', 'g'),
                    '[^A-Za-z0-9]+'
                ),
                lambda w: w <> ''
            ) AS sentence_words
            FROM (SELECT DISTINCT sentence FROM stated)
        )
    )
),
name_word AS (
    SELECT word FROM sentence_word GROUP BY word HAVING bool_or(capital) AND NOT bool_or(lower_case)
),
named AS (
    SELECT stated.*, coalesce(found.names, []::VARCHAR[]) AS names
    FROM stated
    LEFT JOIN (
        SELECT m.quantity_id, list_sort(list_distinct(list(m.word))) AS names
        FROM (SELECT quantity_id, unnest(words) AS word FROM stated) AS m
        JOIN name_word AS n ON n.word = m.word
        GROUP BY m.quantity_id
    ) AS found ON found.quantity_id = stated.quantity_id
),
shaped AS (
    SELECT
        *,
        list_filter(
            list_transform(words, lambda w, i: CASE
                WHEN i >= 2 AND (
                    w IN ('of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'across',
                          'through', 'between', 'into', 'via', 'under', 'over', 'among',
                          'that', 'which', 'who', 'since', 'during', 'per')
                    OR (length(w) > 4 AND (w LIKE '%ing' OR w LIKE '%ed'))
                ) THEN i END),
            lambda i: i IS NOT NULL
        ) AS breaks,
        list_distinct(list_transform(
            list_filter(words, lambda w: w NOT IN (
                'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by',
                'and', 'or', 'our', 'its', 'their', 'his', 'her', 'this', 'that', 'these',
                'those', 'each', 'every', 'per', 'totaled', 'totaling', 'totalling', 'about',
                'some', 'than', 'more', 'over', 'nearly', 'approximately', 'estimated', 'all',
                'both', 'into', 'through', 'between', 'across', 'via', 'as', 'is', 'are', 'was',
                'were', 'be', 'been', 'has', 'have', 'had', 'who', 'which', 'day', 'days',
                'daily', 'annual', 'annually', 'year', 'years', 'yearly', 'month', 'monthly',
                'week', 'weekly', 'shared')),
            lambda w: CASE
                WHEN length(w) > 5 AND w LIKE '%ing' THEN left(w, length(w) - 3)
                WHEN length(w) > 4 AND w LIKE '%ies' THEN left(w, length(w) - 3) || 'y'
                WHEN length(w) > 4 AND (w LIKE '%sses' OR w LIKE '%xes' OR w LIKE '%ches'
                                        OR w LIKE '%shes') THEN left(w, length(w) - 2)
                WHEN length(w) > 4 AND w LIKE '%ed' THEN left(w, length(w) - 2)
                WHEN length(w) > 3 AND w LIKE '%s' AND w NOT LIKE '%ss' THEN left(w, length(w) - 1)
                ELSE w END
        )) AS stems
    FROM named
),
headed AS (
    SELECT
        *,
        (CASE
            WHEN length(w) > 5 AND w LIKE '%ing' THEN left(w, length(w) - 3)
            WHEN length(w) > 4 AND w LIKE '%ies' THEN left(w, length(w) - 3) || 'y'
            WHEN length(w) > 4 AND (w LIKE '%sses' OR w LIKE '%xes' OR w LIKE '%ches'
                                    OR w LIKE '%shes') THEN left(w, length(w) - 2)
            WHEN length(w) > 4 AND w LIKE '%ed' THEN left(w, length(w) - 2)
            WHEN length(w) > 3 AND w LIKE '%s' AND w NOT LIKE '%ss' THEN left(w, length(w) - 1)
            ELSE w END) AS head
    FROM (
        SELECT *, words[coalesce(list_min(breaks), len(words) + 1) - 1] AS w
        FROM shaped
        WHERE len(words) > 0
    )
),
-- Statements that could pair share these keys; numbering them in doc_id order lets each
-- statement look back at a fixed number of candidates (an equality join on the rank),
-- so pairing stays linear however many documents state one measure. The keys are
-- numbered once (block_id: equal keys, equal number; the two that may be null are peers
-- when both are), so the join compares two integers per candidate rather than seven
-- keys, one of them a list.
blocked AS (
    SELECT
        *,
        row_number() OVER (PARTITION BY block_id ORDER BY doc_id, quantity_id) AS block_rank
    FROM (
        SELECT
            *,
            dense_rank() OVER (
                ORDER BY unit, kind, head, names, period_key, rate, range_role
            ) AS block_id
        FROM headed
    )
),
paired AS (
    -- candidates carry only what choosing the best one needs; the two sides' columns
    -- are joined to the chosen pairs alone (a sixth of the candidates)
    SELECT
        quantity_id_a,
        quantity_id_b,
        doc_id_a,
        rate,
        -- stems are distinct lists without nulls: the union is |a| + |b| - |a & b|, and
        -- one list holds the other when the intersection is as long as it
        shared * 1.0 / greatest(len_a + len_b - shared, 1) AS measure_similarity,
        shared = len_a OR shared = len_b AS nested,
        days_apart
    FROM (
        SELECT
            a.quantity_id AS quantity_id_a,
            b.quantity_id AS quantity_id_b,
            a.doc_id AS doc_id_a,
            a.rate,
            len(list_intersect(a.stems, b.stems)) AS shared,
            len(a.stems) AS len_a,
            len(b.stems) AS len_b,
            abs(date_diff('day', a.published_day, b.published_day)) AS days_apart
        FROM (
            SELECT blocked.*, blocked.block_rank - back.steps AS candidate_rank
            FROM blocked, range(1, 7) AS back(steps)
        ) AS b
        JOIN blocked AS a
            ON a.block_id = b.block_id
            AND a.block_rank = b.candidate_rank
            AND a.doc_id < b.doc_id
    )
),
-- Every pair of n sources stating one measure would be n^2/2 rows (half a billion at
-- 10,000 documents), and even 5 partners each were 945,000 rows (243 MB of CSV) at
-- 10,000 synthetic documents: each statement is compared with the one statement of an
-- earlier document (doc_id order) that matches it best: the most similar measure first,
-- then the closest publication date, then the nearest document. Statements linked this
-- way can be followed back through quantity_id_a.
best AS (
    SELECT quantity_id_a, quantity_id_b, measure_similarity
    FROM paired
    WHERE measure_similarity >= 0.5 OR nested OR rate IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY quantity_id_b
        ORDER BY measure_similarity DESC, days_apart NULLS LAST, doc_id_a DESC, quantity_id_a
    ) = 1
),
sided AS (
    SELECT
        a.head AS measure_key,
        a.unit,
        a.kind,
        a.rate,
        a.range_role,
        best.measure_similarity,
        a.quantity_id AS quantity_id_a,
        a.doc_id AS doc_id_a,
        a.published_date AS published_date_a,
        a.measure AS measure_a,
        a.value AS value_a,
        a.qualifier AS qualifier_a,
        a.period AS period_a,
        a.quote AS quote_a,
        b.quantity_id AS quantity_id_b,
        b.doc_id AS doc_id_b,
        b.published_date AS published_date_b,
        b.measure AS measure_b,
        b.value AS value_b,
        b.qualifier AS qualifier_b,
        b.period AS period_b,
        b.quote AS quote_b,
        CASE a.qualifier
            WHEN 'approximate' THEN least(a.value * 0.975, a.value * 1.025)
            WHEN 'upper_bound' THEN '-infinity'::DOUBLE
            ELSE a.value END AS low_a,
        CASE a.qualifier
            WHEN 'approximate' THEN greatest(a.value * 0.975, a.value * 1.025)
            WHEN 'lower_bound' THEN 'infinity'::DOUBLE
            ELSE a.value END AS high_a,
        CASE b.qualifier
            WHEN 'approximate' THEN least(b.value * 0.975, b.value * 1.025)
            WHEN 'upper_bound' THEN '-infinity'::DOUBLE
            ELSE b.value END AS low_b,
        CASE b.qualifier
            WHEN 'approximate' THEN greatest(b.value * 0.975, b.value * 1.025)
            WHEN 'lower_bound' THEN 'infinity'::DOUBLE
            ELSE b.value END AS high_b
    FROM best
    JOIN headed AS a ON a.quantity_id = best.quantity_id_a
    JOIN headed AS b ON b.quantity_id = best.quantity_id_b
)
SELECT
    substr(md5(quantity_id_a || ':' || quantity_id_b), 1, 16) AS claim_id,
    measure_key,
    unit,
    kind,
    rate,
    range_role,
    round(measure_similarity, 3) AS measure_similarity,
    CASE
        WHEN abs(value_a - value_b) <= 1e-9 * greatest(abs(value_a), abs(value_b))
            AND qualifier_a = qualifier_b THEN 'equal'
        WHEN greatest(low_a, low_b) <= least(high_a, high_b) THEN 'compatible'
        ELSE 'disagree'
    END AS agreement,
    greatest(low_a, low_b) <= least(high_a, high_b) AS agrees,
    CASE WHEN greatest(abs(value_a), abs(value_b)) > 0
        THEN round(abs(value_a - value_b) / greatest(abs(value_a), abs(value_b)), 6)
        ELSE 0.0 END AS relative_difference,
    quantity_id_a,
    doc_id_a,
    published_date_a,
    measure_a,
    value_a,
    qualifier_a,
    period_a,
    quote_a,
    quantity_id_b,
    doc_id_b,
    published_date_b,
    measure_b,
    value_b,
    qualifier_b,
    period_b,
    quote_b
FROM sided
ORDER BY measure_key, unit, doc_id_a, doc_id_b, quantity_id_a, quantity_id_b
