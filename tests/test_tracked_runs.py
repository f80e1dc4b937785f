"""The runs and revision elements of the tracked export (app.io.revisions_xml): the XML ``make_run``
writes (other exports use it too), and the same XML made in place by ``add_run`` and ``Revisions.add``."""
from __future__ import annotations

from datetime import datetime, timezone

from lxml import etree

from app.core.model import Run
from app.io.revisions_xml import Revisions, add_run, make_run, new_element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WHEN = datetime(2026, 4, 3, 10, 30, tzinfo=timezone.utc)
FORMATS = [Run(""), Run("", bold=True), Run("", italic=True, underline=True),
           Run("", bold=True, italic=True, underline=True, superscript=True)]
TEXTS = ["Decides", "two\twords", "line\vbreak\nand\u2028more", "page\fbreak", "bad\x00\x01chars", "\t", ""]


def test_make_run_writes_formatting_text_and_breaks():
    r = make_run("A\tb\vc\fd\x00e", Run("", bold=True, underline=True, superscript=True), deleted=True)
    assert etree.tostring(r).decode() == (
        f'<w:r xmlns:w="{W_NS}"><w:rPr><w:b/><w:u w:val="single"/><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:delText xml:space="preserve">A</w:delText><w:tab/><w:delText xml:space="preserve">b</w:delText>'
        '<w:br/><w:delText xml:space="preserve">c</w:delText><w:br w:type="page"/>'
        '<w:delText xml:space="preserve">de</w:delText></w:r>')


def test_a_run_made_in_place_is_the_run_made_loose():
    for fmt in FORMATS:
        for text in TEXTS:
            for deleted in (False, True):
                loose, holder = new_element("w:p"), new_element("w:p")
                loose.append(make_run(text, fmt, deleted=deleted))
                add_run(holder, text, fmt, deleted=deleted)
                assert etree.tostring(holder) == etree.tostring(loose), (text, fmt, deleted)


def test_a_revision_made_in_place_is_the_wrapped_one_with_the_next_id():
    loose_rev, in_place_rev = Revisions("Reviewer", WHEN, 7), Revisions("Reviewer", WHEN, 7)
    loose, in_place = new_element("w:p"), new_element("w:p")
    for tag in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"):
        loose.append(loose_rev.wrap(tag, [make_run("x", deleted=tag == "w:del")]))
        add_run(in_place_rev.add(in_place, tag), "x", deleted=tag == "w:del")
    assert etree.tostring(in_place) == etree.tostring(loose)
    assert loose.find(f"{{{W_NS}}}ins").attrib == {f"{{{W_NS}}}id": "7", f"{{{W_NS}}}author": "Reviewer",
                                                   f"{{{W_NS}}}date": "2026-04-03T10:30:00Z"}
    assert in_place_rev.new_id() == loose_rev.new_id() == "11"


def test_the_date_stamp_follows_the_date():
    rev = Revisions("Reviewer", WHEN)
    assert rev.stamp == "2026-04-03T10:30:00Z"
    rev.date = datetime(2027, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert rev.stamp == "2027-01-02T03:04:05Z"
