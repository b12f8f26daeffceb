"""Skills named in a posting, as canonical names from the taxonomy in ``data/skills.json``.

``extract_skills(text)`` returns the names most mentioned first (ties: first mention first).
How it reads a posting:

* **Tokens.** One ``re.split`` cuts the text into word tokens (``C#``, ``C++``, ``.NET``,
  ``Security+`` stay whole) and keeps the separator in front of each. camelCase is cut too
  (``PyTorch`` -> ``py torch``, glued ``OfficeStrong`` -> ``office strong``). Aliases are cut the
  same way, so both sides always agree. URLs and e-mail addresses are blanked first.
* **Index.** Built once, lazily: a trie over token tuples holding every alias plus variants:
  adjacent tokens glued (``fine tuning`` -> ``finetuning``, ``visionlanguage models``) and the
  last token in singular and plural. The scan is greedy longest-match, left to right; a
  multi-token alias never spans a comma or a sentence break.
* **Typos.** A long token not in the vocabulary (``compter``, ``vison``) is mapped to the one
  word an edit away (deletion neighbourhood) among the building blocks of multi-word aliases,
  only where the result pairs with its neighbour as in some alias. A fixed token counts only
  inside a multi-word match, at most one per match.
* **Context.** Aliases that are ordinary words (``Go``, ``Spark``, ``Excel``, ``Word``) and a few
  abbreviations (``CV``, ``PR``) count only in a skill context: a cue before them ("experience
  with", "using", "languages:", "e.g."), a cue after them ("programming", "developer",
  "skills"), a list neighbour of the same domain that is itself a skill ("Python, Go and
  Rust"), or their own casing mid-sentence near a plain skill of the same domain. A cue counts
  only if the posting names another skill of that domain. Short aliases keep their case (``ML``
  not ``ml``, ``R`` not ``r``); none may be glued into a bigger word (``R&D``, ``C-suite``,
  ``go-getter``).
* **Acronyms.** An acronym in parentheses right after a match whose initials it spells
  ("Self-Supervised Learning (SSL)") is one more mention of that skill.
* **Where a name stands.** A name opened inside a hyphenated word ("cutting-edge AI"), a practice's
  person noun in the plural ("work with copywriters") and a name the posting writes as a company's
  ("Canvas Inc.", "Dropbox's team") are not skills asked for.
* **Paraphrases.** A practice named object + action ("Invoice Processing") also counts where a duty
  writes the action done to the object ("process invoices", "processing of invoices"), with verbs
  derived from the names' own last words.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import compress, pairwise, product
from pathlib import Path
from typing import Any, NamedTuple

DATA_FILE = Path(__file__).resolve().parent / "data" / "skills.json"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Longest alias, in tokens, whose every split is also indexed; longer ones get single joins only.
_FULL_JOIN_MAX = 4
# Typo tolerance applies to tokens of MIN..MAX letters, towards words of at least TARGET letters.
_TYPO_MIN_LEN = 5
_TYPO_MAX_LEN = 30
_TYPO_TARGET_LEN = 6

# ASCII word characters: a little faster, and non-ASCII letters become separators on both sides
# (aliases are cut the same way), with such a separator counted as glue for ambiguous words.
_TOKEN_RE = re.compile(r"(\w+(?:(?:\+\+|\+|#)(?!\w))?)", re.ASCII)
# An upper-case letter right after a lower-case one. Written capital-first so the regex engine can
# skip quickly to the (rare) capitals.
_CAMEL_RE = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_LINK_RE = re.compile(r"://|www\.|@")
_BREAK_RE = re.compile(r"\n|[.!?](?:\s|$)")
# Separators a multi-token alias may span: spaces, hyphens, slashes, '&', apostrophes, markdown.
_JOIN_CHARS = frozenset(" \t\u00a0-\u2010\u2011\u2012\u2013/&'\u2019_*\\+\x00")
# Separators allowed between two items of a list.
_LIST_GAP_RE = re.compile(r"[\s,/&|()\[\]+;*\u2022\u00b7\u2013\u2014\\-]*")
# Separators that glue an ambiguous word into a bigger one: R&D, C-suite, go-getter, GoTu.
_GLUE_GAPS = frozenset(["", "\x00", "-", "\\-", "&", "'", "\u2019", ".", "\u2010", "\u2011"])

# Abbreviations of non-ambiguous skills that also mean something else (a CV is a resume, a PR is
# a pull request, AP is an exam, ABA a bar association, EMR also Amazon's Elastic MapReduce, NPS a
# respiratory-therapy credential, CRO a contract research organisation): they need the same context
# as ambiguous words.
_CONTEXT_ABBREVIATIONS = frozenset(["cv", "pr", "ap", "ar", "aba", "emr", "msk", "xp", "nps", "cro"])
# Ambiguous words that are verbs or adjectives in ordinary prose (which writes them in lower case,
# in German too): written with their capital in the middle of a sentence, they are the skill.
_CAPITAL_MEANS_SKILL = frozenset(["react", "express", "swift", "rust", "spark", "excel"])
# Words after a mention that make it the name of a team or a function, not a skill asked for
# ("work with the Product Management team", "partner with UX designers").
_TEAM_WORDS = _words(
    "team teams department departments org orgs organization organisation function functions group groups "
    "leaders leadership partners stakeholders counterparts colleagues"
)
_ROLE_WORDS = _words(
    "manager managers designer designers researcher researchers specialist specialists professional "
    "professionals staff recruiter recruiters director directors lead leads officer officers"
)
# Words right before a mention that say the job does without it.
# ("non-medical billing", "non-relational databases": the prefix says the skill is not it.)
_NEGATIONS = _words("without ohne sans sin zonder sem non")
# A few very common German words: in German prose every noun has a capital, so "Teams" or "Word"
# with a capital says nothing.
_GERMAN_WORDS = _words("und der die das mit für wir sie ist du ihr bei von zu auf ein eine den dem des sich")
# All-caps aliases of up to 4 letters must be upper case in the text (SAN, STEM, SOAP vs san,
# stem, soap), except these, which postings often write in lower case.
_LOWERCASE_OK = _words(
    "sql aws gcp php css scss html http json yaml yml api apis etl elt nlp llm llms seo crm erp jwt npm "
    "vpn dns hvac ios jax bert cuda onnx nltk wasm"
)

_CUE_BEFORE = _words(
    "using use uses used experience experienced expertise proficient proficiency skilled skills "
    "knowledge familiar familiarity languages language frameworks framework libraries library "
    "stack technologies tools platforms including include includes such written coded coding "
    "programming scripting develop developing fluent fluency bilingual speak speaking "
    "understanding background command level operate operating "
    # the same cues in German, French, Spanish, Dutch, Portuguese (diacritics folded)
    "kenntnisse erfahrung umgang beherrschst beherrschen sicherer maitrise connaissance connaissances "
    "experiencia conocimientos conocimiento manejo dominio ervaring kennis experiencia conhecimento "
    "conhecimentos dominio tools"
)
# Cues too common to vouch for a word written in lower case ("use or access our site").
_WEAK_CUES = _words("using use uses used including include includes such develop developing written")
_CUE_AFTER = _words(
    "programming language languages framework frameworks library libraries developer developers "
    "engineer engineers development code codebase experience skills knowledge proficiency expertise "
    "script scripts scripting spreadsheet spreadsheets macros formulas vlookup pivot applications "
    "apps components hooks cluster clusters jobs pipelines sdk api apis ecosystem stack "
    "certification certified fluency speaker speakers speaking teacher teaching instruction "
    "interpreter interpreters translator translation communication written spoken level"
)
# Words that may sit between a cue and the skill, or between two skills of a list.
_FILLERS = _words(
    "the a an and or as such like well other modern strong solid good excellent advanced basic "
    "working hands on with in of at least one more plus similar equivalent etc e g ie i is are "
    "preferred required bonus ideally also nor both either including languages tools frameworks "
    "native fluent microsoft ms office products suite software programs applications systems "
    "wie und oder mit dem der die den im in von sowie gangigen gangige guten gute sehr z b "
    "et ou de du des la le les en y o el los con e da do das dos em en het een met van of"
)
_TECH_CATEGORIES = frozenset(
    [
        "Programming Languages",
        "Web Development",
        "Backend & APIs",
        "Mobile Development",
        "Databases",
        "Data Engineering",
        "Data Science & Analytics",
        "Business Intelligence",
        "Machine Learning & AI",
        "Cloud Computing",
        "Enterprise Software",
        "DevOps & Infrastructure",
        "Operating Systems",
        "Security",
        "Networking",
        "Software Engineering",
        "Embedded & Hardware",
        "Game Development",
    ]
)
# Other coarse domains; any category not named here is a domain of its own.
_DOMAINS = {
    "Engineering": "physical",
    "Trades & Construction": "physical",
    "Operations & Supply Chain": "physical",
    "Marketing": "business",
    "Sales": "business",
    "Finance & Accounting": "business",
    "Human Resources": "business",
    "Legal & Compliance": "business",
    "Project & Product Management": "business",
}
# Skills that go with any domain.
_LANGUAGES = "Spoken Languages"
_OFFICE = "Office & Productivity"
_UNIVERSAL = frozenset([_OFFICE, _LANGUAGES])
_LIST_WORDS = _words("and or as well plus etc also nor und oder sowie et ou y o e en")
# Words after or before an ambiguous word that show it is not the skill.
_BLOCK_NEXT: dict[str, frozenset[str]] = {
    "go": _words(
        "to live getter ahead back beyond above out through into forward over far up down off on "
        "for after get make see pick beyond along around away the a an"
    ),
    "c": _words("level suite corp class grade section store stores team corporation"),
    "excel": _words("in at as with by"),
    "react": _words("to quickly swiftly promptly appropriately calmly positively well accordingly"),
    "swift": _words("response action delivery resolution turnaround decisions"),
    "spark": _words("joy innovation creativity curiosity change interest conversations ideas"),
    "express": _words("interest yourself concerns ideas themselves gratitude"),
    "rust": _words("prevention removal proofing inhibitor"),
}
# Prepositions a verb cannot follow ("to" can, so it is not one of them).
_NOUN_PREPOSITIONS = _words("in using with of via into from within")
# Ways of working that a team is named after ("cross-functional Scrum teams"): the practice is
# asked of the candidate, unlike "the Product Management team".
_TEAM_PRACTICES = _words("scrum kanban safe xp")
_BLOCK_PREV: dict[str, frozenset[str]] = {
    "go": _words("to let ready will can must should we you i they may might could"),
    "c": _words("vitamin grade class type section level plan tier"),
    "r": _words("type grade"),
    # "PCI Express", "American Express": a bus and a card, not the web framework.
    "express": _words("pci american"),
}


@dataclass(frozen=True, slots=True)
class SkillEntry:
    """One skill of the taxonomy."""

    name: str
    aliases: tuple[str, ...]
    category: str
    ambiguous: bool
    # An umbrella domain or generic practice: read (so it stops shorter matches), never reported.
    umbrella: bool = False


class _Alias(NamedTuple):
    skill: int
    needs_context: bool
    # All tokens single letters ("A/P", "P&L", "M&A"): the text must join them without spaces.
    tight: bool
    # For short aliases: the casing the text must show (or its upper case).
    case_form: str | None
    # The alias as written, for the "own casing mid-sentence" context rule.
    written: str
    priority: int
    # Token positions where the alias, written as one word, is cut at a capital ("InDesign"): the
    # text must glue the parts there the same way, or "in design" would be the tool.
    camel: tuple[int, ...] = ()


class _Match(NamedTuple):
    start: int
    end: int
    alias: _Alias


# A trie node: [number of the alias ending here or _NO_ALIAS, {next token: node}]. Plain lists,
# dicts and numbers, so the whole index loads with ``marshal`` in a few milliseconds.
_Node = list[Any]
_NO_ALIAS = -1


@dataclass(slots=True)
class _Index:
    entries: tuple[SkillEntry, ...]
    trie: dict[str, _Node]
    aliases: list[_Alias]
    vocab: frozenset[str]
    # Adjacent token pairs of multi-word aliases: a typo is fixed only into one of these.
    bigrams: frozenset[tuple[str, str]]
    typo_exact: frozenset[str]
    typo_deletions: dict[str, str]
    # Keys two skills share, told apart by case ("dbt" the tool, "DBT" the therapy): the skill
    # meant when the text writes the key in capitals.
    upper_alternates: dict[tuple[str, ...], _Alias]
    # Typo look-ups already made: every word looked at, and the fixes found.
    typo_seen: set[str] = field(default_factory=set)
    fixes: dict[str, str] = field(default_factory=dict)
    fix_words: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------------------- tokens


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics to their base letters ("ä" -> "a", "ß" -> "ss")."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    for char, base in {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O"}.items():
        table[ord(char)] = base
    for char, base in {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}.items():
        table[ord(char)] = base
    return table


# Folded on both sides, so "Französisch", "español" or "Qualitätskontrolle" match as written.
_FOLD = _fold_table()
# The table maps only non-ASCII letters, and str.translate with a dict walks every character of the
# text: translating just the non-ASCII runs gives the same text several times faster.
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(_FOLD)


def _split_tokens(text: str) -> tuple[list[str], list[str], list[str]]:
    """Return (tokens as written, lower-cased tokens, separators).

    ``gaps[k]`` is the separator in front of token ``k``; ``gaps[len(tokens)]`` is the tail.
    A camelCase boundary becomes the separator "\\x00" (glued, like no separator at all).
    """
    if not text.isascii():
        text = _NON_ASCII_RE.sub(_fold_run, text)
    if "_" in text:
        text = text.replace("_", " ")
    cuts = [m.start() for m in _CAMEL_RE.finditer(text)]
    if cuts:
        bounds = [0, *cuts, len(text)]
        text = "\x00".join([text[a:b] for a, b in pairwise(bounds)])
    parts = _TOKEN_RE.split(text)
    toks = parts[1::2]
    gaps = parts[0::2]
    lows = "\x01".join(toks).lower().split("\x01")
    if len(lows) != len(toks):  # a case mapping that changed the separator count (never seen)
        lows = [t.lower() for t in toks]
    if ".NET" in text or ".net" in text or ".Net" in text:
        for i in [i for i, low in enumerate(lows) if low == "net"]:
            gap = gaps[i]
            # ".NET" (leading dot) is its own token; "ASP.NET" stays "asp net".
            if gap.endswith(".") and (i == 0 or len(gap) > 1):
                lows[i] = ".net"
    if not toks:
        lows = []
    return toks, lows, gaps


def _strip_links(text: str) -> str:
    """Blank out URLs and e-mail addresses (their path words are not skills)."""
    out: list[str] = []
    last = 0
    end = len(text)
    for m in _LINK_RE.finditer(text):
        a = m.start()
        if a < last:
            continue
        while a > last and not text[a - 1].isspace():
            a -= 1
        b = m.end()
        while b < end and not text[b].isspace():
            b += 1
        out.append(text[last:a])
        out.append(" ")
        last = b
    out.append(text[last:])
    return "".join(out)


def normalize_phrase(phrase: str) -> tuple[str, ...]:
    """The token tuple a phrase is indexed under (the same cutting the text goes through)."""
    return tuple(_split_tokens(phrase)[1])


# ------------------------------------------------------------------------------------ taxonomy


def load_taxonomy(path: Path = DATA_FILE) -> tuple[SkillEntry, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        SkillEntry(
            name=item["name"],
            aliases=tuple(item.get("aliases", ())),
            category=item["category"],
            ambiguous=bool(item.get("ambiguous", False)),
            umbrella=bool(item.get("umbrella", False)),
        )
        for item in raw
    )


def _fold(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


def _needs_context(entry: SkillEntry, key: tuple[str, ...]) -> bool:
    if len(key) != 1:
        return False
    token = key[0]
    if token in _CONTEXT_ABBREVIATIONS:
        return True
    if not entry.ambiguous or not token.isalpha():
        return False
    return _fold(token) in {_fold(t) for t in normalize_phrase(entry.name)}


def _mixed_case(word: str) -> bool:
    return not (word.islower() or word.isupper() or word.istitle())


def _case_form(entry: SkillEntry, written: str, key: tuple[str, ...]) -> str | None:
    if len(key) != 1:
        return None
    letters = written.replace(".", "")
    if not letters.isalpha():
        return None
    if entry.ambiguous and _mixed_case(letters):
        return letters  # "SAFe" (the framework) but not "safe"
    if len(letters) <= 2:
        return letters
    if len(letters) <= 4 and letters.isupper() and key[0] not in _LOWERCASE_OK:
        return letters
    return None


def _plural_variants(token: str) -> list[str]:
    if not token.isalpha() or len(token) < 3:
        return []
    if token.endswith("ies") and len(token) > 4:
        return [token[:-3] + "y"]
    if token.endswith("s"):
        # "-ics" nouns (electronics, robotics) have adjectives, not singulars.
        if len(token) >= 5 and not token.endswith(("ss", "us", "is", "as", "os", "ics")):
            return [token[:-1]]
        return []
    if token.endswith("y") and len(token) > 3 and token[-2] not in "aeiou":
        return [token[:-1] + "ies"]
    if token.endswith(("x", "ch", "sh")):
        return [token + "es"]
    return [token + "s"]


# The practice a phrase names by its gerund, also written by the thing it makes ("integration
# tests", "cost estimates", "financial models", "shell scripts"). Only gerunds whose object names
# the practice: not "marketing" / "markets", nor "scheduling" ("shift schedule" is the job's hours).
_GERUND_OBJECTS: dict[str, tuple[str, ...]] = {
    "testing": ("test", "tests"),
    "modeling": ("model", "models"),
    "modelling": ("model", "models"),
    "reporting": ("report", "reports"),
    "forecasting": ("forecast", "forecasts"),
    "costing": ("costs",),
    "estimating": ("estimate", "estimates"),
    "budgeting": ("budget", "budgets"),
    "auditing": ("audits",),
    "mapping": ("map", "maps"),
    "scripting": ("scripts",),
    "prototyping": ("prototypes",),
}


def _object_forms(key: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """A multi-word alias ending in such a gerund, written with its object instead."""
    if len(key) > 1:
        for noun in _GERUND_OBJECTS.get(key[-1], ()):
            yield (*key[:-1], noun)


def _joined_variants(key: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every way of gluing adjacent tokens together (lost spaces and hyphens)."""
    n = len(key)
    if n < 2:
        return
    if n <= _FULL_JOIN_MAX:
        for glue in product((False, True), repeat=n - 1):
            if not any(glue):
                continue
            out = [key[0]]
            for tok, g in zip(key[1:], glue, strict=True):
                if g:
                    out[-1] += tok
                else:
                    out.append(tok)
            # A short lone token made by gluing ("M&A" -> "ma") would match too much.
            if len(out) > 1 or len(out[0]) >= 4:
                yield tuple(out)
    else:
        for i in range(n - 1):
            yield (*key[:i], key[i] + key[i + 1], *key[i + 2 :])
        yield ("".join(key),)


def case_distinct(a: str, b: str) -> bool:
    """Whether two writings of one key are told apart by case (one all capitals, one not)."""
    return a.isupper() != b.isupper()


def _deletions(word: str) -> Iterator[str]:
    for i in range(len(word)):
        yield word[:i] + word[i + 1 :]


def _build_index(entries: tuple[SkillEntry, ...]) -> _Index:
    phrases: dict[tuple[str, ...], _Alias] = {}
    contested: set[tuple[str, ...]] = set()
    typo_counts: Counter[str] = Counter()
    upper_alternates: dict[tuple[str, ...], _Alias] = {}

    def add(key: tuple[str, ...], alias: _Alias) -> None:
        if not key or key in contested:
            return
        old = phrases.get(key)
        if old is None or alias.priority < old.priority:
            phrases[key] = alias
        elif alias.priority == old.priority == 0 and case_distinct(old.written, alias.written):
            upper, other = (old, alias) if old.written.isupper() else (alias, old)
            phrases[key] = other
            upper_alternates[key] = upper
        elif alias.priority == old.priority and old.skill != alias.skill:
            # Two skills claim the same variant: neither gets it.
            del phrases[key]
            contested.add(key)

    for idx, entry in enumerate(entries):
        for written in (entry.name, *entry.aliases):
            key = normalize_phrase(written)
            if not key:
                continue
            form = _case_form(entry, written, key)
            # A distinctive casing ("SAFe") is context enough.
            needs = _needs_context(entry, key) and not (form is not None and _mixed_case(form))
            tight = len(key) > 1 and all(len(t) == 1 for t in key)
            written_gaps = _split_tokens(written)[2]
            camel = tuple(k for k in range(1, len(key)) if written_gaps[k] == "\x00")
            base = _Alias(idx, needs, tight, form, written, 0, camel)
            add(key, base)
            if len(key) > 1:
                typo_counts.update(t for t in set(key) if t.isalpha() and len(t) >= _TYPO_MIN_LEN)
            if len(key) > 1 or not (needs or base.case_form):
                for plural in _plural_variants(key[-1]):
                    # One word made singular is often another word ("vitals" -> "vital").
                    if len(key) == 1 and len(plural) < len(key[0]):
                        continue
                    add((*key[:-1], plural), base._replace(priority=1))
                    for joined in _joined_variants((*key[:-1], plural)):
                        add(joined, base._replace(priority=2, camel=()))
            for joined in _joined_variants(key):
                add(joined, base._replace(priority=2, camel=()))
            for noun_form in _object_forms(key):
                add(noun_form, base._replace(priority=1, camel=()))

    trie: dict[str, _Node] = {}
    vocab: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    aliases: list[_Alias] = []
    alias_number: dict[_Alias, int] = {}
    for key, alias in phrases.items():
        node = trie.get(key[0])
        if node is None:
            node = trie[key[0]] = [_NO_ALIAS, {}]
        for tok in key[1:]:
            child = node[1].get(tok)
            if child is None:
                child = node[1][tok] = [_NO_ALIAS, {}]
            node = child
        number = alias_number.get(alias)
        if number is None:
            number = alias_number[alias] = len(aliases)
            aliases.append(alias)
        node[0] = number
        vocab.update(key)
        bigrams.update(pairwise(key))

    # Typos are fixed towards the building blocks of multi-word aliases ("vision", "learning",
    # "neural"): words in two aliases or more that are not skills on their own (not "spark").
    typo_words = {
        w for w, c in typo_counts.items() if c >= 2 and len(w) >= _TYPO_TARGET_LEN and (w,) not in phrases
    }
    deletions: dict[str, str] = {}
    clashes: set[str] = set()
    for word in typo_words:
        for d in _deletions(word):
            if d in clashes:
                continue
            prev = deletions.get(d)
            if prev is None:
                deletions[d] = word
            elif prev != word:
                del deletions[d]
                clashes.add(d)
    return _Index(
        entries=entries,
        trie=trie,
        aliases=aliases,
        vocab=frozenset(vocab),
        bigrams=frozenset(bigrams),
        typo_exact=frozenset(typo_words),
        typo_deletions=deletions,
        upper_alternates=upper_alternates,
    )


# The built index, saved by ``python -m parsing.data.build_skills`` beside skills.json: loading it
# takes a few milliseconds where building takes a few hundred. It is used only when it was built
# from the same skills.json by the same Python (marshal's format is per version).
INDEX_FILE = DATA_FILE.with_name("skills_index.marshal")
_INDEX_FORMAT = 1


def _taxonomy_digest(path: Path = DATA_FILE) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _index_state(index: _Index, digest: str) -> tuple[Any, ...]:
    return (
        _INDEX_FORMAT,
        tuple(sys.version_info[:2]),
        digest,
        [tuple(getattr(e, f.name) for f in fields(SkillEntry)) for e in index.entries],
        index.trie,
        [tuple(a) for a in index.aliases],
        index.vocab,
        index.bigrams,
        index.typo_exact,
        index.typo_deletions,
        {key: tuple(a) for key, a in index.upper_alternates.items()},
    )


def save_index(path: Path = INDEX_FILE, data_file: Path = DATA_FILE) -> None:
    """Build the index from ``data_file`` and save it where ``_index`` looks first."""
    index = _build_index(load_taxonomy(data_file))
    path.write_bytes(marshal.dumps(_index_state(index, _taxonomy_digest(data_file))))


def saved_index_is_current(path: Path = INDEX_FILE, data_file: Path = DATA_FILE) -> bool:
    return _load_saved(path, _taxonomy_digest(data_file)) is not None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector off (and back on after, if it was on).

    The index and the tables built from it are a few hundred thousand containers: the collector has
    nothing to find in them and would otherwise walk them several times while they load or build."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load_saved(path: Path, digest: str) -> _Index | None:
    if not path.exists():
        return None
    with _collector_paused():
        return _read_saved(path, digest)


def _read_saved(path: Path, digest: str) -> _Index | None:
    try:
        state = marshal.loads(path.read_bytes())
        fmt, version, saved_digest, entries, trie, aliases, vocab, bigrams, exact, deletions, upper = state
        if fmt != _INDEX_FORMAT or tuple(version) != tuple(sys.version_info[:2]) or saved_digest != digest:
            return None
        return _Index(
            entries=tuple(SkillEntry(*e) for e in entries),
            trie=trie,
            aliases=[_Alias(*a) for a in aliases],
            vocab=vocab,
            bigrams=bigrams,
            typo_exact=exact,
            typo_deletions=deletions,
            upper_alternates={key: _Alias(*a) for key, a in upper.items()},
        )
    except (ValueError, EOFError, TypeError):
        return None


@lru_cache(maxsize=1)
def _index() -> _Index:
    saved = _load_saved(INDEX_FILE, _taxonomy_digest())
    if saved is not None:
        return saved
    with _collector_paused():
        return _build_index(load_taxonomy())


def taxonomy() -> tuple[SkillEntry, ...]:
    """The taxonomy the extractor uses (loaded once)."""
    return _index().entries


# ---------------------------------------------------------------------------------- matching


def _correct(index: _Index, token: str) -> str | None:
    """The vocabulary word one edit away from ``token``, if there is exactly one."""
    # A letter missing or a letter too many first; a changed or swapped letter only failing those.
    near: set[str] = set()
    far: set[str] = set()
    hit = index.typo_deletions.get(token)
    if hit is not None:
        near.add(hit)
    for d in _deletions(token):
        if d in index.typo_exact:
            near.add(d)
        hit = index.typo_deletions.get(d)
        if hit is not None and len(hit) == len(token):
            far.add(hit)
    found = near or far
    if len(found) != 1:
        return None
    fix = found.pop()
    # Real typos keep the first letter and sit inside the word; an edit at the very end is
    # usually another word form (healthy/health, creating/creation, vendors/vendor).
    prefix = 0
    for a, b in zip(token, fix, strict=False):
        if a != b:
            break
        prefix += 1
    return fix if 0 < prefix < max(len(token), len(fix)) - 2 else None


_join_cache: dict[str, bool] = {}
_break_cache: dict[str, bool] = {}


def _joinable(gap: str) -> bool:
    if gap == " " or gap == "\x00" or gap == "-":
        return True
    ok = _join_cache.get(gap)
    if ok is None:
        ok = "\n" not in gap and (set(gap) <= _JOIN_CHARS or gap == ".")
        _join_cache[gap] = ok
    return ok


def _is_break(gap: str) -> bool:
    if gap == " ":
        return False
    b = _break_cache.get(gap)
    if b is None:
        b = _BREAK_RE.search(gap) is not None
        _break_cache[gap] = b
    return b


def _walk(index: _Index, lows: list[str], gaps: list[str], i: int, node: _Node) -> list[tuple[int, _Alias]]:
    """Every alias starting at token ``i`` (shortest first), following the trie from ``node``."""
    aliases = index.aliases
    hits = [] if node[0] == _NO_ALIAS else [(i + 1, aliases[node[0]])]
    n = len(lows)
    k = i + 1
    children = node[1]
    while children and k < n:
        child = children.get(lows[k])
        if child is None:
            break
        gap = gaps[k]
        if gap != " " and not _joinable(gap):
            break
        k += 1
        if child[0] != _NO_ALIAS:
            hits.append((k, aliases[child[0]]))
        children = child[1]
    return hits


def _pick_with_typos(
    i: int, hits: list[tuple[int, _Alias]], corrected: set[int]
) -> tuple[int, _Alias] | None:
    """The longest hit a corrected token may stand in: multi-word, one correction, no context needed."""
    while hits:
        end, alias = hits.pop()
        fixed = sum(1 for j in range(i, end) if j in corrected)
        if fixed == 0 or (end - i >= 2 and fixed == 1 and not alias.needs_context):
            return end, alias
    return None


def _scan(
    index: _Index, toks: list[str], lows: list[str], gaps: list[str], corrected: set[int]
) -> list[_Match]:
    """Greedy longest match, left to right, walking the trie from each token that starts an alias."""
    trie = index.trie
    alternates = index.upper_alternates
    out: list[_Match] = []
    free = 0
    n = len(lows)
    nodes = list(map(trie.get, lows))
    for i in compress(range(n), nodes):
        if i < free:
            continue
        node = nodes[i]
        assert node is not None
        # Most starts end at once ("the", "data" not followed by an alias word): no walk for them.
        children = node[1]
        if children and i + 1 < n and lows[i + 1] in children:
            hits = _walk(index, lows, gaps, i, node)
            if not hits:
                continue
            end, alias = hits.pop()
        elif node[0] == _NO_ALIAS:
            continue
        else:
            hits = []
            end, alias = i + 1, index.aliases[node[0]]
        if corrected and not corrected.isdisjoint(range(i, end)):
            picked = _pick_with_typos(i, [*hits, (end, alias)], corrected)
            if picked is None:
                continue
            end, alias = picked
        if alternates:
            key = tuple(lows[i:end])
            if key in alternates and "".join(toks[i:end]).isupper():
                alias = alternates[key]
        out.append(_Match(i, end, alias))
        free = end
    return out


def _lookup(index: _Index, key: Sequence[str]) -> _Alias | None:
    node = index.trie.get(key[0])
    for token in key[1:]:
        if node is None or not node[1]:
            return None
        node = node[1].get(token)
    if node is None or node[0] == _NO_ALIAS:
        return None
    return index.aliases[node[0]]


def _shared_words(index: _Index, lows: list[str], gaps: list[str], matches: list[_Match]) -> list[_Match]:
    """Add the skills a coordination names by sharing words with a skill beside it.

    "unit and integration testing", "email and social media marketing" share the head of the
    skill after them; "accounts payable and receivable" the first word of the skill before them.
    """
    taken = {k for m in matches for k in range(m.start, m.end)}
    added: list[_Match] = []
    for m in matches:
        if m.end - m.start < 2 or m.alias.tight or m.alias.camel:
            continue
        # Most multi-word skills stand alone: only look further beside a coordinating word or sign.
        start, end = m.start, m.end
        if not (
            (start >= 2 and lows[start - 1] in _COORDINATORS)
            or gaps[start].strip() in ("/", "&")
            or (end + 1 < len(lows) and lows[end] in _COORDINATORS)
            or (end < len(lows) and gaps[end].strip() in ("/", "&"))
        ):
            continue
        words = lows[start:end]
        # Modifiers before: "unit[,] and integration testing", "unit/integration testing".
        k = start
        for step in range(3):
            # A list comma only continues a coordination ("unit, integration and e2e testing"):
            # on its own it joins items that each stand whole ("design systems, accessibility").
            before = _coordinated(lows, gaps, k, -1, comma=step > 0)
            if (
                before is None
                or before in taken
                or lows[before] in _HEAD_NOUNS
                or _lookup(index, [lows[before]]) is not None
            ):
                break
            for tail in range(1, len(words)):
                alias = _lookup(index, [lows[before], *words[-tail:]])
                if alias is not None and not alias.tight and not alias.camel:
                    added.append(_Match(before, before + 1, alias))
                    taken.add(before)
                    break
            k = before
        # A last word after: "accounts payable and receivable".
        after = _coordinated(lows, gaps, m.end - 1, 1)
        if after is not None and after not in taken and _lookup(index, [lows[after]]) is None:
            alias = _lookup(index, [*words[:-1], lows[after]])
            if alias is not None and not alias.tight and not alias.camel:
                added.append(_Match(after, after + 1, alias))
                taken.add(after)
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda m: m.start)


def _coordinated(lows: list[str], gaps: list[str], k: int, step: int, comma: bool = False) -> int | None:
    """The token joined to token ``k`` by "and", "or", "&", "/" (or a list comma), left or right."""
    if step < 0:
        # ", and" closes a list of whole items unless a comma chain is already running.
        joined = gaps[k - 1] == " " or (comma and gaps[k - 1].strip() == ",") if k >= 1 else False
        if k >= 2 and lows[k - 1] in _COORDINATORS and gaps[k] == " " and joined:
            return k - 2
        if k >= 1 and gaps[k].strip() in (("/", "&", ",") if comma else ("/", "&")):
            return k - 1
        return None
    n = len(lows)
    if k + 2 < n and lows[k + 1] in _COORDINATORS and gaps[k + 1] == " " and gaps[k + 2] == " ":
        return k + 2
    if k + 1 < n and gaps[k + 1].strip() in ("/", "&"):
        return k + 1
    return None


_COORDINATORS = _words("and or und oder et ou y o e en")
# Words that end a phrase of their own ("procedure development and file management"), so they do
# not modify the skill after them.
_HEAD_NOUNS = _words(
    "development management design analysis engineering testing marketing planning operations support "
    "services systems system processes process skills experience"
)


def _apply_typos(index: _Index, lows: list[str], gaps: list[str]) -> set[int]:
    """Replace near-misses of multi-word alias tokens ("compter vision"); return their positions."""
    unknown = set(lows) - index.vocab
    seen = index.typo_seen
    fixes = index.fixes
    # A binary set difference walks the small left-hand set.
    for word in unknown - seen:
        fix = (
            _correct(index, word) if _TYPO_MIN_LEN <= len(word) <= _TYPO_MAX_LEN and word.isalpha() else None
        )
        if len(seen) > 200_000:  # bound the memory a long-running bot spends on this
            seen.clear()
        seen.add(word)
        if fix is not None:
            fixes[word] = fix
            index.fix_words.add(word)
    found = unknown & index.fix_words
    if not found:
        return set()
    bigrams = index.bigrams
    n = len(lows)
    fixed: set[int] = set()
    for k in compress(range(n), map(found.__contains__, lows)):
        fix = fixes[lows[k]]
        left = k > 0 and (lows[k - 1], fix) in bigrams and _joinable(gaps[k])
        right = k + 1 < n and (fix, lows[k + 1]) in bigrams and _joinable(gaps[k + 1])
        if left or right:
            lows[k] = fix
            fixed.add(k)
    return fixed


def _acceptable_case(alias: _Alias, toks: list[str], m: _Match) -> bool:
    form = alias.case_form
    if form is None:
        return True
    written = "".join(toks[m.start : m.end])
    if written == form:
        return True
    return not _mixed_case(form) and written.isupper() and written == form.upper()


def _glued(m: _Match, toks: list[str], gaps: list[str]) -> bool:
    n = len(toks)
    before = gaps[m.start] if m.start > 0 else " "
    after = gaps[m.end] if m.end < n else " "
    if after == "." and _lost_break(toks[m.end - 1], toks[m.end]):
        after = " "
    return _is_glue(before) or _is_glue(after)


def _lost_break(word: str, following: str) -> bool:
    """ "and excel.Essential duties": a paste that lost its line break, not a dotted name (.NET)."""
    return word.islower() and following[:1].isupper() and following[1:].islower() and len(following) > 2


def _is_glue(gap: str) -> bool:
    return gap in _GLUE_GAPS or any(c.isalnum() for c in gap)


def _letter_chain(m: _Match, lows: list[str], gaps: list[str]) -> bool:
    """A single letter tied to another single letter ("A/E/C", "Q&A"): an abbreviation, not C or R."""
    n = len(lows)
    before = m.start > 0 and len(lows[m.start - 1]) == 1 and not _has_space(gaps[m.start])
    after = m.end < n and len(lows[m.end]) == 1 and not _has_space(gaps[m.end])
    return before or after


def _has_space(gap: str) -> bool:
    return not gap or any(c.isspace() for c in gap)


def _camel_cuts_kept(m: _Match, toks: list[str], gaps: list[str]) -> bool:
    """Whether the text writes a one-word name ("InDesign") as the name: glued at each capital, or
    cut there into capitalised parts by a hyphen ("Wi-Fi") or a space ("Java Script", "Quick
    Books"). A space needs a part of three letters or more before it ("In Design" is a phrase), and
    a cut name no capitalised word right after it ("Rapid Response Team" is a team, not the product)."""
    split = False
    for k in m.alias.camel:
        at = m.start + k
        gap = gaps[at]
        if gap == "\x00":
            continue
        # A one-letter prefix and a hyphen is how the name is spelt in prose too: "e-learning".
        if gap == "-" and k == 1 and len(toks[m.start]) == 1:
            continue
        if gap not in (" ", "-") or len(toks[at]) < 2 or not toks[at][:1].isupper():
            return False
        if gap == " " and len(toks[at - 1]) < 3:
            return False
        split = True
    if not split:
        return True
    if not toks[m.start][:1].isupper():
        return False
    return m.end >= len(toks) or gaps[m.end] != " " or not toks[m.end][:1].isupper()


def _blocked(m: _Match, lows: list[str], gaps: list[str]) -> bool:
    word = lows[m.start]
    nxt = _BLOCK_NEXT.get(word)
    # After a preposition the word is a noun ("in Excel with the team", "written in Go for"), so
    # the words after it that mark the verb say nothing.
    preceded = m.start > 0 and not _is_break(gaps[m.start])
    after_preposition = preceded and lows[m.start - 1] in _NOUN_PREPOSITIONS
    followed = m.end < len(lows) and not _is_break(gaps[m.end])
    if nxt and not after_preposition and followed and lows[m.end] in nxt:
        return True
    prev = _BLOCK_PREV.get(word)
    return bool(prev and m.start > 0 and not _is_break(gaps[m.start]) and lows[m.start - 1] in prev)


def _inside_a_name(m: _Match, toks: list[str], lows: list[str], gaps: list[str]) -> bool:
    """ "Oracle GoldenGate", "Apex Systems", "Snowflake Inc": an ambiguous word opening a longer
    capitalised name (a product or a company) that the taxonomy does not hold."""
    if m.end - m.start != 1 or m.end >= len(toks) or gaps[m.end] != " ":
        return False
    following = toks[m.end]
    if not toks[m.start][:1].isupper() or not following[:1].isupper() or len(following) < 2:
        return False
    # Title-case lines capitalise every word: "Proficient In Excel And Word", "Jest Experience".
    low = lows[m.end]
    return low not in _LIST_WORDS and low not in _FILLERS and low not in _CUE_AFTER


def _cue_before(
    m: _Match, lows: list[str], gaps: list[str], covered: dict[int, int], strong_only: bool = False
) -> bool:
    """A cue ("experience with", "using", "languages:") a few filler words before the match."""
    k = m.start - 1
    steps = 0
    while k >= 0 and steps < 8:
        if _is_break(gaps[k + 1]):
            return False
        if k in covered:  # another skill of the same list
            k = covered[k] - 1
            steps += 1
            continue
        low = lows[k]
        if low in _CUE_BEFORE:
            return not (strong_only and low in _WEAK_CUES)
        if low == "g" and k > 0 and lows[k - 1] == "e":  # e.g.
            return not strong_only
        if low not in _FILLERS:
            return False
        k -= 1
        steps += 1
    return False


def _cue_after(m: _Match, lows: list[str], gaps: list[str], ends: dict[int, int]) -> bool:
    k = m.end
    n = len(lows)
    steps = 0
    while k < n and steps < 6:
        if _is_break(gaps[k]):
            return False
        low = lows[k]
        if low in _CUE_AFTER:
            return True
        if k in ends:  # another skill of the same list
            k = ends[k]
            steps += 1
            continue
        if low not in _FILLERS:
            return False
        k += 1
        steps += 1
    return False


def _list_neighbours(a: _Match, b: _Match, lows: list[str], gaps: list[str]) -> bool:
    """Whether b follows a as the next item of a list ("Python, Go", "Go and Rust", "1. Go 2. Rust")."""
    between = range(a.end, b.start)
    numbers = {k for k in between if _list_number(lows, gaps, k)}
    if len(between) > 3 or any(lows[k] not in _LIST_WORDS and k not in numbers for k in between):
        return False
    for k in range(a.end, b.start + 1):
        gap = gaps[k]
        if k - 1 in numbers:
            gap = gap.removeprefix(".").removeprefix(")")
        if _LIST_GAP_RE.fullmatch(gap) is None:
            return False
        if "\n" in gap and len(numbers) < len(between):
            return False
    # Side by side with only a space between is a phrase ("DevOps teams"), not a list.
    return bool(between) or "\n" in gaps[b.start] or bool(gaps[b.start].strip())


def _list_number(lows: list[str], gaps: list[str], k: int) -> bool:
    """ "4." or "4)" numbering an item of a list."""
    return len(lows[k]) <= 2 and lows[k].isdigit() and gaps[k + 1][:1] in (".", ")")


def _domain(category: str) -> str:
    return "tech" if category in _TECH_CATEGORIES else _DOMAINS.get(category, category)


def _related(index: _Index, a: int, b: int) -> bool:
    """Whether two skills belong to one domain (office software and languages go with any)."""
    ca = index.entries[a].category
    cb = index.entries[b].category
    return ca in _UNIVERSAL or cb in _UNIVERSAL or _domain(ca) == _domain(cb)


def _casing_with_neighbour(
    index: _Index, i: int, toks: list[str], gaps: list[str], matches: list[_Match], skills: list[int]
) -> bool:
    """Written exactly like the skill, mid-sentence, near a plain (unambiguous) skill of its domain."""
    m = matches[i]
    if m.end - m.start != 1 or toks[m.start] != m.alias.written:
        return False
    if index.entries[skills[i]].category == _LANGUAGES:  # "a German company"
        return False
    s = m.start
    if s == 0 or _is_break(gaps[s]):
        return False
    # After a lower-case word, or as an item of a list ("Postman, SOAP UI, Apex and").
    if not toks[s - 1][:1].islower() and gaps[s].strip() not in _LIST_SEPARATORS:
        return False
    lo = i
    while lo > 0 and matches[lo - 1].start >= s - 10:
        lo -= 1
    hi = i
    while hi + 1 < len(matches) and matches[hi + 1].start <= s + 10:
        hi += 1
    for j in range(lo, hi + 1):
        other = matches[j]
        if j == i or other.alias.needs_context or not _related(index, skills[j], skills[i]):
            continue
        a, b = sorted((other.start, s))
        if not any(_is_break(gaps[k]) for k in range(a + 1, b + 1)):
            return True
    return False


def _names_a_team(index: _Index, skill: int, next_word: str, gap: str) -> bool:
    """ "the Product Management team", "UX designers": a team or a role, not a skill asked for."""
    if next_word not in _TEAM_WORDS and next_word not in _ROLE_WORDS:
        return False
    if not (gap == " " or _joinable(gap)):
        return False
    return next_word in _TEAM_WORDS or _domain(index.entries[skill].category) != "tech"


def _written_as_a_name(m: _Match, toks: list[str], gaps: list[str]) -> bool:
    """A verb-like skill word ("React", "Swift") with its capital in the middle of a sentence."""
    word = toks[m.start]
    if m.end - m.start != 1 or word.lower() not in _CAPITAL_MEANS_SKILL or word != m.alias.written:
        return False
    s = m.start
    if s == 0 or _is_break(gaps[s]):
        return False
    # After a lower-case word, or as an item of a list ("Outlook, Word, Summation, Excel").
    return toks[s - 1][:1].islower() or gaps[s].strip() in _LIST_SEPARATORS


# Verb-like tool names that a preposition makes nouns even in lower case: "keep the log in excel",
# "build it with react" (nobody excels or reacts after "in" or "with").
_NOUN_AFTER_PREPOSITION = _words("excel react")


def _after_a_preposition(m: _Match, lows: list[str], gaps: list[str]) -> bool:
    s = m.start
    return (
        m.end - s == 1
        and lows[s] in _NOUN_AFTER_PREPOSITION
        and s > 0
        and lows[s - 1] in _NOUN_PREPOSITIONS
        and not _is_break(gaps[s])
    )


# Separators in front of a list item.
_LIST_SEPARATORS = frozenset([",", "/", ";", "|", "(", "\u2022", "\u00b7"])


def _looks_german(lows: list[str]) -> bool:
    if len(lows) < 8:
        return False
    hits = sum(1 for low in lows if low in _GERMAN_WORDS)
    return hits * 25 >= len(lows)


def _spreads(
    index: _Index, source: int, target: int, toks: list[str], skills: list[int], kept: list[_Match]
) -> bool:
    """Whether a confirmed list item vouches for its ambiguous neighbour.

    Office tools and languages go with any domain, but "teams" or "word" in lower case next to
    "Node.js" is a plain word: in lower case they need a neighbour of their own category.
    """
    if not _related(index, skills[source], skills[target]):
        return False
    category = index.entries[skills[target]].category
    m = kept[target]
    lowered = toks[m.start].islower() and not m.alias.written.islower()
    return not (lowered and category in _UNIVERSAL) or index.entries[skills[source]].category == category


def _abbreviates_other_words(index: _Index, skill: int, m: _Match, lows: list[str], gaps: list[str]) -> bool:
    """ "executive leadership team (ELT)": an acronym in brackets after the words it abbreviates,
    when those words share none with the skill's own long forms, names those words."""
    acronym = lows[m.start].removesuffix("s")
    size = len(acronym)
    if m.end - m.start != 1 or not 2 <= size <= 6 or m.start < size:
        return False
    words = lows[m.start - size : m.start]
    broken = any(_is_break(gaps[k]) for k in range(m.start - size + 1, m.start))
    if broken or "".join(w[0] for w in words) != acronym:
        return False
    entry = index.entries[skill]
    long_forms = [key for key in map(normalize_phrase, (entry.name, *entry.aliases)) if len(key) > 1]
    # Without a long form of its own the skill may be what the words spell ("... Candidate (LPCC)").
    return bool(long_forms) and all(set(key).isdisjoint(words) for key in long_forms)


def _initials(lows: list[str], start: int, end: int) -> str:
    return "".join(t[0] for t in lows[start:end] if t)


def _resolve(
    index: _Index, toks: list[str], lows: list[str], gaps: list[str], matches: list[_Match]
) -> list[tuple[int, int]]:
    """Keep the matches that stand; return (skill, token position) for each."""
    n = len(lows)
    kept: list[_Match] = []
    skills: list[int] = []
    for m in matches:
        alias = m.alias
        if alias.tight and any(not gaps[k] or gaps[k].isspace() for k in range(m.start + 1, m.end)):
            continue
        if alias.camel and not _camel_cuts_kept(m, toks, gaps):
            continue
        if (
            m.end < n
            and lows[m.start] not in _TEAM_PRACTICES
            and _names_a_team(index, alias.skill, lows[m.end], gaps[m.end])
        ):
            continue
        # "ohne Kaltakquise", "without cold calling": what the job spares the candidate.
        if m.start > 0 and lows[m.start - 1] in _NEGATIONS and not _is_break(gaps[m.start]):
            continue
        # "CAD$114,000", "AUD$90k": a currency code, not the skill.
        if m.end < n and gaps[m.end].startswith("$"):
            continue
        # "cutting-edge AI", "multi-dimensional modelling", "pre-test preparations": a name does not
        # start inside a hyphenated word (a prefix of one or two letters, "e-mail", is left alone).
        if gaps[m.start] == "-" and _starts_inside_a_word(index, m, toks, lows, gaps):
            continue
        # "arrange for court reporters and videographers": the people who do the practice, not the
        # practice asked of the candidate.
        if lows[m.end - 1][-1:] == "s" and _names_people(index, alias, lows[m.end - 1]):
            continue
        if alias.case_form is not None or alias.needs_context:
            if not _acceptable_case(alias, toks, m):
                continue
            if len(lows[m.start]) == 1 and m.end - m.start == 1 and _letter_chain(m, lows, gaps):
                continue
            short = alias.case_form is not None and len(alias.case_form) <= 2
            if (alias.needs_context or short) and _glued(m, toks, gaps):
                continue
            if alias.needs_context and (
                _blocked(m, lows, gaps)
                or (
                    index.entries[alias.skill].category != _LANGUAGES
                    and _inside_a_name(m, toks, lows, gaps)
                    # "fluent in Spanish Strategic use of...": a line break the paste lost
                    and not _cue_before(m, lows, gaps, {}, strong_only=True)
                )
            ):
                continue
        skill = alias.skill
        # "Self-Supervised Learning (SSL)": the acronym is another mention of the skill before it.
        if m.end - m.start == 1 and kept and kept[-1].end == m.start and gaps[m.start].endswith("("):
            acronym = lows[m.start].removesuffix("s")
            prev = kept[-1]
            if acronym == _initials(lows, prev.start, prev.end).removesuffix("s"):
                skill = skills[-1]
                m = m._replace(alias=prev.alias)
        elif gaps[m.start].endswith("(") and _abbreviates_other_words(index, skill, m, lows, gaps):
            continue
        kept.append(m)
        skills.append(skill)

    confirmed = [not m.alias.needs_context for m in kept]
    if not all(confirmed):
        covered = {k: m.start for m in kept for k in range(m.start, m.end)}
        ends = {m.start: m.end for m in kept}
        # A cue alone is not enough: the posting must name another skill of the same domain
        # ("Sous Chef experience" in a kitchen posting is not the Chef of Chef/Puppet/Ansible).
        anchors = [skill for skill, ok in zip(skills, confirmed, strict=True) if ok]
        for i, m in enumerate(kept):
            universal = index.entries[skills[i]].category in _UNIVERSAL
            if not confirmed[i] and (universal or any(_related(index, a, skills[i]) for a in anchors)):
                # "college access experience": a word written in lower case that the skill writes
                # with capitals needs more than a trailing cue.
                lowered = toks[m.start].islower() and not m.alias.written.islower()
                confirmed[i] = _cue_before(m, lows, gaps, covered, strong_only=lowered) or (
                    not lowered and _cue_after(m, lows, gaps, ends)
                )
        # "use of excel and word": two lower-case office tools listed together after a cue
        # (even a weak one) vouch for each other, where one alone would be a plain word.
        for i in range(len(kept) - 1):
            a, b = kept[i], kept[i + 1]
            if (
                not (confirmed[i] or confirmed[i + 1])
                and _OFFICE in (index.entries[skills[i]].category, index.entries[skills[i + 1]].category)
                and _related(index, skills[i], skills[i + 1])
                and skills[i] != skills[i + 1]
                and _list_neighbours(a, b, lows, gaps)
                and _cue_before(a, lows, gaps, covered)
            ):
                confirmed[i] = confirmed[i + 1] = True
        german = _looks_german(lows)
        for i in range(len(kept)):
            if not confirmed[i]:
                confirmed[i] = (
                    _written_as_a_name(kept[i], toks, gaps)
                    or _after_a_preposition(kept[i], lows, gaps)
                    or (not german and _casing_with_neighbour(index, i, toks, gaps, kept, skills))
                )
        # Confirmation spreads along lists: rightwards from a confirmed item, then leftwards.
        for i in range(1, len(kept)):
            if not confirmed[i] and confirmed[i - 1]:
                confirmed[i] = _spreads(index, i - 1, i, toks, skills, kept) and _list_neighbours(
                    kept[i - 1], kept[i], lows, gaps
                )
        for i in range(len(kept) - 2, -1, -1):
            if not confirmed[i] and confirmed[i + 1]:
                confirmed[i] = _spreads(index, i + 1, i, toks, skills, kept) and _list_neighbours(
                    kept[i], kept[i + 1], lows, gaps
                )
    employer = _employer_writings(kept, toks, lows, gaps)
    return [
        (skill, m.start)
        for m, skill, ok in zip(kept, skills, confirmed, strict=True)
        if ok and not (employer and _written(m, toks) in employer)
    ]


def _starts_inside_a_word(
    index: _Index, m: _Match, toks: list[str], lows: list[str], gaps: list[str]
) -> bool:
    """ "cutting-edge AI": the match opens with the second half of a hyphenated lower-case word,
    and what follows that half is not the same skill on its own ("business-fluent English" is)."""
    s = m.start
    if s == 0 or gaps[s] != "-" or len(lows[s - 1]) < 3:
        return False
    if not (toks[s - 1][:1].islower() and toks[s][:1].islower()):
        return False
    rest = _lookup(index, lows[s + 1 : m.end]) if m.end - s > 1 else None
    return rest is None or rest.skill != m.alias.skill


# Words after a name that make it a company's: "Nimbus Inc.", "Acme GmbH".
_CORPORATE_SUFFIXES = _words("inc llc ltd gmbh corp corporation plc")
# A possessive of a name is the company's ("Nimbus's platform") unless what follows is held by a
# person ("an Appraiser's License").
_HELD_BY_A_PERSON = _words("license licence licensure certificate certification degree credential")


def _written(m: _Match, toks: list[str]) -> str:
    return " ".join(toks[m.start : m.end])


def _employer_writings(kept: list[_Match], toks: list[str], lows: list[str], gaps: list[str]) -> set[str]:
    """How the posting writes the names it uses as a company's (its employer's, a client's): a name
    followed by a corporate suffix ("Canvas Inc."), or a capitalised name in the possessive
    ("Dropbox's team", "Canvas' guests"). Every mention written the same way is that company, not a
    skill; all-capital words are left alone ("RFQ's" is a plural)."""
    n = len(toks)
    out: set[str] = set()
    for m in kept:
        end = m.end
        if end >= n:
            continue
        gap, following = gaps[end], lows[end]
        if gap == " ":
            company = following in _CORPORATE_SUFFIXES
        elif gap in ("'", "\u2019"):
            company = following == "s" and (end + 1 >= n or lows[end + 1] not in _HELD_BY_A_PERSON)
        else:
            company = (
                gap in ("' ", "\u2019 ")
                and toks[end - 1].endswith("s")
                and following not in _HELD_BY_A_PERSON
            )
        # Capitalised words, none an acronym or a camel-cased name ("RESTful API's" is a plural).
        if company and all(t[:1].isupper() and sum(map(str.isupper, t)) == 1 for t in toks[m.start : end]):
            out.add(_written(m, toks))
    return out


# Endings of a noun for the person who does something ("copywriter", "machinist", "technician").
_PERSON_ENDINGS = ("er", "or", "ist", "ian")


@lru_cache(maxsize=4096)
def _person_plural(alias_written: str, name: str) -> str | None:
    """The plural a person-noun alias is written in ("videographers" for Videographer -> Videography,
    "technicians" for Maintenance Technician), or None when the alias names no person."""
    alias_last = normalize_phrase(alias_written)[-1:]
    name_last = normalize_phrase(name)[-1:]
    if not alias_last or not name_last:
        return None
    word, head = alias_last[0], name_last[0]
    if not word.isalpha() or len(word) < 5 or not word.endswith(_PERSON_ENDINGS):
        return None
    if word == head:
        # The skill is named after the person ("Electrician"): only the clearly personal endings.
        return word + "s" if word.endswith(("ician", "ist")) and not word.endswith("list") else None
    # The person's word and the practice's share their stem: copywrit-er / copywrit-ing.
    shared = 0
    for a, b in zip(word, head, strict=False):
        if a != b:
            break
        shared += 1
    return word + "s" if shared >= max(5, len(word) - 3) else None


def _names_people(index: _Index, alias: _Alias, last_word: str) -> bool:
    if not last_word.endswith("s"):
        return False
    plural = _person_plural(alias.written, index.entries[alias.skill].name)
    return plural is not None and last_word == plural


def _rank(index: _Index, found: Iterable[tuple[int, int]]) -> list[str]:
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    entries = index.entries
    for skill, pos in found:
        if entries[skill].umbrella:
            continue
        counts[skill] = counts.get(skill, 0) + 1
        first.setdefault(skill, pos)
    order = sorted(counts, key=lambda s: (-counts[s], first[s]))
    return [index.entries[s].name for s in order]


# A whole token (between the separators of the joined tokens): letters, then one or two digits.
_GLUED_VERSION_RE = re.compile(r"(?<![^\x01])([a-z]{3,})[0-9]{1,2}(?![^\x01])")


def _unglue_versions(index: _Index, toks: list[str], lows: list[str]) -> None:
    """ "MySQL8", "Java17", "Kafka6." (a list number run on): a one-word skill with a version or
    number glued on is read as the skill. Only a word the taxonomy does not hold as written
    ("Python3", "HTML5" are aliases) and a stem that is a skill on its own."""
    joined = "\x01".join(lows)
    for m in _GLUED_VERSION_RE.finditer(joined):
        if m.group(0) in index.vocab:
            continue
        stem = m.group(1)
        node = index.trie.get(stem)
        if node is not None and node[0] != _NO_ALIAS:
            i = joined.count("\x01", 0, m.start())
            lows[i] = stem
            toks[i] = toks[i][: len(stem)]


class _Reading(NamedTuple):
    """A text cut into tokens, with the alias matches the scan found (before the sense checks)."""

    skill_index: _Index
    toks: list[str]
    lows: list[str]
    gaps: list[str]
    matches: list[_Match]


# "Monats- und Jahresabschlüsse", "Meta-, Google- und TikTok-Ads", "hard- en software": words
# that leave their second half to the last word of a coordination (German and Dutch write this).
_SUSPENDED_RE = re.compile(
    r"(?P<parts>(?:\b[^\W\d_]{2,}-,?[ \t]+(?:(?:und|oder|sowie|bzw\.|en|of|and|or|&)[ \t]+)?)+)"
    r"(?<=[ \t])(?P<last>[^\W\d_]{3,}(?:-[^\W\d_]+)*)"
)
_SUSPENDED_PART_RE = re.compile(r"([^\W\d_]{2,})-")


def _may_hold_suspended(text: str) -> bool:
    """Whether a word ends in a hyphen before a space, tab or comma anywhere: the pattern above needs one,
    and most hyphens before a space are list bullets, which a string search rules out far faster
    than the pattern's own scan does."""
    for mark in ("- ", "-\t", "-,"):
        at = text.find(mark, 1)
        while at != -1:
            if text[at - 1].isalnum():
                return True
            at = text.find(mark, at + 1)
    return False


def _expand_suspended(index: _Index, text: str) -> str:
    """Write each part of such a coordination out whole, when the whole is an alias: the part with
    the last word's second half ("Meta-Ads") or with an ending of the last word ("Monatsabschlüsse")."""

    def known(candidate: str) -> bool:
        key = normalize_phrase(candidate)
        return bool(key) and _lookup(index, key) is not None

    def whole(part: str, last: str) -> str | None:
        if "-" in last:
            candidate = f"{part}-{last.split('-', 1)[1]}"
            return candidate if known(candidate) else None
        endings = (last[k:].lower() for k in range(1, len(last) - 2))
        return next((part + ending for ending in endings if known(part + ending)), None)

    def expand(m: re.Match[str]) -> str:
        last = m.group("last")
        parts = m.group("parts")
        out = _SUSPENDED_PART_RE.sub(lambda p: whole(p.group(1), last) or p.group(0), parts)
        return out + last

    return _SUSPENDED_RE.sub(expand, text)


def _read(text: str) -> _Reading:
    index = _index()
    if "://" in text or "www." in text or "@" in text:
        text = _strip_links(text)
    if _may_hold_suspended(text):
        text = _expand_suspended(index, text)
    toks, lows, gaps = _split_tokens(text)
    _unglue_versions(index, toks, lows)
    corrected = _apply_typos(index, lows, gaps)
    matches = _scan(index, toks, lows, gaps, corrected)
    return _Reading(index, toks, lows, gaps, _shared_words(index, lows, gaps, matches))


# ------------------------------------------------------------------------------ paraphrases
#
# A practice the taxonomy names as object + action ("Invoice Processing", "Account Reconciliation",
# "Audit Support") is as often written as the action done to the object: "process vendor invoices",
# "reconcile bank accounts", "support internal and external audits", "preparation of financial
# statements". The verbs come from the names' own last words by the regular English endings
# (-ing, -ation, -ment, -ysis...), so the reader covers every such name without a list of them.

# Words that may stand between the verb and its object ("reconcile all bank accounts"): any word but
# these, which end the verb's object (a preposition, a clause word, an auxiliary verb).
_OBJECT_BREAKERS = _words(
    "to for with from in on at by of into onto that which who whom whose as across through within via "
    "after before during under over about between among per until upon without including like every "
    "while when where if than is are was were be been being will would can could should may might must "
    "not no our your their its his her my we you they it this these those there here"
)
# Before the verb: a word that makes it a noun ("the support", "our design") or a past form.
_NOUN_MARKERS = _words("the a an our your their its his her this that these those my each every any")
# Object words too plain to make a practice of a verb ("design systems", "optimize performance",
# "analyze requirements", "answer questions" name the work, not a practice with a name).
_PLAIN_OBJECTS = _words(
    "all new own key end day work job role team system software hardware performance information "
    "document question requirement process project concept customer goal model input product service "
    "solution technical"
)
# Heads whose verbs make things ("develop hardware", "design concepts", "engineer solutions", "build
# experiences"): their object is what is made, not a practice named after it.
_MAKING_HEADS = _words("development design engineering architecture building construction")
# Nouns that may follow the object inside the verb's object ("manages fleet assets", "coordinate
# travel arrangements", "verify insurance coverage"): plain heads that leave the practice the same.
_LIGHT_HEADS = _words(
    "operations operation assets arrangements coverage integrity tasks functions programs "
    "records issues needs efforts procedures documentation"
)
# The one word that may stand between the verb and its object ("reconcile all accounts"): a word
# that picks out which of the objects; any other word ("manage content marketing campaigns",
# "monitor program progress") makes the object part of a longer noun phrase of its own.
_GAP_WORDS = _words("the all any each every")


# Heads that are a verb as written ("Audit Support" -> "support audits"). Most nouns at the end of a
# name are not ("Scrum Team", "Internal Customer"), so these are named rather than guessed.
_VERB_NOUNS = _words(
    "support review control audit repair launch research transfer survey inspect install dispatch "
    "change contact check monitor outreach"
)


# The endings _verb_bases reads a verb from.
_VERBAL_ENDINGS = ("ing", "ion", "ment", "sis", "ance", "ence", "ery", "al")


def _verb_bases(head: str) -> set[str]:
    """The verbs a nominal head may come from ("reconciliation" -> "reconcile"), over-generated:
    a candidate that is no English verb simply never occurs before an object in a posting."""
    out: set[str] = set()
    if head.endswith("ing") and len(head) > 5:
        stem = head[:-3]
        out.update((stem, stem + "e"))
        if stem[-1] == stem[-2]:
            out.add(stem[:-1])
    elif head.endswith(("ization", "isation")):
        out.add(head[:-5] + "e")
    elif head.endswith("ication"):
        out.add(head[:-7] + "y")
    elif head.endswith("istration"):
        out.add(head[:-9] + "ister")
    elif head.endswith("ation"):
        stem = head[:-5]
        out.update((stem + "ate", stem + "e", stem))
        if stem.endswith("i"):
            out.add(stem[:-1] + "e")
    elif head.endswith("uction"):
        out.update((head[:-6] + "uce", head[:-3]))
    elif head.endswith("isition"):
        out.add(head[:-6] + "re")
    elif head.endswith("olution"):
        out.add(head[:-6] + "lve")
    elif head.endswith("ption"):
        out.add(head[:-5] + "be")
    elif head.endswith("tion"):
        out.add(head[:-3])
    elif head.endswith("ssion"):
        out.add(head[:-5] + "t")
    elif head.endswith("sion"):
        out.add(head[:-3] + "e")
    elif head.endswith("ment") and len(head) > 7:
        out.add(head[:-4])
    elif head.endswith("ysis"):
        out.update((head[:-4] + "yze", head[:-4] + "yse"))
    elif head.endswith("tenance"):
        out.add(head[:-7] + "tain")
    elif head.endswith("iance"):
        out.add(head[:-5] + "y")
    elif head.endswith(("ance", "ence")):
        out.update((head[:-4], head[:-4] + "e"))
    elif head.endswith("ery") and len(head) > 6:
        out.add(head[:-1])
    elif head.endswith("al") and len(head) > 6:
        out.update((head[:-2], head[:-2] + "e"))
    elif head in _VERB_NOUNS:
        out.add(head)
    return {v for v in out if len(v) >= 4}


def _inflections(verb: str, noun_too: bool) -> Iterator[str]:
    """The forms a duty line writes a verb in: base, third person, gerund. No past forms, which
    read as adjectives before a noun ("managed services"), and no third person of a verb that is a
    noun as well ("reviews", "supports" are as often plurals)."""
    yield verb
    if noun_too:
        pass
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        yield verb + "es"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        yield verb[:-1] + "ies"
    else:
        yield verb + "s"
    if verb.endswith("e") and not verb.endswith("ee"):
        yield verb[:-1] + "ing"
    else:
        yield verb + "ing"
    if verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        yield verb + verb[-1] + "ing"


_Objects = dict[str, list[tuple[tuple[str, ...], int]]]


class _Paraphrases(NamedTuple):
    # A verb form -> the object's first (folded) word -> (object key, skill) of the names it may
    # paraphrase. Keyed by the object's first word so a look-up costs one probe, not one per name.
    by_verb: dict[str, _Objects]
    # A nominal head (and its plural) -> the same, for "H of O" ("preparation of ...").
    by_head: dict[str, _Objects]
    # The verb forms, and "of".
    triggers: frozenset[str]


def _object_key(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(_fold(t) for t in tokens)


@lru_cache(maxsize=1)
def _paraphrases() -> _Paraphrases:
    with _collector_paused():
        return _build_paraphrases(_index())


def _build_paraphrases(index: _Index) -> _Paraphrases:
    by_verb: dict[str, _Objects] = {}
    by_head: dict[str, _Objects] = {}
    for number, entry in enumerate(index.entries):
        # Cheap looks first (this table is built on the first posting a process reads): a name of
        # two or three words whose last word may come from a verb.
        if entry.umbrella or not 1 <= entry.name.count(" ") <= 2:
            continue
        last = entry.name.rsplit(" ", 1)[1].lower()
        if not last.endswith(_VERBAL_ENDINGS) and last not in _VERB_NOUNS:
            continue
        key = normalize_phrase(entry.name)
        if not 2 <= len(key) <= 3:
            continue
        head, objects = key[-1], key[:-1]
        if not head.isalpha() or len(head) < 5 or head in _MAKING_HEADS:
            continue
        if any(not t.isalpha() or len(t) < 3 or _fold(t) in _PLAIN_OBJECTS for t in objects):
            continue
        pair = (_object_key(objects), number)
        # The object's first word as a text may write it (singular or plural), so a look-up needs
        # no folding.
        first_words = {objects[0], _fold(objects[0]), *_plural_variants(objects[0])}
        # A head made from a verb, itself before a noun, is a compound ("marketing channels",
        # "testing tools"), so it is read only in "H of O"; a head that is a verb ("support",
        # "review") is read in its base form ("Support audits") and gerund.
        own_forms = {head, *_plural_variants(head)}
        verbs = _verb_bases(head)
        for verb in verbs:
            for form in _inflections(verb, noun_too=verb == head):
                if form not in own_forms or form == verb:
                    after_verb = by_verb.setdefault(form, {})
                    for first in first_words:
                        after_verb.setdefault(first, []).append(pair)
        # "H of O" only for a head made from a verb ("preparation of", not "system of").
        if verbs and head not in verbs:
            for form in own_forms:
                after_head = by_head.setdefault(form, {})
                for first in first_words:
                    after_head.setdefault(first, []).append(pair)
    by_verb.pop("of", None)
    return _Paraphrases(by_verb, by_head, frozenset([*by_verb, "of"]))


def _object_at(lows: list[str], gaps: list[str], start: int, candidates: _Objects) -> tuple[int, int] | None:
    """(skill, end) of the candidate object right after ``start`` (or after one of _GAP_WORDS)."""
    n = len(lows)
    for at in (start, start + 1):
        if at >= n or not _joinable(gaps[at]):
            return None
        for key, skill in candidates.get(lows[at], ()):
            end = at + len(key)
            if (
                end <= n
                and all(_fold(lows[at + k]) == key[k] for k in range(len(key)))
                and all(_joinable(gaps[k]) for k in range(at + 1, end))
                and _object_ends(lows, gaps, end)
            ):
                return skill, end
        if lows[at] not in _GAP_WORDS:
            return None
    return None


def _object_ends(lows: list[str], gaps: list[str], end: int) -> bool:
    """Whether the object's noun phrase ends at ``end``: "process invoices and", not "manage contract
    negotiations" (where the object only modifies the noun after it)."""
    if end >= len(lows) or not _joinable(gaps[end]):
        return True
    following = lows[end]
    return (
        following in _OBJECT_BREAKERS
        or following in _COORDINATORS
        or following in _LIGHT_HEADS
        or following.endswith(("ing", "ly"))
    )


def _paraphrased(
    toks: list[str], lows: list[str], gaps: list[str], matches: list[_Match]
) -> list[tuple[int, int]]:
    """(skill, position) of each practice written as its action ("reconcile accounts"), at a verb
    the alias scan has not read as part of a skill."""
    table = _paraphrases()
    n = len(lows)
    # Verbs (and "H of O" heads) whose next word, or the word after a determiner, may start an
    # object: a dictionary probe each, before anything else is looked at.
    places: list[tuple[int, _Objects, int]] = []
    if table.triggers.isdisjoint(lows):
        return []
    # One pass over the tokens finds both the verbs and the "of" of "H of O".
    for k in compress(range(n - 1), map(table.triggers.__contains__, lows)):
        word = lows[k]
        if word == "of":
            objects = table.by_head.get(lows[k - 1]) if k > 0 else None
            if objects is not None:
                places.append((k - 1, objects, k + 1))
            continue
        objects = table.by_verb[word]
        nxt = lows[k + 1]
        if nxt in objects or nxt in _GAP_WORDS:
            places.append((k, objects, k + 1))
    if not places:
        return []
    taken = {k for m in matches for k in range(m.start, m.end)}
    out: list[tuple[int, int]] = []
    for k, objects, start in places:
        if k in taken or not _joinable(gaps[k + 1]):
            continue
        if start == k + 1:
            if k > 0 and lows[k - 1] in _NOUN_MARKERS and not _is_break(gaps[k]):
                continue
            if toks[k][:1].isupper() and toks[k + 1][:1].isupper() and not _is_break(gaps[k]):
                # "the Governing Board", "Process Engineer": a capitalised name, not a duty.
                continue
        found = _object_at(lows, gaps, start, objects)
        if found is not None:
            out.append((found[0], k))
    return out


def _found(read: _Reading) -> list[tuple[int, int]]:
    """(skill, position) of every skill read: the alias matches that stand, and the paraphrases."""
    found = _resolve(read.skill_index, read.toks, read.lows, read.gaps, read.matches)
    return found + _paraphrased(read.toks, read.lows, read.gaps, read.matches)


def extract_skills(text: str) -> list[str]:
    """Canonical skill names found in ``text``: most mentioned first, ties by first appearance."""
    if not text:
        return []
    read = _read(text)
    return _rank(read.skill_index, _found(read))


class Mention(NamedTuple):
    """One place a skill was read: its canonical name, the alias that matched, the words as
    written, and the words around them."""

    name: str
    alias: str
    written: str
    context: str


def skill_mentions(text: str, window: int = 6) -> list[Mention]:
    """Every mention ``extract_skills`` reads (umbrella skills too), with its surroundings.

    For audits, not for parsing.
    """
    if not text:
        return []
    read = _read(text)
    index, toks, gaps = read.skill_index, read.toks, read.gaps
    matches = {m.start: m for m in read.matches}
    out: list[Mention] = []
    for skill, pos in _found(read):
        match = matches.get(pos)
        end = match.end if match else pos + 1
        alias = match.alias.written if match else index.entries[skill].name
        around = "".join(gaps[k] + toks[k] for k in range(max(0, pos - window), min(len(toks), end + window)))
        name = index.entries[skill].name
        out.append(
            Mention(name, alias, " ".join(toks[pos:end]), " ".join(around.replace("\x00", "").split()))
        )
    return out
