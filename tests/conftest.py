import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from symconv import derivations
from symconv.proof import Derivation, Report
from symconv.pytest_plugin import remember

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


class VerifiedOnce:
    """Each derivation of the seminar verified once per test session, its report shared.

    The derivation tests, the notes tests and the CLI tests all verify the seminar's
    derivations; inside :meth:`shared` they receive the same derivation objects
    (``topic_derivations``) and a derivation checked again returns the report of its first
    check. The cache is keyed by the derivation *object* (it holds the object, so its identity
    cannot be reused) with the seed: a derivation built anew (another worked example, a broken
    one in a test) is a new object and is checked for real. Outside :meth:`shared` nothing is
    cached, so tests that change the library and expect a derivation to fail are never served a
    stale report.
    """

    def __init__(self) -> None:
        self.topics: dict[str, list[Derivation]] = {}
        self.reports: dict[tuple[int, int], tuple[Derivation, Report]] = {}
        self.checked = 0

    def topic_derivations(self, topic: str) -> list[Derivation]:
        if topic not in self.topics:
            self.topics[topic] = list(_TOPIC_DERIVATIONS(topic))
        return list(self.topics[topic])

    def report(self, derivation: Derivation, *, seed: int = 0) -> Report:
        key = (id(derivation), seed)
        if key not in self.reports:
            self.reports[key] = (derivation, _CHECK(derivation, seed=seed))
            self.checked += 1
            if any(derivation is d for built in self.topics.values() for d in built):
                # the seminar's own derivation, as the plugin's items build it: they need not check it again
                remember(derivation, self.reports[key][1], seed)
        cached, report = self.reports[key]
        if cached is not derivation:  # cannot happen while the cache holds the object; refuse rather than guess
            raise RuntimeError(f"the verification cache confused two derivations named {derivation.name!r}")
        return report

    @contextmanager
    def shared(self) -> Iterator["VerifiedOnce"]:
        """Within the block, ``Derivation.check`` and ``topic_derivations`` go through this cache."""
        cache = self

        def check(derivation: Derivation, *, seed: int = 0) -> Any:
            return cache.report(derivation, seed=seed)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(derivations, "topic_derivations", self.topic_derivations)
            patch.setattr(Derivation, "check", check)
            yield self


_TOPIC_DERIVATIONS = derivations.topic_derivations
_CHECK = Derivation.check


@pytest.fixture(scope="session")
def verified_once() -> VerifiedOnce:
    """The session's verification cache (use ``with verified_once.shared():``)."""
    return VerifiedOnce()


@pytest.fixture(scope="session")
def notes_built(verified_once: VerifiedOnce) -> Any:
    """``build(example=None, topics=TOPICS, lang="en", solutions=True)``: the notes, built once per
    session for each set of arguments (the documents' tests read the same documents)."""
    from symconv.locale import recording
    from symconv.notes.build import build_notes
    from symconv.notes.content import TOPICS

    built: dict[tuple[Any, ...], Any] = {}
    #: the catalogue keys each build used (a cached build used them too)
    used: dict[tuple[Any, ...], set[str]] = {}

    def key(example: Any, topics: tuple[str, ...], lang: str, solutions: bool) -> tuple[Any, ...]:
        return (example, tuple(topics), lang, solutions)

    def build(example: Any = None, topics: tuple[str, ...] = TOPICS, lang: str = "en", solutions: bool = True) -> Any:
        k = key(example, topics, lang, solutions)
        if k not in built:
            with verified_once.shared(), recording(lang) as keys:
                built[k] = build_notes(example, tuple(topics), lang=lang, solutions=solutions)
            used[k] = set(keys)
        return built[k]

    def keys_used(
        example: Any = None, topics: tuple[str, ...] = TOPICS, lang: str = "en", solutions: bool = True
    ) -> set[str]:
        build(example, topics, lang, solutions)
        return used[key(example, topics, lang, solutions)]

    build.keys_used = keys_used  # type: ignore[attr-defined]
    return build


@pytest.fixture
def shared_reports(verified_once: VerifiedOnce) -> Iterator[VerifiedOnce]:
    """For the length of a test, the derivations and their reports come from the session's cache."""
    with verified_once.shared():
        yield verified_once


@pytest.fixture(scope="module")
def torch():
    """PyTorch, for the comparisons with it; the test is skipped without it (module scope: Hypothesis
    tests may use it). Files that mix plain and PyTorch tests take this fixture instead of calling
    ``pytest.importorskip`` at module level, which would skip the plain tests too."""
    return pytest.importorskip("torch")
