"""Text and Markdown reading: encodings, inline Markdown reduced to text with formatting, refusals."""
from __future__ import annotations

import pytest

from app.io.errors import InputError
from app.io.readers import read_document

TEXT = "PP1. Recalling its resolution 5/1 of 18 June 2007,\n\n1.\t*Décide* de rester saisi de la question.\n"


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_unicode_encodings_with_and_without_bom(tmp_path, encoding, bom):
    path = tmp_path / "d.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == [
        "PP1. Recalling its resolution 5/1 of 18 June 2007,", "1.\tDécide de rester saisi de la question."]
    assert doc.encoding.lower().startswith("utf")


def test_windows_1252_fallback(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes("Réaffirmant l’attachement – « texte »".encode("cp1252"))
    doc = read_document(path)
    assert doc.paragraphs[0].text == "Réaffirmant l’attachement – « texte »"
    assert doc.encoding == "Windows-1252"


def test_markdown_emphasis_and_links_become_text_with_runs(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("28. *Invites* the **Secretary-General**;\n\n¹ [A/HRC/61/76](#).\n\n*55th meeting\n31 March 2026*\n")
    paras = read_document(path).paragraphs
    assert [p.text for p in paras] == ["28. Invites the Secretary-General;", "¹ A/HRC/61/76.", "55th meeting",
                                       "31 March 2026"]
    runs = paras[0].runs
    assert [(r.text, r.italic, r.bold) for r in runs] == [
        ("28. ", False, False), ("Invites", True, False), (" the ", False, False),
        ("Secretary-General", False, True), (";", False, False)]
    assert all(r.italic for r in paras[2].runs) and all(r.italic for r in paras[3].runs)


def test_unbalanced_or_spaced_asterisks_stay_literal(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Footnote * here and 3 * 4 = 12\n\n*unclosed emphasis\n")
    assert [p.text for p in read_document(path).paragraphs] == ["Footnote * here and 3 * 4 = 12", "*unclosed emphasis"]


def test_sources_name_the_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n\nfirst\nsecond\n\n\nthird\n")
    assert [p.source for p in read_document(path).paragraphs] == ["line 3", "line 4", "line 7"]


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"   \n\n\t\n", "empty"),
    (bytes(range(256)) * 40, "binary"),
])
def test_refusals_name_the_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in info.value.message and reason in info.value.reason


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        read_document(tmp_path / "nope.txt")
