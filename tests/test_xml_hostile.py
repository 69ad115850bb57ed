"""Hostile XML: every attack fails fast with XmlParseError and reads nothing from outside."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from govreply.errors import XmlParseError
from govreply.examples import seed_letter
from govreply.formats import xml as gxml

SECRET = "TOP-SECRET-6f1c2a"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = f'<!ENTITY leak "{SECRET}">'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request made to it."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def refused(data: str | bytes, **options: int) -> XmlParseError:
    with pytest.raises(XmlParseError) as info:
        gxml.loads(data, options=gxml.XmlOptions(**options))
    return info.value


def letter_with(title: str, doctype: str = "") -> str:
    """The seed letter with its title replaced by raw markup, after an optional DOCTYPE."""
    document = gxml.dumps(seed_letter())
    start = document.index("<title>") + len("<title>")
    end = document.index("</title>")
    return doctype + document[:start] + title + document[end:]


def test_any_doctype_is_refused() -> None:
    """Even a harmless DOCTYPE is refused outright."""
    error = refused(letter_with("题", "<!DOCTYPE reply-letter>"))
    assert "DOCTYPE is not allowed" in str(error)


def test_billion_laughs_fails_fast() -> None:
    """Nested entity definitions are never expanded."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    error = refused(letter_with("&lol9;", f"<!DOCTYPE reply-letter [{entities}]>"))
    assert "DOCTYPE" in str(error)


def test_quadratic_blowup_is_refused() -> None:
    """One big entity referenced many times is refused too."""
    doctype = f'<!DOCTYPE reply-letter [<!ENTITY a "{"x" * 50_000}">]>'
    error = refused(letter_with("&a;" * 50_000, doctype))
    assert "DOCTYPE" in str(error)


def test_external_file_entity_is_not_read(secret_file: Path) -> None:
    """XXE with file: is refused and the file's contents appear nowhere."""
    doctype = f'<!DOCTYPE reply-letter [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    error = refused(letter_with("&xxe;", doctype))
    assert SECRET not in repr(error.problems)
    assert SECRET not in str(error)


def test_external_http_entity_is_not_fetched(http_server: tuple[str, list[str]]) -> None:
    """XXE with http: is refused without any request being made."""
    url, requests = http_server
    doctype = f'<!DOCTYPE reply-letter [<!ENTITY xxe SYSTEM "{url}/entity">]>'
    error = refused(letter_with("&xxe;", doctype))
    assert SECRET not in str(error)
    assert requests == []


def test_external_dtd_is_not_fetched(http_server: tuple[str, list[str]]) -> None:
    """A DOCTYPE naming an external DTD is refused without fetching it."""
    url, requests = http_server
    refused(letter_with("&leak;", f'<!DOCTYPE reply-letter SYSTEM "{url}/letter.dtd">'))
    assert requests == []


def test_parameter_entities_are_not_fetched(
    http_server: tuple[str, list[str]], secret_file: Path
) -> None:
    """External parameter entities (the classic blind-XXE setup) are never loaded."""
    url, requests = http_server
    doctype = (
        f'<!DOCTYPE reply-letter [<!ENTITY % file SYSTEM "{secret_file.as_uri()}">'
        f'<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote; %file;]>'
    )
    error = refused(letter_with("&leak;", doctype))
    assert requests == []
    assert SECRET not in str(error)


def test_undeclared_entity_is_a_parse_error() -> None:
    """An entity reference without a DTD is not well-formed."""
    error = refused(letter_with("&nbsp;"))
    assert "not well-formed" in str(error)


def test_entity_nodes_in_a_given_tree_are_refused() -> None:
    """from_element refuses entity reference nodes in a tree built elsewhere."""
    root = gxml.to_element(seed_letter())
    title = root.find("{urn:govreply:reply-letter:2}title")
    assert title is not None
    title.append(etree.Entity("leak"))
    with pytest.raises(XmlParseError, match="entity reference &leak; is not allowed"):
        gxml.from_element(root)


def test_oversized_input_is_refused_before_parsing() -> None:
    """Input above max_bytes is refused by its length alone."""
    document = gxml.dumps(seed_letter())
    error = refused(document, max_bytes=len(document.encode("utf-8")) - 1)
    assert "exceeds the limit" in str(error)
    assert (
        gxml.loads(document, options=gxml.XmlOptions(max_bytes=len(document.encode()))) is not None
    )


def test_default_size_limit_is_ten_mebibytes() -> None:
    """An 11 MiB document is refused by default."""
    error = refused(letter_with("长" * (11 * 1024 * 1024 // 3)))
    assert "exceeds the limit of 10485760 bytes" in str(error)


def test_huge_text_node_is_refused_by_libxml2() -> None:
    """Past libxml2's 10 MB text limit the parser refuses, even with a larger max_bytes."""
    refused(letter_with("x" * (11 * 1024 * 1024)), max_bytes=20 * 1024 * 1024)


def test_deep_nesting_is_refused() -> None:
    """Nesting beyond max_depth is refused with a clear message."""
    error = refused(letter_with("<a>" * 40 + "</a>" * 40))
    assert "deeper than 32 levels" in str(error)


def test_very_deep_nesting_stops_the_parser() -> None:
    """Nesting beyond libxml2's own limit (256) stops the parser itself."""
    refused("<a>" * 100_000 + "</a>" * 100_000)


def test_megabytes_of_brackets_fail_fast() -> None:
    """Garbage made of brackets is a parse error, not a hang."""
    refused("<" * 2_000_000)
    refused("<reply-letter>" + "]]>" * 1_000_000)


def test_many_elements_fail_schema_validation() -> None:
    """A large flood of unknown elements is refused by the XSD."""
    flood = "<cc>" + "<recipient>甲</recipient>" * 100_000 + "</cc><x/>"
    document = gxml.dumps(seed_letter()).replace("<cc>", flood + "<cc>", 1)
    assert refused(document).problems


def test_doctype_in_an_unsearchable_encoding_is_refused_after_parsing() -> None:
    """A DOCTYPE hidden from the byte scan (UTF-32) is still refused."""
    document = '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE reply-letter>'
    error = refused((document + gxml.dumps(seed_letter())).encode("utf-32"))
    assert "DOCTYPE is not allowed" in str(error)


def test_megabytes_of_blank_text_are_refused_quickly() -> None:
    """A title of a million spaces fails the XSD's non-blank pattern (linear, not quadratic)."""
    error = refused(letter_with(" " * 1_000_000))
    assert "/reply-letter/title" in str(error)


def test_absurdly_long_integers_are_refused() -> None:
    """A serial of 5,000 digits is a parse error, not a ValueError from int()."""
    document = gxml.dumps(seed_letter()).replace(
        "<serial>2</serial>", f"<serial>{'9' * 5000}</serial>"
    )
    error = refused(document)
    assert "/reply-letter/doc-number/serial: integer too long" in str(error)
