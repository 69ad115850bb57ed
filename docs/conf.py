"""Sphinx configuration for the govreply documentation (MyST markdown, furo, autodoc)."""

from __future__ import annotations

import logging

import jieba

import govreply

project = "govreply"
author = "govreply developers"
copyright = "2024, govreply developers"
release = govreply.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_copybutton",
]
# The copy button leaves out prompts and output: `$ ` of console blocks, `>>> ` and `... `.
copybutton_prompt_text = r"\$ |>>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# The pages are English around Chinese terms: the Chinese splitter (jieba) indexes 征询 and 意见
# apart from 征询意见表, so a search for a word's start finds it; Latin words are still stemmed.
html_search_language = "zh"
jieba.setLogLevel(logging.WARNING)  # its dictionary load logs at DEBUG

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Docstrings follow the Google style; types come from the annotations.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"show-inheritance": True}

# Every page's examples are ``{doctest}`` blocks, run by ``sphinx-build -b doctest``.
# Docstring examples are run by pytest (``--doctest-modules``) in their module's namespace,
# so the doctest builder does not run them a second time out of context.
doctest_test_doctest_blocks = ""
# No doctest_global_setup: every example imports what it uses, so it runs when pasted.

html_theme = "furo"
html_title = f"govreply {release}"
html_static_path: list[str] = []
