"""Hypothesis profiles: ``quick`` by default, ``thorough`` (1,000 examples) for CI."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("quick", max_examples=60, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("GOVREPLY_HYPOTHESIS_PROFILE", "quick"))
