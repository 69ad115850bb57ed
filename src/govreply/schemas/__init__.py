"""The published schemas of govreply's wire formats, versioned with the format.

``reply-letter-1.schema.json`` (JSON Schema 2020-12) describes the documents of
:mod:`govreply.formats.json`; ``reply-letter-1.xsd`` (XML Schema 1.0) those of
:mod:`govreply.formats.xml`, in the namespace ``urn:govreply:reply-letter:1``. A new version of a
format ships as a new file next to the old one.

>>> import json
>>> json.loads(json_schema())["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> "urn:govreply:reply-letter:1" in xml_schema()
True
"""

from __future__ import annotations

from importlib import resources

__all__ = ["JSON_SCHEMA_NAME", "XML_SCHEMA_NAME", "json_schema", "xml_schema"]

#: File name of the JSON Schema inside this package.
JSON_SCHEMA_NAME = "reply-letter-1.schema.json"
#: File name of the XSD inside this package.
XML_SCHEMA_NAME = "reply-letter-1.xsd"


def json_schema() -> str:
    """The JSON Schema of the current JSON format, as text."""
    return resources.files(__name__).joinpath(JSON_SCHEMA_NAME).read_text(encoding="utf-8")


def xml_schema() -> str:
    """The XSD of the current XML format, as text."""
    return resources.files(__name__).joinpath(XML_SCHEMA_NAME).read_text(encoding="utf-8")
