"""Printed documents: fonts, Chinese line breaking, the GB/T 9704 page and its parts (ReportLab).

No Qt here. The main entry points:

- :func:`app.documents.fonts.get_fonts` / :func:`~app.documents.fonts.fonts_in_use` /
  :func:`~app.documents.fonts.configure_fonts` — the font resolver;
- :class:`app.documents.builder.DocumentBuilder` — assemble and render a document;
- :mod:`app.documents.elements` — flowable factories (title, heading, body, addressee, …);
- :func:`app.documents.page.render_pdf` — lay flowables out on GB/T 9704 pages;
- :mod:`app.domain.formats` — dates, document numbers, Chinese numerals;
- :mod:`app.documents.tables`, :mod:`app.documents.charts` — tables and charts.
"""
