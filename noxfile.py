"""Development sessions: `nox` runs lint, typing, docs and tests; `nox -s bench` the benchmarks."""

from __future__ import annotations

import os

import nox

nox.needs_version = ">=2024.10.9"
nox.options.sessions = ["lint", "typing", "docs", "tests"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
#: The extras every session that runs or checks govreply installs (document readers and
#: writers, Arrow/Parquet, Dask, the report), so the default run exercises all of it on a fresh
#: machine.
EXTRAS = "docx,pdf,arrow,dask,report"


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-e", f".[{EXTRAS}]", *nox.project.dependency_groups(PYPROJECT, *groups))


def _pytest(session: nox.Session) -> None:
    # CI gets the thorough Hypothesis profile (1,000+ examples per property).
    profile = "thorough" if os.environ.get("CI") else "quick"
    env = {"GOVREPLY_HYPOTHESIS_PROFILE": os.environ.get("GOVREPLY_HYPOTHESIS_PROFILE", profile)}
    session.run("pytest", "--cov", "--cov-branch", "--cov-report=term", *session.posargs, env=env)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (with doctests) on this interpreter, with branch coverage."""
    _install(session, "test")
    _pytest(session)


@nox.session(name="tests-all", python=PYTHONS, default=False)
def tests_all(session: nox.Session) -> None:
    """Run the test suite on every supported Python that is installed."""
    _install(session, "test")
    _pytest(session)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typing(session: nox.Session) -> None:
    """Type-check src and tests with mypy --strict."""
    _install(session, "typing")
    session.run("mypy")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs with warnings as errors, and run every example in them."""
    _install(session, "docs")
    for builder in ("html", "doctest"):
        session.run(
            "sphinx-build", "-W", "--keep-going", "-b", builder, "docs", f"docs/_build/{builder}"
        )
    session.run("python", "docs/check_search.py", "docs/_build/html")


@nox.session(default=False)
def fuzz(session: nox.Session) -> None:
    """Mutation-fuzz every public parser from the corpus (posarg or $GOVREPLY_FUZZ_BUDGET s)."""
    _install(session, "test")
    session.run("python", "tests/fuzz.py", *session.posargs)


@nox.session(default=False)
def gallery(session: nox.Session) -> None:
    """Regenerate the docs' gallery: PDF page images and an HTML screenshot (pdftoppm, chromium)."""
    _install(session, "test")
    session.run("python", "docs/howto/gallery/make_gallery.py", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Render the report in headless Chromium and redraw the docs' screenshot of it.

    Needs Debian's chromium (``apt-get install chromium fonts-noto-cjk``), which a fresh
    machine lacks; so this session is not in the default run, where the test skips.
    """
    _install(session, "test")
    env = {"GOVREPLY_BROWSER": "required"}
    session.run("pytest", "-m", "browser", "-p", "no:cacheprovider", *session.posargs, env=env)
    session.run("python", "tests/browser.py", "docs/_static/report.png", env=env)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmark govreply against its peers (cn2an, pydantic, msgspec, xsdata); prints ratios."""
    _install(session, "bench")
    for script in sorted(os.listdir("bench")):
        if script.startswith("bench_") and script.endswith(".py"):
            session.run("python", f"bench/{script}", *session.posargs)
