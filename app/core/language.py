"""Language of a document from its function words: enough to tell English, French and Spanish apart.

UN texts are long and formulaic, so counting a few dozen very frequent words is reliable and needs no
model; anything else is reported as "und" (undetermined) and compared as same-language.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in for on with by that its this from which all as be are is at or its "
                    "their other including also further welcomes recalling calls upon".split()),
    "fr": frozenset("le la les des du de et à en dans pour sur par que qui une un au aux est sont ses leur "
                    "avec ainsi notamment également rappelant demande".split()),
    "es": frozenset("el la los las del de y en para con por que una un al es son sus su como también "
                    "recordando pide sobre entre".split()),
    "de": frozenset("der die das und zu den von mit für auf ist nicht ein eine dem des sich".split()),
}
MIN_HITS = 5


def detect_language(texts: Iterable[str], sample_chars: int = 40000) -> str:
    counts: Counter[str] = Counter()
    seen = 0
    for text in texts:
        for word in _WORDS.findall(text.lower()):
            word = word.replace("’", "'")
            base = word.split("'", 1)[-1] if "'" in word else word
            for lang, words in STOPWORDS.items():
                if word in words or base in words:
                    counts[lang] += 1
        seen += len(text)
        if seen > sample_chars:
            break
    if not counts:
        return "und"
    (best, hits), *rest = counts.most_common(2) + [("und", 0)]
    runner_up = rest[0][1] if rest else 0
    if hits < MIN_HITS or hits < 1.3 * runner_up:
        return "und"
    return best
