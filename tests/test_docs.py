from pipeline.docs import README, render_readme


def test_readme_data_dictionary_matches_the_schemas():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "README is stale: run `python -m pipeline.docs`"


def test_readme_starts_with_the_two_commands():
    head = README.read_text(encoding="utf-8")[:400]
    assert head.index("make run") < head.index("make test")
