r"""The documents' languages: the catalogues translate every derivation's text, the Russian
documents hold no English outside mathematics and a short list of names, the English ones no
Cyrillic.

When a derivation's text changes or a new one is added, the failures list exactly the English
texts without a Russian translation (as lines to paste into ``PROSE`` in ``symconv/locale/ru.py``),
and the words of the documents that are still English, with the line they are on.
"""

from __future__ import annotations

import re

import pytest

from symconv import ConvSpec
from symconv.derivations import TOPICS
from symconv.errors import SpecError
from symconv.locale import ALLOWED, LANGUAGES, catalogue, english_words, recording, translate, untranslated
from symconv.notes.build import NotesResult
from symconv.notes.content import TOPICS as DOCUMENT_TOPICS

#: The documents checked: the default notes, and the sections that depend on the worked example
#: for ``--input 5x5 --kernel 3x3 --stride 2 --padding 1`` (the others are the same for every example).
EXAMPLES = {
    "default": (None, DOCUMENT_TOPICS),
    "5x5, stride 2, padding 1": (ConvSpec((5, 5), (3, 3), stride=2, padding=1), ("convolution", "transposed")),
}


# ---------------------------------------------------------------- the machinery


def test_exact_entries_and_fallback():
    assert translate("structural equality", "ru") == "структурное равенство"
    assert translate("a text nobody wrote", "ru") == "a text nobody wrote"
    assert untranslated("a text nobody wrote", "ru") == ["a text nobody wrote"]
    assert translate("structural equality", "en") == "structural equality"
    assert untranslated("anything at all", "en") == []


def test_patterns_put_the_fields_in_translated():
    # a number field, and a field that is itself prose ("no parameters")
    assert translate("equal at 10 points (10 not all zero, no parameters)", "ru") == (
        "равны в случайных точках: 10 (ненулевых: 10, без параметров)"
    )
    # a count is never followed by a noun whose form depends on it ("в 21 точках" is wrong Russian)
    assert translate("equal at 21 points (21 not all zero, no parameters)", "ru").startswith(
        "равны в случайных точках: 21"
    )
    # a field holding mathematics is kept as it is
    assert translate("division with remainder is unique (residues below $b$)", "ru") == (
        "деление с остатком однозначно (остатки меньше $b$)"
    )
    # a number field does not swallow words
    assert untranslated("many random specs agree with numpy", "ru") == ["many random specs agree with numpy"]


def test_composite_texts_are_translated_part_by_part():
    text = "division with remainder is unique (residues below $2$), then conditions that hold for $0 \\le m \\le h - 2$"
    assert translate(text, "ru") == (
        "деление с остатком однозначно (остатки меньше $2$), затем условия, верные при $0 \\le m \\le h - 2$"
    )
    # a separator inside mathematics does not split
    assert translate("$a; b$", "ru") == "$a; b$"
    assert untranslated("doit, then something new; expand", "ru") == ["something new"]


def test_braces_in_mathematics_are_not_fields():
    assert english_words(r"$\mathrm{im2col}(X)$ and {count}") == ["and", "count"]
    assert translate(r"$W_{q-1-m}$", "ru") == r"$W_{q-1-m}$"


def test_english_words_skip_names_codes_shapes_and_variables():
    assert english_words(r"S1, T6: PyTorch, im2col, 4x16, $h$, h, align\_corners=True") == []
    assert english_words("Свёртка with the kernel") == ["with", "the", "kernel"]


def test_an_unknown_language_is_refused():
    with pytest.raises(SpecError, match="lang"):
        translate("doit", "de")


def test_every_catalogue_has_the_three_names():
    for lang in LANGUAGES:
        module = catalogue(lang)
        assert isinstance(module.WORDS, dict) and isinstance(module.PROSE, dict) and isinstance(module.PREAMBLE, str)


def test_every_language_has_the_same_words_and_each_word_is_used():
    """The catalogues' WORDS have the same keys (and the same captions), and every key is used by
    the code: a word no document prints is a word nobody translates again."""
    from pathlib import Path

    english = catalogue("en").WORDS
    for lang in LANGUAGES:
        words = catalogue(lang).WORDS
        assert set(words) == set(english), (lang, set(words) ^ set(english))
        assert set(words["captions"]) == set(english["captions"]), lang
    package = Path(catalogue("en").__file__).parents[1]
    code = "\n".join(
        path.read_text() for path in package.rglob("*.py") if "locale" not in path.relative_to(package).parts
    )
    unused = [key for key in english if f'"{key}"' not in code and f"'{key}'" not in code]
    assert unused == []


def test_translations_keep_the_mathematics():
    """A translation keeps its key's fields; its own text outside math has no English words."""
    prose = catalogue("ru").PROSE
    field = re.compile(r"\{([a-z_]+)\}")
    wrong = []
    for key, value in prose.items():
        outside = "".join(value.split("$")[::2])
        key_outside = "".join(key.split("$")[::2])
        if set(field.findall(key_outside)) != set(field.findall(outside)):
            wrong.append(f"fields differ: {key!r} -> {value!r}")
        words = [w for w in english_words(field.sub("", value)) if w not in ALLOWED]
        if words:
            wrong.append(f"English words {words} in the translation of {key!r}")
        if value.count("$") % 2:
            wrong.append(f"unbalanced $ in the translation of {key!r}")
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- every derivation's text


def _texts(derivation, report) -> list[str]:
    texts = [derivation.title, derivation.statement]
    for result in report.steps:
        texts += [result.step.justification, result.exact_detail, result.numeric_detail]
    for check, _, detail in report.checks:
        texts += [check.description, detail]
    return texts


@pytest.fixture(scope="module")
def russian_texts(verified_once, russian_documents):
    """Every title, statement, justification, check and detail of the shipped derivations, and of
    the worked examples the notes build, with the derivations they come from."""
    with verified_once.shared() as cache:
        reports = [d.check() for topic in TOPICS for d in cache.topic_derivations(topic)]
    reports += [report for result in russian_documents[0].values() for report in result.reports.values()]
    return [(text, report.derivation.name) for report in reports for text in _texts(report.derivation, report)]


def test_every_derivation_text_has_a_russian_translation(russian_texts):
    missing: dict[str, list[str]] = {}
    for text, name in russian_texts:
        for piece in untranslated(text, "ru"):
            missing.setdefault(piece, []).append(name)
    lines = [f"    {piece!r}: '',  # {', '.join(sorted(set(names)))}" for piece, names in sorted(missing.items())]
    assert not missing, f"{len(missing)} English texts have no Russian in symconv/locale/ru.py PROSE:\n" + "\n".join(
        lines
    )


def test_every_russian_entry_is_used(russian_texts, russian_documents):
    """No dead entries: every key of ``PROSE`` translates a text of a shipped derivation, of its
    report, or of the Russian documents (a key whose English text was changed or removed is
    listed, to be deleted or rewritten)."""
    _, used = russian_documents
    with recording("ru") as also:
        for text, _ in russian_texts:
            translate(text, "ru")
    dead = sorted(set(catalogue("ru").PROSE) - used - also)
    assert not dead, f"{len(dead)} keys of PROSE in symconv/locale/ru.py translate no text:\n" + "\n".join(
        f"    {key!r}" for key in dead
    )


# ---------------------------------------------------------------- the documents


_ENVIRONMENTS = ("align", "align*", "array", "equation", "equation*", "multline*", "gather*", "aligned", "split")
_MATRICES = ("matrix", "pmatrix", "bmatrix", "vmatrix")


def prose(tex: str) -> list[tuple[int, str]]:
    r"""The text of a document's body outside mathematics, line by line (numbered as in the file):
    math (``$...$``, ``\[...\]``, math environments) except its ``\text{...}``, TikZ except its
    nodes' text, commands and their options removed; arguments (titles, captions, table cells) kept.

    >>> tex = "\\begin{document}\n\\section{Свёртка $C^T$}\n\\textbf{S1.} text\\par\n\\end{document}"
    >>> prose(tex)  # doctest: +NORMALIZE_WHITESPACE
    [(2, ' Свёртка '), (3, ' S1. text ')]
    """
    start = tex.index("\\begin{document}")
    offset = tex[:start].count("\n") + 1
    body = tex[start:]
    body = re.sub(r"(?<!\\)%.*", "", body)
    # environments of mathematics (newlines kept, so that line numbers stay right)
    names = "|".join(re.escape(n) for n in _ENVIRONMENTS + _MATRICES)
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731
    body = re.sub(r"\\begin\{(" + names + r")\}.*?\\end\{\1\}", blank, body, flags=re.S)
    # TikZ: only what its nodes say
    body = re.sub(
        r"\\begin\{tikzpicture\}.*?\\end\{tikzpicture\}",
        lambda m: (
            " ".join(re.findall(r"node\s*(?:\[[^\]]*\])?\s*(?:at\s*\([^)]*\))?\s*\{(.*?)\};", m.group(0)))
            + "\n" * m.group(0).count("\n")
        ),
        body,
        flags=re.S,
    )
    # words inside mathematics (``\text{for}`` of a case distinction) are prose: close the math around them
    body = re.sub(r"\\text\{([^{}]*)\}", r"$ \1 $", body)
    body = re.sub(r"\\\[.*?\\\]", blank, body, flags=re.S)
    body = re.sub(r"(?<!\\)\$\$.*?(?<!\\)\$\$", blank, body, flags=re.S)
    body = re.sub(r"(?<!\\)\$.*?(?<!\\)\$", blank, body, flags=re.S)
    body = body.replace("\\_", "_")
    # a frame's options, a tabular's column spec (``{rlp{5cm}l}``)
    body = re.sub(r"\\begin\{(tabular|array)\}\{(?:[^{}]|\{[^{}]*\})*\}", " ", body)
    body = re.sub(r"\\(begin|end)\{[^}]*\}(\[[^\]]*\])?", " ", body)
    body = re.sub(
        r"\\(?:setlength|vspace|hspace|parbox|label|ref|eqref|pageref|hyperlink|hypertarget)\{[^}]*\}", " ", body
    )
    body = re.sub(r"\\[A-Za-z@]+\*?(\[[^\]]*\])?|\\.", " ", body)
    body = re.sub(r"<[0-9,\-]+>", " ", body)  # overlay specifications
    body = re.sub(r"[{}&]", " ", body)
    return [(n + offset, line) for n, line in enumerate(body.split("\n")) if line.strip()]


def _results(lang: str, notes_built) -> dict[str, NotesResult]:
    return {name: notes_built(example, topics, lang=lang) for name, (example, topics) in EXAMPLES.items()}


def _documents(results: dict[str, NotesResult]) -> dict[str, str]:
    documents = {f"article ({name})": result.notes for name, result in results.items()}
    return documents | {f"slides ({name})": result.slides for name, result in results.items()}


@pytest.fixture(scope="module")
def russian_documents(notes_built):
    """The Russian documents, and the keys of ``PROSE`` their building used."""
    results = _results("ru", notes_built)
    used = set().union(*(notes_built.keys_used(example, topics, lang="ru") for example, topics in EXAMPLES.values()))
    return results, used


@pytest.fixture(scope="module")
def russian(russian_documents):
    return russian_documents[0]


@pytest.fixture(scope="module")
def english(notes_built):
    return _results("en", notes_built)


def test_the_russian_documents_have_no_english_outside_mathematics(russian):
    found = []
    for document, tex in _documents(russian).items():
        for number, line in prose(tex):
            words = english_words(line)
            if words:
                found.append(f"{document}, line {number}: {' '.join(dict.fromkeys(words))}  <- {line.strip()[:160]}")
    assert not found, f"{len(found)} lines with English words (allowed: {', '.join(sorted(ALLOWED))}):\n" + "\n".join(
        found
    )


def test_the_english_documents_have_no_cyrillic(english):
    found = [
        f"{document}, line {number}: {line.strip()[:160]}"
        for document, tex in _documents(english).items()
        for number, line in prose(tex)
        if re.search("[\u0400-\u04ff]", line)
    ]
    assert not found, f"{len(found)} lines with Cyrillic in the English documents:\n" + "\n".join(found)


def test_the_extraction_sees_the_prose(russian, english):
    """The extraction is not vacuous: the documents' words are found, and an English word slipped
    into a Russian document is reported."""
    text = " ".join(line for _, line in prose(russian["default"].notes))
    assert "Скользящее окно" in text and "структурное равенство" in text
    english_text = " ".join(line for _, line in prose(english["default"].notes))
    assert "Sliding window" in english_text and "structural equality" in english_text
    planted = russian["default"].notes.replace(
        "\\end{document}", "the kernel $x$\n$x \\text{for}\\: x > 0$\n\\end{document}"
    )
    assert any(english_words(line) == ["the", "kernel"] for _, line in prose(planted))
    assert any(english_words(line) == ["for"] for _, line in prose(planted))
    # the case distinctions of the Russian formulas are in Russian
    assert "\\text{иначе}" in russian["default"].notes and "\\text{otherwise}" not in russian["default"].notes
