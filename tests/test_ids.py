from pipeline.ids import row_keys

TEXT = "Every day, we benefit from $1.8 billion in two-way trade. Over 400 servicemembers."


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_keys_are_stable_across_runs():
    spans = [_span(TEXT, "$1.8 billion"), _span(TEXT, "400")]
    assert row_keys("d", "quantities", TEXT, spans) == row_keys("d", "quantities", TEXT, spans)


def test_an_edit_elsewhere_keeps_the_key():
    edited = "A new opening paragraph.\n\n" + TEXT
    before = row_keys("d", "quantities", TEXT, [_span(TEXT, "400")])
    after = row_keys("d", "quantities", edited, [_span(edited, "400")])
    assert before == after


def test_a_corrected_number_keeps_the_key_so_it_shows_as_a_change():
    corrected = TEXT.replace("$1.8 billion", "$1.9 billion")
    before = row_keys("d", "quantities", TEXT, [_span(TEXT, "$1.8 billion")])
    after = row_keys("d", "quantities", corrected, [_span(corrected, "$1.9 billion")])
    assert before == after


def test_look_alikes_get_distinct_keys_and_tables_and_documents_differ():
    text = "It has 5 boards. It has 5 boards."
    first, second = (text.index("5"), text.index("5") + 1), (text.rindex("5"), text.rindex("5") + 1)
    keys = row_keys("d", "quantities", text, [first, second])
    assert len(set(keys)) == 2
    assert row_keys("d", "other", text, [first]) != keys[:1]
    assert row_keys("e", "quantities", text, [first]) != keys[:1]
    assert all(len(k) == 16 and int(k, 16) >= 0 for k in keys)
