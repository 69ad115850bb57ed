"""The published schemas of govreply's wire formats, versioned with the format.

``reply-letter-2.schema.json`` (JSON Schema 2020-12) describes the documents of
:mod:`govreply.formats.json`; ``reply-letter-2.xsd`` (XML Schema 1.0) those of
:mod:`govreply.formats.xml`, in the namespace ``urn:govreply:reply-letter:2``. A new version of a
format ships as a new file next to the old one; the version-1 files stay, since version-1
documents are still read.

The case file (:mod:`govreply.case`) has its own: ``case-file-1.schema.json`` (which includes
the reply letter's definitions) and ``case-file-1.xsd`` (namespace ``urn:govreply:case-file:1``;
it imports ``reply-letter-2.xsd`` for the letters, so keep the two files side by side). The
exchange profile (:mod:`govreply.formats.exchange`) is described by ``exchange-1.xsd``.

>>> import json
>>> json.loads(json_schema())["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> "urn:govreply:reply-letter:2" in xml_schema()
True
>>> json.loads(case_json_schema())["properties"]["format"]
{'const': 'govreply.case-file'}
>>> 'schemaLocation="reply-letter-2.xsd"' in case_xml_schema()
True
"""

from __future__ import annotations

from importlib import resources

__all__ = [
    "CASE_VERSION",
    "CURRENT_VERSION",
    "EXCHANGE_VERSION",
    "JSON_SCHEMA_NAME",
    "XML_SCHEMA_NAME",
    "case_json_schema",
    "case_xml_schema",
    "exchange_schema",
    "json_schema",
    "schema_names",
    "xml_schema",
]

#: The version of the formats govreply writes.
CURRENT_VERSION = 2
#: File name of the current JSON Schema inside this package.
JSON_SCHEMA_NAME = f"reply-letter-{CURRENT_VERSION}.schema.json"
#: File name of the current XSD inside this package.
XML_SCHEMA_NAME = f"reply-letter-{CURRENT_VERSION}.xsd"
#: The version of the case-file formats govreply writes.
CASE_VERSION = 1
#: The version of the exchange profile govreply writes.
EXCHANGE_VERSION = 1

# Every schema file, by document type, with the versions that exist.
_FILES = {
    "reply-letter": ((1, 2), ("schema.json", "xsd")),
    "case-file": ((1,), ("schema.json", "xsd")),
    "exchange": ((1,), ("xsd",)),
}


def _read(document: str, version: int, suffix: str) -> str:
    versions, _ = _FILES[document]
    if version not in versions:
        known = ", ".join(map(str, versions))
        what = "" if document == "reply-letter" else f"{document} "
        raise ValueError(f"no {what}schema of version {version} (known: {known})")
    name = f"{document}-{version}.{suffix}"
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def json_schema(version: int = CURRENT_VERSION) -> str:
    """The JSON Schema of the JSON format of ``version`` (the current one by default), as text.

    Raises:
        ValueError: there is no such version.
    """
    return _read("reply-letter", version, "schema.json")


def xml_schema(version: int = CURRENT_VERSION) -> str:
    """The XSD of the XML format of ``version`` (the current one by default), as text.

    Raises:
        ValueError: there is no such version.
    """
    return _read("reply-letter", version, "xsd")


def case_json_schema(version: int = CASE_VERSION) -> str:
    """The JSON Schema of case-file documents (:func:`govreply.formats.json.dumps_case`).

    Raises:
        ValueError: there is no such version.
    """
    return _read("case-file", version, "schema.json")


def case_xml_schema(version: int = CASE_VERSION) -> str:
    """The XSD of case-file documents (:func:`govreply.formats.xml.dumps_case`).

    It imports ``reply-letter-2.xsd`` (:func:`xml_schema`) by that file name: a validator needs
    both files in one directory (or a resolver, as :mod:`govreply.formats.xml` uses).

    Raises:
        ValueError: there is no such version.
    """
    return _read("case-file", version, "xsd")


def exchange_schema(version: int = EXCHANGE_VERSION) -> str:
    """The XSD of the exchange profile (:mod:`govreply.formats.exchange`).

    Raises:
        ValueError: there is no such version.
    """
    return _read("exchange", version, "xsd")


def schema_names() -> tuple[str, ...]:
    """The file names of every schema shipped, sorted (to save them side by side)."""
    return tuple(
        sorted(
            f"{document}-{version}.{suffix}"
            for document, (versions, suffixes) in _FILES.items()
            for version in versions
            for suffix in suffixes
        )
    )
