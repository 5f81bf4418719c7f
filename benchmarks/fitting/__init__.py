"""The parts of ``fit_newsrank.py``: the cached views of the dev sets (``data.py``), their
articles ready to fit, folds and scoring (``views.py``), leave one outlet out
(``outlets.py``), the fitters (``fitters.py``: logistic, ``listwise.py``, ``trees.py``)
and candidate features (``candidates.py``)."""
