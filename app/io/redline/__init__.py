"""Lossless redline: the tracked-change .docx built on the documents themselves.

The adopted package is the output: its styles, numbering, sections, headers, comments, pictures and
everything else stay as they are. Each story (body, table cells, content controls, notes, headers and
footers) is woven: paragraphs and tables are paired in order, paired paragraphs are diffed atom by
atom (a word with its run properties, a tab, a picture, an equation, a whole field, a note reference),
and the draft's side comes back as revisions rebuilt from the draft's own XML (``w:del``, tracked
paragraph marks and table rows), with the parts it points at (pictures, links, notes, numbering and
styles) carried into the adopted package. See docs/lossless-redline.md.

Modules: ``accept`` (read an input's own revisions as accepted), ``atoms`` (a paragraph as content
atoms), ``pairing`` (in-order pairing of blocks and rows), ``weave`` (stories, paragraphs and tables
as tracked XML), ``runs`` (a paragraph pair's atoms diffed and written as runs), ``resources`` (draft
parts, notes, numbering and styles carried over), ``export`` (the package and the entry point).
"""
