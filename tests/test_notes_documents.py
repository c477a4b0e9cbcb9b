"""The documents as a reader sees them (the .tex, no TeX needed): no Python reprs in the text, no
"1 zeros", no empty conditions, headings typeset and descriptive, the exercise without its answer
and its solution at the end (absent with ``--no-solutions``), the verification in the appendix."""

import re

import pytest

from symconv import ConvSpec
from symconv.cli.main import main
from symconv.locale import translate
from symconv.notes.build import NOTES, SLIDES, build_notes
from symconv.printing.text import text_latex

#: The issue's worked examples: the default and a strided, padded one.
EXAMPLES = {"default": None, "5x5-s2-p1": ConvSpec((5, 5), (3, 3), stride=2, padding=1)}

_MATH = re.compile(r"\$[^$]*\$")
_HEADING = re.compile(r"\\(section|subsection)\{(.*)\}$|\\begin\{frame\}(?:\[[^\]]*\])?\{(.*)\}$")
#: a heading that is only fact codes ("T5", "B1, B2", "B3-B5")
_BARE_CODE = re.compile(r"^[STB]\d(?:\s*[,-]\s*[STB]\d)*$")


@pytest.fixture(scope="module", params=[(name, lang) for name in EXAMPLES for lang in ("en", "ru")])
def documents(request, notes_built):
    name, lang = request.param
    return name, lang, notes_built(EXAMPLES[name], lang=lang)


def text_mode(tex: str) -> str:
    """The document's text outside math (``$...$``) and outside TikZ pictures."""
    lines = []
    picture = False
    for line in tex.splitlines():
        if "\\begin{tikzpicture}" in line:
            picture = True
        if not picture and not line.startswith("%"):
            lines.append(_MATH.sub(" ", line))
        if "\\end{tikzpicture}" in line:
            picture = False
    return "\n".join(lines)


def headings(tex: str) -> list[tuple[str, str]]:
    """``(kind, title)`` of every section, subsection and frame title."""
    found = []
    for line in tex.splitlines():
        match = _HEADING.match(line.strip())
        if match:
            found.append((match.group(1) or "frame", match.group(2) or match.group(3) or ""))
    return found


PROBLEMS = {
    "a Python tuple": re.compile(r"\(\d+,\)"),
    "a SymPy repr": re.compile(r"\b(?:Mod|floor|Sum|Piecewise|KroneckerDelta)\("),
    "a Python power": re.compile(r"\*\*"),
    "a singular count with a plural": re.compile(r"(?<![\d.])1 (?:zeros|values|outputs|inputs|steps|points)\b"),
    "an escaped underscore shown": re.compile(r"\\textbackslash\{\}\\_"),
}


#: a condition with nothing in it ("for ;", "conditions that hold for ;", "(for $$)")
EMPTY_CONDITION = re.compile(r"(?:\bfor|при)\s*(?:\$\s*\$)?\s*[;)]")


def test_no_reprs_bad_grammar_or_empty_conditions(documents):
    name, lang, result = documents
    # the derivations' own titles are the display branch's (test_the_derivations_headings_are_typeset)
    titles = [text_latex(translate(report.derivation.title, lang)) for report in result.reports.values()]
    for document in (result.notes, result.slides):
        for title in titles:
            document = document.replace(title, "")
        text = "\n".join(line for line in text_mode(document).splitlines() if not _HEADING.match(line.strip()))
        found = {what: pattern.findall(text)[:3] for what, pattern in PROBLEMS.items() if pattern.search(text)}
        assert found == {}, (name, lang)
        assert EMPTY_CONDITION.findall(document) == [], (name, lang)


def _ascii_math(title: str) -> list[str]:
    """ASCII mathematics in a heading's text (outside ``$...$``)."""
    text = _MATH.sub(" ", title)
    found = [sign for sign in ("\\textasciicircum", " = ", "floor(", "mod ", "\\textbackslash") if sign in text]
    return found + re.findall(r"\b\w+\(\w+[^)]*\)", text)[:1]


def _unit_headings(lang: str) -> set[str]:
    """The headings the notes' own units and parts have (not the derivations' titles)."""
    from symconv.notes.content import seminar
    from symconv.notes.render import _title

    parts = seminar(ConvSpec((4, 4), (3, 3)), ("convolution", "transposed", "sizes", "bilinear"), lang, str)
    titles = {_title(part.title, lang) for part in parts}
    return titles | {
        _title(unit.title, lang)
        for part in parts
        for unit in part.units
        if not any(hasattr(block, "derivation") for block in unit.blocks)
    }


def test_the_notes_headings_are_typeset_and_descriptive(documents):
    name, lang, result = documents
    own = _unit_headings(lang)
    for document in (result.notes, result.slides):
        previous_section = ""
        for kind, title in headings(document):
            if kind == "section":
                previous_section = title
            elif kind == "subsection":
                assert title != previous_section, f"subsection repeats its section: {title}"
            if title.split(":")[0].strip() == title.strip() or title in own:
                assert not _BARE_CODE.match(_MATH.sub("", title).strip()), f"a bare fact code as a heading: {title}"
            if title in own:
                assert _ascii_math(title) == [], title


def test_the_derivations_headings_are_typeset(documents):
    name, lang, result = documents
    bad = [title for kind, title in headings(result.notes) if kind == "subsection" and _ascii_math(title)]
    assert bad == []


def test_no_author_by_default_and_no_text_scaled_down(documents):
    name, lang, result = documents
    for document in (result.notes, result.slides):
        assert "\\author{}" in document
        assert "\\fitwidth" not in document and "\\scalebox" not in document and "\\resizebox" not in document


def test_verification_is_a_mark_in_the_proof_and_a_row_in_the_appendix(documents):
    name, lang, result = documents
    notes = result.notes
    body, appendix = notes.split("\\appendix", 1)
    word = {"en": "Verification", "ru": "Проверка"}[lang]
    assert f"\\section{{{word}}}" in appendix
    exact = {"en": "exact", "ru": "точно"}[lang]
    assert f"{exact}:" not in body  # how each step was verified is not in the proofs
    steps = sum(len(report.steps) for report in result.reports.values())
    assert body.count("\\hfill $\\checkmark$") == steps  # one mark per verified step
    rows = re.findall(r"^\(\d+\) & ", appendix, flags=re.M)
    assert len(rows) == steps  # one row per step
    for report in result.reports.values():  # every numeric check, with what it checked
        for check, _, detail in report.checks:
            assert detail.replace("_", "\\_")[:20] in appendix or lang != "en", check.description
    assert f"\\section{{{word}}}" in result.slides


def test_exercise_b5_without_its_answer_and_its_solution_at_the_end(documents):
    name, lang, result = documents
    notes = result.notes
    exercise = notes.split("\\subsection{", 1)[1]
    b5 = notes[notes.index("\\textbf{B5.}") :].split("\\subsection{", 1)[0]
    assert "align" not in b5 and "2h - 1" not in b5 and "padding 1" not in b5  # the answer is not stated
    assert exercise
    solutions = {"en": "Solutions", "ru": "Решения"}[lang]
    sections = re.findall(r"\\section\{([^}]*)\}", notes)
    assert sections[-2:] == [solutions, {"en": "Verification", "ru": "Проверка"}[lang]]
    solution = notes.split(f"\\section{{{solutions}}}", 1)[1].split("\\appendix", 1)[0]
    for part in ("bilinear-seminar", "bilinear-any-size", "bilinear-padding"):
        assert f"\\label{{proof:{part}}}" in solution
    # the figure and the matrix name the input as the derivations do: X
    assert "$X_{4}$" in solution and "$Y_{4}$" not in solution
    assert f"\\begin{{frame}}\\centering\\Large {solutions}\\end{{frame}}" in result.slides


def test_no_solutions_leaves_them_out(verified_once):
    with verified_once.shared():
        handout = build_notes(topics=("bilinear",), solutions=False)
    for document in (handout.notes, handout.slides):
        assert "\\textbf{B5.}" in document
        assert "Solution" not in document and "proof:bilinear-seminar" not in document  # nor a pointer to one
    assert "bilinear-seminar" not in handout.reports


def test_cli_no_solutions(tmp_path, capsys, verified_once):
    with verified_once.shared():
        assert main(["notes", "-o", str(tmp_path), "--only", "bilinear", "--no-solutions", "-q"]) == 0
    notes = (tmp_path / NOTES).read_text()
    assert "\\section{Solutions}" not in notes and "\\section{Verification}" in notes
    assert "\\section{Solutions}" not in (tmp_path / SLIDES).read_text()
