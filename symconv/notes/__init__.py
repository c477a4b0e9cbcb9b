"""Lecture notes and slides: the seminar's material, built and verified by symconv.

- :mod:`.content`: the material as units (a title and blocks: text, formulas, figures,
  derivations), from the library and the derivation scripts;
- :mod:`.render`: units as an article and as a beamer deck, laid out to fit;
- :mod:`.layout`: the room a page and a frame have, the preamble's fitting macros, the title page;
- :mod:`.build`: verify every derivation, render, write atomically, compile with TeX;
- :mod:`.tex`: the TeX files a language needs, reproducible PDFs, runs until the contents settle.
"""
