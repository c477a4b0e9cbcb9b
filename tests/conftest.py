import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="module")
def torch():
    """PyTorch, for the comparisons with it; the test is skipped without it (module scope: Hypothesis
    tests may use it). Files that mix plain and PyTorch tests take this fixture instead of calling
    ``pytest.importorskip`` at module level, which would skip the plain tests too."""
    return pytest.importorskip("torch")
