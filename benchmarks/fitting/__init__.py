"""The parts of ``fit_newsrank.py``: the cached views of the dev sets (``data.py``), the
fitters (``fitters.py``: logistic, ``listwise.py``, ``trees.py``)."""
