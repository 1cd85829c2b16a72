"""Demo content for Initiative K, built with the app factories (``load_demo_content``).

The content modules hold plain data (pages, people, events as dicts); ``builder`` turns
them into published pages. Projects, people and quotes are examples: the names are
fictional, the municipalities and the OZG catalogue are real reference data, and the
texts taken from codefor.de carry their source and licence.
"""
