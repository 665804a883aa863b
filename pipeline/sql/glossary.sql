-- Glossary: one row per (acronym, expansion) across the corpus.
-- Expansions are compared case-insensitively with white space collapsed; when documents
-- expand one acronym differently each expansion is its own row, and every row names the
-- acronym's other expansions, so a disagreement shows from either side.
-- Uses are counted inside the documents that define the acronym (acronyms.use_count):
-- a document that uses an acronym without defining it has no row to count from.
WITH definition AS (
    SELECT
        a.acronym,
        regexp_replace(trim(a.expansion), '\s+', ' ', 'g') AS expansion,
        lower(regexp_replace(trim(a.expansion), '\s+', ' ', 'g')) AS expansion_key,
        a.doc_id,
        a.use_count
    FROM acronyms AS a
    JOIN documents AS d ON d.doc_id = a.doc_id
),
per_document AS (
    SELECT
        acronym,
        expansion_key,
        doc_id,
        min(expansion) AS expansion,
        count(*) AS definitions,
        max(use_count) AS use_count
    FROM definition
    GROUP BY acronym, expansion_key, doc_id
),
acronym_documents AS (
    SELECT acronym, count(DISTINCT doc_id) AS documents
    FROM definition
    GROUP BY acronym
),
entry AS (
    SELECT
        acronym,
        expansion_key,
        min(expansion) AS expansion,
        count(*) AS documents_defining,
        sum(definitions) AS definitions,
        sum(use_count) AS uses,
        count(*) FILTER (WHERE use_count > 0) AS documents_using,
        string_agg(doc_id, ' | ' ORDER BY doc_id) AS doc_ids
    FROM per_document
    GROUP BY acronym, expansion_key
)
SELECT
    substr(md5(e.acronym || chr(31) || e.expansion_key), 1, 16) AS glossary_id,
    e.acronym,
    e.expansion,
    count(*) OVER (PARTITION BY e.acronym) AS expansion_count,
    (
        SELECT string_agg(o.expansion, ' | ' ORDER BY o.expansion_key)
        FROM entry AS o
        WHERE o.acronym = e.acronym AND o.expansion_key <> e.expansion_key
    ) AS other_expansions,
    e.documents_defining,
    n.documents AS documents_defining_acronym,
    e.documents_using,
    CAST(e.definitions AS BIGINT) AS definitions,
    CAST(e.uses AS BIGINT) AS uses,
    e.doc_ids
FROM entry AS e
JOIN acronym_documents AS n ON n.acronym = e.acronym
ORDER BY lower(e.acronym), e.acronym, e.expansion_key
