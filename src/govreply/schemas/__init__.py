"""The published schemas of govreply's wire formats, versioned with the format.

``reply-letter-2.schema.json`` (JSON Schema 2020-12) describes the documents of
:mod:`govreply.formats.json`; ``reply-letter-2.xsd`` (XML Schema 1.0) those of
:mod:`govreply.formats.xml`, in the namespace ``urn:govreply:reply-letter:2``. A new version of a
format ships as a new file next to the old one; the version-1 files stay, since version-1
documents are still read.

>>> import json
>>> json.loads(json_schema())["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> "urn:govreply:reply-letter:2" in xml_schema()
True
"""

from __future__ import annotations

from importlib import resources

__all__ = ["CURRENT_VERSION", "JSON_SCHEMA_NAME", "XML_SCHEMA_NAME", "json_schema", "xml_schema"]

#: The version of the formats govreply writes.
CURRENT_VERSION = 2
#: File name of the current JSON Schema inside this package.
JSON_SCHEMA_NAME = f"reply-letter-{CURRENT_VERSION}.schema.json"
#: File name of the current XSD inside this package.
XML_SCHEMA_NAME = f"reply-letter-{CURRENT_VERSION}.xsd"
_VERSIONS = (1, 2)


def _read(name: str, version: int) -> str:
    if version not in _VERSIONS:
        raise ValueError(f"no schema of version {version} (known: 1, 2)")
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def json_schema(version: int = CURRENT_VERSION) -> str:
    """The JSON Schema of the JSON format of ``version`` (the current one by default), as text.

    Raises:
        ValueError: there is no such version.
    """
    return _read(f"reply-letter-{version}.schema.json", version)


def xml_schema(version: int = CURRENT_VERSION) -> str:
    """The XSD of the XML format of ``version`` (the current one by default), as text.

    Raises:
        ValueError: there is no such version.
    """
    return _read(f"reply-letter-{version}.xsd", version)
