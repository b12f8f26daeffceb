"""The role a posting names only in its body, for pastes whose header states none.

A Hacker News post, a Discord announcement or a recruiter's mail often opens with the company and the
place and names the job in a sentence ("If you're a passionate Java Developer ...", "We're looking for a
Data Engineer to ...", "Wir suchen eine/n Softwareentwickler/in (m/w/d) für ...", "Nous recrutons un(e)
développeur backend ...", "Buscamos Desarrollador Backend con ...") or under a list intro ("Open roles:"
over "- Backend Engineer"). A phrase counts only where a hiring cue stands before it and it holds a role
noun of the vocabulary: without a cue the title is left empty, because "engineers" in "our engineers
love Rust" names no opening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from parsing.lines import Doc, needles, word_set
from parsing.role import VOCABULARY
from parsing.segments import GENDER_NOTE, role_words

# How sure the reader is of each kind of evidence: a list under an intro names the openings plainly; a
# sentence may name a role only in passing ("we are looking for engineers who ...").
LIST_CONFIDENCE: Final = 0.75
SENTENCE_CONFIDENCE: Final = 0.6

# Where the readers stop looking: further down, a long paste is about benefits and boards' own text.
_SEARCH_END: Final = 5000

# Hiring cues in the languages the role vocabulary holds, each ending where the role phrase may start.
# They are tried anchored at their keyword (``Doc.hits``), so each alternative starts with a needle.
_CUE: Final = re.compile(
    r"(?i:(?:hiring|looking|seeking|searching|recruiting|on\s+the\s+lookout|in\s+search|in\s+need)"
    r"(?:\s+(?:for|of))?(?:\s+(?:the\s+following|a\s+few|a\s+couple(?:\s+of)?|several|multiple|a\s+number\s+of"
    r"|various)\s+(?:roles|positions|openings)\s*:)?"
    r"|you(?:'re|\s+are)(?=\s+an?\s)|join\s+(?:us|our\s+team|the\s+team)\s+as|as\s+our(?:\s+(?:first|next|new))?"
    r"|current\s+openings\s+are|openings?\s+for|vacanc(?:y|ies)\s+for"
    r"|(?P<foreign>wir\s+suchen|suchen\s+wir|sucht|nous\s+recrutons|nous\s+recherchons|nous\s+cherchons|on\s+recrute"
    r"|recrute|recherche|buscamos|estamos\s+buscando|busca|precisamos|procuramos|estamos\s+contratando"
    r"|contratamos|cerchiamo|stiamo\s+cercando|cerca|we\s+zoeken|wij\s+zoeken|zoeken\s+(?:wij|we)))\b"
)
_CUE_NEEDLES: Final = needles(
    "hiring",
    "looking",
    "seeking",
    "searching",
    "recruiting",
    "on the lookout",
    "in search",
    "in need",
    "you're",
    "you are",
    "join us as",
    "join our team as",
    "join the team as",
    "as our",
    "current openings are",
    "opening for",
    "openings for",
    "vacancy for",
    "vacancies for",
    "wir suchen",
    "suchen wir",
    "sucht",
    "nous recrutons",
    "nous recherchons",
    "nous cherchons",
    "on recrute",
    "recrute",
    "recherche",
    "buscamos",
    "estamos buscando",
    "busca",
    "precisamos",
    "procuramos",
    "estamos contratando",
    "contratamos",
    "cerchiamo",
    "stiamo cercando",
    "cerca",
    "we zoeken",
    "wij zoeken",
    "zoeken wij",
    "zoeken we",
)
# Words between a cue and the role: articles in every language (with their gender-fair spellings,
# "eine/n", "un(e)", "un/a"), counts and praise.
# "the hiring manager", "our recruiting team": the cue word used as a noun's modifier.
_NOMINAL: Final = re.compile(r"(?i)\b(?:the|our|your|a|my|their)\s+$")
_LEADING: Final = re.compile(
    r"(?i)\s*(?:(?:an?|the|some|one|two|three|several|multiple|both|(?:a\s+)?(?:couple|few)(?:\s+of)?|experienced|exceptional|talented|great"
    r"|passionate|strong|skilled|motivated|new|more|additional|extremely|very|highly|really|amazing"
    r"|awesome|good|most|full-time|part-time|brilliant|dedicated|driven|enthusiastic|curious|smart|ambitious|top|senior-minded"
    r"|ein(?:e[nr]?)?(?:\s*/\s*n|\(n\)|\*n)?|dich|sie|ab\s+sofort|zum\s+n[äa]chstm[öo]glichen\s+zeitpunkt"
    r"|un(?:e|\(e\)|\.e|/une|/e|e/un)?|des|notre|nos|futur(?:e|\(e\))?|uno?|una|un[/(]a\)?|unos|unas"
    r"|nuestro|nuestra|um|uma|een|enkele|nieuwe)\s+)*"
)
# A word of a role phrase: letters of any script, with the marks titles keep ("C++", "UI/UX", "Node.js",
# "Entwickler/in", "Développeur(se)").
_PHRASE_WORD: Final = re.compile(r"[^\W\d_][\w+#./&'()*-]*|\d+[Dd]\b|&")
# Words after which an English role phrase is over ("... Engineer to join", "... Developer who ...").
_ENGLISH_CUT: Final = word_set("""
    to who that which with in for at on from as or like based located working remote onsite here there
    this these our your we you will would can could should must is are was be being join help
    """)
_CUT_WORDS: Final = (
    _ENGLISH_CUT | frozenset(VOCABULARY.cut) | word_set("que qui avec dans con che die der das")
)
_NOT_A_ROLE_START: Final = word_set("""
    or and people someone somebody anyone folks candidates talent individuals person you we our your
    this it they them team help experience
    """)
# "VP of Engineering", "Head of Finance": heads that take their field after "of".
_OF_HEADS: Final = word_set("vp vice president head director chief officer manager lead principal")
_MAX_WORDS: Final = 8
_ARTICLES: Final = word_set("a an un une una uno ein eine einen een um uma")
_ARTICLE: Final = re.compile(r"(?i)\b(?:an?|une?|un[(/.]|un[ao]|ein\w*|een|uma?)(?:\W|$)")
_VACANCY_WORDS: Final = word_set("roles positions openings jobs vacancies")
# Role nouns that alone and in lower case name no opening ("looking for a partner").
_VAGUE_HEADS: Final = word_set("partner member leader owner founder helper worker person staff")


@dataclass(frozen=True)
class BodyRole:
    title: str
    confidence: float
    position: int


def _phrase_words(text: str, start: int) -> list[str]:
    """The words of the phrase that starts at ``start``, up to a sentence mark or a cut word."""
    words: list[str] = []
    i = start
    n = min(len(text), start + 200)
    while i < n and len(words) < _MAX_WORDS + 4:
        while i < n and text[i] in " \t":
            i += 1
        m = _PHRASE_WORD.match(text, i)
        if m is None:
            break
        word = m.group(0)
        # A closing mark glued to the word ends the phrase after it ("Engineer," "Entwickler.").
        bare = word.rstrip(".,;:!?)")
        while bare.count("(") > bare.count(")"):
            bare += ")"  # "Développeur(se)" keeps its own closing mark
        if words and bare.lower() in _CUT_WORDS:
            break
        words.append(bare)
        i = m.end()
        if bare != word or (i < n and text[i] in ",;:!?\n"):
            break
    return words


def _names_role(word: str) -> bool:
    return role_words(word) > 0 and word.lower() not in _VACANCY_WORDS


def _role_phrase(words: list[str], *, head_first: bool, article: bool) -> str | None:
    """The role of a phrase's words, or None when it holds no role or names none in particular.

    An English role ends at its last role noun ("Data Engineer passionate about ..."), keeping "of
    <Field>" after heads such as "VP"; where the cue's language puts qualifiers after the head
    (``head_first``: "développeur backend senior", "Desarrollador Backend"), the phrase runs to its cut."""
    words = words[:_MAX_WORDS]
    for index, word in enumerate(words[1:], 1):
        if word.lower() in _ARTICLES:
            words = words[:index]  # "a data analyst and a QA engineer": the first of two
            break
        if word.lower() in ("and", "or", "&") and _names_role(words[index - 1]):
            if word != "&":
                words = words[:index]  # "software engineers and research scientists"
            break
    last = max((i for i, word in enumerate(words) if _names_role(word)), default=-1)
    if last < 0:
        return None
    kept = words if head_first else words[: last + 1]
    capital = next((i for i, word in enumerate(kept) if word[:1].isupper()), last)
    if not head_first and capital < last and all(word.islower() for word in kept[:capital]):
        kept = kept[capital:]  # "frontend-inclined Senior Javascript Engineer": the name starts capitalised
    rest = words[last + 1 :]
    if not head_first and rest and rest[0].lower() == "of" and kept[-1].lower() in _OF_HEADS:
        field = [w for w in rest[1:4] if w[:1].isupper()]
        kept = [*kept, "of", *field[: max(0, len(rest) - 1)]] if field else kept
    if kept[0].lower() in _NOT_A_ROLE_START or kept[0].lower() == "and":
        return None
    if len(kept) == 1 and kept[0].islower():
        single = kept[0].lower()
        # "engineers", "a partner": no particular opening; "a developer", "un développeur" name one.
        if single.endswith("s") or len(single) < 6 or single in _VAGUE_HEADS or not article:
            return None
    return " ".join(kept)


def _with_gender_note(title: str, text: str, end: int) -> str:
    """The title with the gender note that follows it in the text ("Entwickler/in (m/w/d)")."""
    note = GENDER_NOTE.match(text[end : end + 24].lstrip())
    if note and not GENDER_NOTE.search(title):
        return f"{title} {note.group(0)}"
    return title


def sentence_role(doc: Doc) -> BodyRole | None:
    """The first role named after a hiring cue in the body ("We're hiring a Senior Data Engineer")."""
    text = doc.text
    for pos in doc.hits(_CUE_NEEDLES, end=_SEARCH_END):
        cue = _CUE.match(text, pos)
        if cue is None or _NOMINAL.search(text, max(0, pos - 8), pos):
            continue
        lead = _LEADING.match(text, cue.end())
        start = lead.end() if lead else cue.end()
        words = _phrase_words(text, start)
        article = lead is not None and _ARTICLE.search(lead.group(0)) is not None
        title = _role_phrase(words, head_first=cue.group("foreign") is not None, article=article)
        if title is None:
            continue
        end = text.find(title.split()[-1], start) + len(title.split()[-1])
        return BodyRole(_with_gender_note(title, text, end), SENTENCE_CONFIDENCE, pos)
    return None


# "Open positions:", "We're hiring in the following areas:", "Available roles [1]:", "Current Hiring…",
# "Offene Stellen:", "Postes ouverts :": a line that introduces a list of openings, or holds one.
_LIST_INTRO: Final = re.compile(
    r"(?i)^(?:.{0,80}?\b)?(?:positions|roles|openings|vacancies|profiles|jobs|areas|hiring(?:\s+for)?"
    r"|looking\s+for|including|opened|open|stellen(?:angebote)?|postes(?:\s+ouverts)?|offres|puestos"
    r"|vacantes|vagas|vacatures)(?:\s*\[\d+\])?\s*(?::|…|\.\.\.)\s*(?P<inline>.*)$"
)
# "We are looking for", "Now hiring", "Open roles" alone on a line over a list: an intro without its colon.
# A clause may lead it and an adverb sit before the verb ("In Berlin, we are actively recruiting for").
_BARE_INTRO: Final = re.compile(
    r"(?i)^(?:[^.!?:]{0,40},\s+)?(?:we(?:'re|\s+are)\s+|now\s+|currently\s+)?(?:(?:actively|currently)\s+)?"
    r"(?:looking\s+for|hiring(?:\s+for)?|recruiting(?:\s+for)?|seeking"
    r"|(?:(?:available|open|current)\s+)?(?:roles|positions|openings))(?:\s*\[\d+\])?$"
)
_LIST_MARK: Final = re.compile(r"^(?:[-*+•·–—>]+|#?\d{1,2}[.):]|#\d{1,2}\s|\[\d+\])\s*")
# Where a list item's role ends: its description, link or pay ("Frontend Engineer; owning ...",
# "Backend Developer: http://...", "Data Engineer - $120k", "Backend engineer. Our stack is ...").
_ITEM_END: Final = re.compile(
    r"\s*(?::\s|:$|;|\s[-–—]\s|\s+https?://|,\s*(?:https?://|\d)|\s\*\s|\s\[|(?<![A-Z][a-z])\.\s)"
)
# A role line that links to its opening ("Backend Developer - https://...", "* Web Developer: http://...").
_LINKED: Final = re.compile(r"(?:\s[-–—|]\s*|:\s*|\s)(?:https?://|www\.)\S+\s*$")
_NOTE: Final = re.compile(r"\([^()]*\)")
_GLUED_ITEM: Final = re.compile(r"\)\s+(?=[A-Z][\w&./-]*(?:\s+[A-Z][\w&./-]*)*\s*\()")
_LIST_COMMA: Final = re.compile(r",\s+(?![^()]*\))")
# Notes that are not part of a role's name: levels, counts and "+"-joined stacks ("(multiple levels)",
# "(20 new)", "(React + Redux)"); a stack named otherwise stays ("Senior Staff Engineer (Java/Cloud)").
_DROPPED_NOTE: Final = re.compile(
    r"\s*\((?:[^()]*\b(?:levels?|junior|mid|senior|all\s+experience)\b[^()]*|[^()]*\s\+\s[^()]*"
    r"|\d+(?:\s+[a-z]+)?)\)"
)
_ROLE_LINE_WORDS: Final = 6


def tidy_role(title: str) -> str:
    """A role without the notes that are not part of its name ("UX Researcher (multiple levels)")."""
    if "(" not in title:
        return title
    return _DROPPED_NOTE.sub("", title).strip() or title


def _until_item_end(item: str) -> str:
    """The item up to the first end mark outside parentheses ("Engineer (Full Stack: Go) - $90k")."""
    for m in _ITEM_END.finditer(item):
        if item.count("(", 0, m.start()) == item.count(")", 0, m.start()):
            item = item[: m.start()]
            break
    # "Senior Engineer (Full Stack: Go) Data Engineer (...)": a list run together on one line.
    glued = _GLUED_ITEM.search(item)
    return item[: glued.start() + 1] if glued else item


def _list_item(line: str) -> str | None:
    item = _until_item_end(_LIST_MARK.sub("", line.strip())).strip(" *_")
    words = item.split()
    # "Web Developers to help us scale ...": the role ends at the word that starts what the job does,
    # however long that description runs on.
    cut = next((i for i, word in enumerate(words[1:], 1) if word.lower() in _ENGLISH_CUT), None)
    if cut is not None:
        words = words[:cut]
        item = " ".join(words)
    if not item or len(_NOTE.sub("", item).split()) > 10 or not any(map(_names_role, words)):
        return None
    if item[0].islower() and len(words) == 1:
        return None
    return item


def is_list_intro(line: str) -> bool:
    """Whether a line introduces a list of openings ("Available roles [1]:"): it names no opening itself."""
    intro = _LIST_INTRO.match(line.strip()) or _BARE_INTRO.match(line.strip())
    return intro is not None and not intro.groupdict().get("inline")


def _role_line(line: str) -> str | None:
    """The role of a line that holds only a short role name ("  Senior Software Engineer")."""
    bare = _LIST_MARK.sub("", line.strip()).strip(" *_")
    if not bare or len(bare) > 80 or not bare[0].isupper() or bare[-1] in ".!?,:":
        return None
    item = _list_item(bare)
    if item is None or item != bare or len(_NOTE.sub("", item).split()) > _ROLE_LINE_WORDS:
        return None
    return item


def listed_role(doc: Doc) -> BodyRole | None:
    """The first role of a list of openings: the item after an intro line, the intro's own list, a role
    line that links to its opening, or the first of two role lines in a row."""
    lines = doc.text[:_SEARCH_END].split("\n")
    offset = 0
    for index, line in enumerate(lines):
        position = offset
        offset += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        item: str | None = None
        intro = _LIST_INTRO.match(stripped) if ":" in stripped or stripped.endswith(("…", "...")) else None
        if intro is not None and intro.group("inline").strip():
            inline = intro.group("inline").strip()
            item = _list_item(_LIST_COMMA.split(inline, 1)[0])
        elif intro is not None or _BARE_INTRO.match(stripped):
            following = next((rest for rest in lines[index + 1 : index + 4] if rest.strip()), "")
            item = _list_item(following)
        elif "http" in stripped or "www." in stripped:
            linked = _LINKED.search(stripped)
            item = _role_line(stripped[: linked.start()]) if linked else None
        else:
            item = _role_line(stripped)
            following = next((rest for rest in lines[index + 1 : index + 3] if rest.strip()), "")
            if item is not None and _role_line(following) is None:
                item = None
        if item is not None:
            return BodyRole(item, LIST_CONFIDENCE, position)
    return None


def body_role(doc: Doc) -> BodyRole | None:
    """The role the body names first, from a list of openings or a hiring sentence."""
    found = [role for role in (listed_role(doc), sentence_role(doc)) if role is not None]
    if not found:
        return None
    first = min(found, key=lambda role: role.position)
    return BodyRole(tidy_role(first.title), first.confidence, first.position)
