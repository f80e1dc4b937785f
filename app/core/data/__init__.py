"""Data files of the engine (phrases_en_fr.tsv: evidence for opening phrases), read via Path(__file__)."""
