"""The clinical engine: plain Python, standard library only, no web imports.

Its only I/O is reading the knowledge files shipped in ``radiculog/knowledge``.
"""
