"""Mutation testing of symconv: a catalogue of targeted mutants (:mod:`.catalogue`) and the
runner that applies each to a temporary copy of the checkout and runs the kill command
(:mod:`.runner`). Run it with ``python tests/mutation/run.py`` (``--help``)."""
