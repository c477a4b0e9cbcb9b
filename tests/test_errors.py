"""One family of exceptions: every error symconv raises is a SymconvError; only wrong parameters
are SpecErrors, and their messages name the library's parameters, never the CLI's options."""

import argparse
import inspect
import re

import pytest

import symconv
from symconv import errors
from symconv.cli.main import build_parser
from symconv.derivations import find
from symconv.errors import OwnershipError, SpecError, SymconvError, TeXError, TooLargeError
from symconv.files import check_writable, write_files
from symconv.limits import check_size
from symconv.notes import build as notes_build
from symconv.notes.build import build_notes, compile_pdf
from symconv.printing.matrices import SlideMatrix


def exception_classes(module):
    return [
        v
        for v in (getattr(module, name) for name in module.__all__)
        if inspect.isclass(v) and issubclass(v, BaseException)
    ]


def test_symconv_error_is_the_base_of_every_exported_error():
    exported = exception_classes(symconv) + exception_classes(errors)
    assert SymconvError in exported and TeXError in exported and OwnershipError in exported
    assert all(issubclass(cls, SymconvError) for cls in exported), exported
    assert notes_build.TeXError is TeXError and symconv.files.OwnershipError is OwnershipError


def test_only_wrong_parameters_are_spec_errors():
    assert issubclass(SpecError, ValueError) and issubclass(TooLargeError, SpecError)
    for cls in (TeXError, OwnershipError, errors.VerificationError, errors.MissingDependencyError):
        assert not issubclass(cls, SpecError), cls
    assert issubclass(TeXError, RuntimeError) and issubclass(OwnershipError, OSError)
    assert issubclass(errors.VerificationError, AssertionError) and issubclass(
        errors.MissingDependencyError, ImportError
    )


def test_describe_shows_parameters_under_other_names():
    error = SpecError("stride", "must be positive, got 0")
    assert str(error) == "stride: must be positive, got 0" and error.parameter == "stride"
    assert error.describe({"stride": "--stride"}) == "--stride: must be positive, got 0"
    with pytest.raises(TooLargeError) as info:
        check_size(10, 5)
    assert str(info.value).endswith("(raise it with max_nonzeros or SYMCONV_MAX_NONZEROS)")
    shown = info.value.describe({"input_shape": "--input", "max_nonzeros": "--max-nonzeros"})
    assert shown.startswith("--input: ") and shown.endswith("(raise it with --max-nonzeros or SYMCONV_MAX_NONZEROS)")
    assert TeXError("TeX is not installed").describe({"pdf": "--pdf"}) == "TeX is not installed"


def library_errors(tmp_path, monkeypatch):
    """Errors of the library that the CLI also reports (files, notes, TeX, derivations, printing)."""
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    yield SpecError, "folder", lambda: check_writable(a_file, ["x.tex"])
    (tmp_path / "mine.tex").write_text("my own")
    yield OwnershipError, None, lambda: write_files(tmp_path, {"mine.tex": b"% symconv"})
    yield SpecError, "topics", lambda: build_notes(topics=("nonsense",))
    yield SpecError, "example", lambda: build_notes(symconv.ConvSpec((9, 9), (3, 3)))
    yield SpecError, "name", lambda: find("no-such-derivation")
    yield TooLargeError, "input_shape", lambda: symconv.conv_matrix(symconv.ConvSpec((10**5, 10**5), 3))
    yield SpecError, "matrix", lambda: SlideMatrix(symconv.conv_matrix(symconv.ConvSpec((60, 60), (3, 3))), full=True)
    monkeypatch.setattr(notes_build.shutil, "which", lambda name: None)
    yield TeXError, None, lambda: compile_pdf(tmp_path / "x.tex", tmp_path)


def cli_options():
    """Every option of every command (``--input``, ``-o``, ``--pdf``, ...)."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {option for sub in commands.choices.values() for a in sub._actions for option in a.option_strings}


def test_library_messages_name_parameters_not_options(tmp_path, monkeypatch):
    options = cli_options() - {"-h", "--help"}
    assert {"--input", "-o", "--pdf", "--only", "--max-nonzeros", "--format"} <= options
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(options, key=len, reverse=True))) + r")(?![\w-])"
    )
    assert pattern.search("use --format json") and not pattern.search("brew install --cask mactex")
    for cls, parameter, call in library_errors(tmp_path, monkeypatch):
        with pytest.raises(cls) as info:
            call()
        message = str(info.value)
        assert not pattern.search(message) and "\n" not in message, message
        if parameter:
            assert info.value.parameter == parameter and message.startswith(f"{parameter}: ")
