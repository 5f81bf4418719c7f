"""The parts of ``bench_storm.py``: the database, the trickle server and the write lock
(``data.py``), the quiet and storm chats (``load.py``), in process or through the
emulator (``drivers.py``)."""
