"""Paste shapes: one posting's fields and body rendered the way each site or habit shows them.

Each shape is a template of our own, modelled on how that site's page, share text or message reads when
copied (no site's text is reproduced). ``tests/parsing/shapes`` runs our fixture postings through every
shape and checks that title, company, places, workplace and employment type come out the same; this
module's ``main`` does the same with the dev corpus (gold fields plus the description body) and prints a
table per shape:

    python -m bench.shapes ../shared/corpus/*-dev.jsonl [--shape NAME] [--failures N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from parsing import Posting, parse_posting

FIELDS = ("title", "company", "locations", "workplace", "employment_type")


@dataclass(frozen=True)
class Fields:
    """What a shape renders: the header fields and the description."""

    title: str
    company: str
    places: tuple[str, ...]
    body: str
    workplace: str | None = None  # remote, hybrid, onsite
    employment_type: str | None = None  # full_time, part_time, contract, temporary, internship
    pay: str | None = None  # as the header would show it: "$120k-$150k"


@dataclass(frozen=True)
class Shape:
    name: str
    render: Callable[[Fields], str]
    # The fields this shape shows; the others are not checked (a Workday page names no company).
    shows: frozenset[str] = field(default=frozenset(FIELDS))


_WORKPLACE_EN = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}
_WORKPLACE_DE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "Vor Ort"}
_EMPLOYMENT_EN = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "temporary": "Temporary",
    "internship": "Internship",
}
_EMPLOYMENT_DE = {
    "full_time": "Vollzeit",
    "part_time": "Teilzeit",
    "contract": "Freelance",
    "temporary": "Befristet",
    "internship": "Praktikum",
}


def _w(f: Fields, words: dict[str, str] = _WORKPLACE_EN) -> str:
    return words[f.workplace] if f.workplace else ""


def _e(f: Fields, words: dict[str, str] = _EMPLOYMENT_EN) -> str:
    return words[f.employment_type] if f.employment_type else ""


def _places(f: Fields, joiner: str = " / ") -> str:
    return joiner.join(f.places)


def _lines(*parts: str) -> str:
    """Lines joined, the empty ones left out (a field the posting does not have)."""
    return "\n".join(p for p in parts if p is not None and p.strip() != "")


def _join(parts: Iterable[str], sep: str) -> str:
    return sep.join(p for p in parts if p)


def _an(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _field_values(f: Fields, joiner: str) -> dict[str, str]:
    """Each field as a page shows it, by the name a shape's rows use; places joined by ``joiner``."""
    return {
        "title": f.title,
        "company": f.company,
        "places": _places(f, joiner),
        "workplace": _w(f),
        "type": _e(f),
        "workplace_de": _w(f, _WORKPLACE_DE),
        "type_de": _e(f, _EMPLOYMENT_DE),
        "pay": f.pay or "",
    }


_PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")


def _fill(row: str, values: dict[str, str]) -> str:
    return row.format_map(values) if all(values[name] for name in _PLACEHOLDER.findall(row)) else ""


def _page(
    *rows: str | Callable[[Fields], str], heading: str = "", joiner: str = " / "
) -> Callable[[Fields], str]:
    """A job page copied top to bottom: one row a line, ``{title}``, ``{company}``, ``{places}``,
    ``{workplace}``, ``{type}``, ``{pay}`` (and ``{workplace_de}``, ``{type_de}``) standing for the fields;
    a row showing a field the posting lacks is left out with its label; a function renders a row a site
    words its own way. The description follows under ``heading``."""

    def render(f: Fields) -> str:
        values = _field_values(f, joiner)
        head = _lines(*(row(f) if callable(row) else _fill(row, values) for row in rows))
        return f"{head}\n\n{heading}\n{f.body}" if heading else f"{head}\n\n{f.body}"

    return render


def _linkedin_page(f: Fields) -> str:
    head = _lines(
        f.title,
        _join([f.company, _places(f), "3 days ago", "57 applicants"], " · "),
        _join([_w(f), _e(f)], "  "),
        "Easy Apply",
        "Save",
    )
    return f"{head}\n\nAbout the job\n{f.body}"


def _linkedin_share(f: Fields) -> str:
    extra = _join([_places(f), _w(f), _e(f)], " · ")
    return f"Check out this job at {f.company}: {f.title}\n{extra}\nhttps://www.linkedin.com/jobs/view/3812345678\n\n{f.body}"


def _glassdoor(f: Fields) -> str:
    head = _lines(
        f"{f.company} 3.9 ★", f.title, _places(f), (f.pay and f"{f.pay} (Employer est.)") or "", "Easy Apply"
    )
    tail = _lines(
        f"Job Type: {_e(f)}" if f.employment_type else "", f"Work Location: {_w(f)}" if f.workplace else ""
    )
    return f"{head}\n\nJob description\n{f.body}\n\n{tail}"


def _greenhouse(f: Fields) -> str:
    head = _lines(f.title, f"at {f.company}", _places(f), _join([_w(f), _e(f)], " | "))
    return f"{head}\n\nApply\n\n{f.body}\n\nApply for this Job\n* Required"


def _lever(f: Fields) -> str:
    parts = [f"{_places(f)} /", "Engineering /"]
    if f.employment_type:
        parts.append(f"{_e(f)} /")
    if f.workplace:
        parts.append(_w(f))
    head = _lines(f.title, *parts)
    return f"{head}\n\n{f.body}\n\nApply for this job\n{f.company} Home Page\nJobs powered by Lever"


def _workday(f: Fields) -> str:
    head = _lines(
        f.title,
        "Apply",
        "locations",
        _places(f, "\n"),
        "time type" if f.employment_type else "",
        _e(f).replace("-", " "),
        "posted on",
        "Posted 3 Days Ago",
        "job requisition id",
        "R-0142857",
    )
    return f"{head}\n\n{f.body}"


def _icims(f: Fields) -> str:
    head = _lines(
        f.title,
        f"Job Locations {_places(f, ' | ')}",
        "ID 2026-4471",
        "Category Engineering",
        f"Position Type {_e(f)}" if f.employment_type else "",
        f"Remote {'Yes' if f.workplace == 'remote' else 'No'}" if f.workplace else "",
    )
    return f"{head}\n\nOverview\n{f.body}"


def _wellfound(f: Fields) -> str:
    head = _lines(
        f.title, f.company, f.pay or "", _join([_places(f), _w(f)], " • "), _e(f), "Apply now", "Save"
    )
    return f"{head}\n\nAbout the job\n{f.body}"


def _welcome_to_the_jungle(f: Fields) -> str:
    head = _lines(f.company, f.title, _join([_e(f), _places(f), _w(f)], "   "), "Apply")
    return f"{head}\n\nThe position\nJob description\n{f.body}"


def _remoteok(f: Fields) -> str:
    head = _lines(f.company, f.title, f"🌏 {_places(f)}", (f.pay and f"💰 {f.pay}") or "", _w(f), _e(f))
    return f"{head}\n\n{f.body}\n\nApply for this job"


def _we_work_remotely(f: Fields) -> str:
    head = _lines(f.company, f.title, "Posted 2 days ago", _e(f), _w(f), f"Region: {_places(f, ', ')}")
    return f"{head}\n\n{f.body}"


def _hn(order: tuple[str, ...], sep: str = " | ", upper: bool = True) -> Callable[[Fields], str]:
    def render(f: Fields) -> str:
        workplace = (_w(f).upper().replace("-", "") if upper else _w(f)) if f.workplace else ""
        values = {
            "company": f.company,
            "title": f.title,
            "place": _places(f, " / " if sep != " / " else " or "),
            "workplace": workplace,
            "type": _e(f),
            "badges": _join([_e(f), workplace], ", "),
            "pay": f.pay or "",
        }
        return _join([values[k] for k in order], sep) + f"\n\n{f.body}"

    return render


def _reddit(f: Fields) -> str:
    return f"[Hiring] {f.title} at {f.company} | {_join([_places(f), _w(f), _e(f)], ' | ')}\n\n{f.body}"


def _discord_markdown(f: Fields) -> str:
    head = _lines(
        f"**{f.title}** @ **{f.company}**",
        f"📍 {_places(f)}",
        f"💼 {_e(f)}" if f.employment_type else "",
        f"🏠 {_w(f)}" if f.workplace else "",
        f"💰 {f.pay}" if f.pay else "",
    )
    return f"{head}\n\n{f.body}"


def _slack(f: Fields) -> str:
    extra = _join([_places(f), _w(f).lower(), _e(f).lower()], ", ")
    return f"*New role:* {f.title} at {f.company} ({extra})\n{f.body}"


def _recruiter_email(f: Fields) -> str:
    kind = _e(f).lower()
    where = {"remote": "fully remote", "hybrid": "hybrid", "onsite": "on-site"}.get(f.workplace or "", "")
    detail = " ".join(x for x in (kind, where) if x)
    sentence = f" It is {_an(detail)} {detail} role." if detail else ""
    return (
        f"Subject: {f.title} opportunity with {f.company}\n\nHi Sam,\n\n"
        f"I'm reaching out about {_an(f.title)} {f.title} opening with my client {f.company} in "
        f"{_places(f, ' or ')}.{sentence}\n\n{f.body}\n\nBest regards,\nJordan Lee\nTalent Partner"
    )


def _x_at_y(f: Fields) -> str:
    return _lines(f"{f.title} at {f.company}", _places(f), _w(f), _e(f)) + f"\n\n{f.body}"


def _sentence(f: Fields) -> str:
    extra = _join([_w(f), _e(f)], ", ")
    return (
        f"{f.company} is hiring {_an(f.title)} {f.title} in {_places(f, ' or ')}!"
        + (f" ({extra})" if extra else "")
        + f"\n\n{f.body}"
    )


def _pdf_text(f: Fields) -> str:
    body = re.sub(r"(.{70,80}?) ", "\\1\n", f.body)  # hard line wraps
    head = _lines(
        f"{f.company}",
        "",
        "JOB DESCRIPTION",
        f"Position: {f.title}",
        f"Location: {_places(f, '; ')}",
        f"Employment Type: {_e(f)}" if f.employment_type else "",
        f"Work Arrangement: {_w(f)}" if f.workplace else "",
    )
    return f"{head}\n\n{body}\n\nPage 1 of 2"


def _reed_contract(f: Fields) -> str:
    permanent = {"full_time": "Permanent, full-time", "part_time": "Permanent, part-time"}
    return permanent.get(f.employment_type or "", _e(f))


def _stepstone_workplace(f: Fields) -> str:
    return {"remote": "Homeoffice", "hybrid": "Homeoffice möglich", "onsite": "Vor Ort"}.get(
        f.workplace or "", ""
    )


def _usajobs_remote(f: Fields) -> str:
    return "Remote job\nYes" if f.workplace == "remote" else ""


def _labelled(*rows: tuple[str, str], joiner: str = "; ") -> Callable[[Fields], str]:
    """A head of "Label: value" lines, each row a label and the field it shows (title, company, places,
    workplace, type); a field the posting lacks has no line."""

    def render(f: Fields) -> str:
        values = _field_values(f, joiner)
        return _lines(*(f"{label}{values[key]}" if values[key] else "" for label, key in rows)) + (
            f"\n\n{f.body}"
        )

    return render


def _markdown_heading(f: Fields) -> str:
    head = _lines(
        f"# {f.title}",
        f"**{f.company}** — {_places(f)}",
        f"*{_join([_w(f), _e(f)], ' · ')}*" if f.workplace or f.employment_type else "",
    )
    return f"{head}\n\n{f.body}"


SHAPES: tuple[Shape, ...] = (
    Shape("linkedin-page", _linkedin_page),
    Shape("linkedin-share", _linkedin_share),
    Shape(
        "indeed",
        _page(
            *("{title}", "{company}", "4.1 out of 5 stars", "{places}", "{workplace}", "{pay}", "{type}"),
            *("Apply now", "Save job"),
            heading="Full job description",
        ),
    ),
    Shape("glassdoor", _glassdoor),
    Shape("greenhouse", _greenhouse),
    Shape("lever", _lever),
    Shape(
        "ashby",
        _page(
            *("{company}", "{title}\n", "Location", "{places}", "Employment Type\n{type}"),
            *("Location Type\n{workplace}", "Department", "Engineering\n", "Overview", "Application"),
            joiner="; ",
        ),
    ),
    Shape("workday", _workday, frozenset({"title", "locations", "employment_type"})),
    Shape(
        "smartrecruiters",
        _page(
            *("{company}", "{title}", "{places}", "{type}", "{workplace}", "I'm interested"),
            heading="Job Description",
        ),
    ),
    Shape("icims", _icims, frozenset({"title", "locations", "employment_type"})),
    Shape("wellfound", _wellfound),
    Shape("welcome-to-the-jungle", _welcome_to_the_jungle),
    Shape("remoteok", _remoteok),
    Shape("we-work-remotely", _we_work_remotely),
    Shape("hn-company-role-place", _hn(("company", "title", "place", "workplace", "type"))),
    Shape("hn-place-first", _hn(("place", "company", "title", "badges"))),
    Shape("hn-role-first", _hn(("title", "company", "place", "workplace", "type"))),
    Shape("hn-pay", _hn(("company", "title", "place", "workplace", "pay", "type"))),
    Shape("hn-dashes", _hn(("company", "place", "title", "badges"), sep=" - ")),
    Shape("reddit-hiring", _reddit),
    Shape("discord-markdown", _discord_markdown),
    Shape(
        "discord-emoji-labels",
        _labelled(
            ("🏢 Company: ", "company"),
            ("💼 Role: ", "title"),
            ("📍 Location: ", "places"),
            ("🌐 Workplace: ", "workplace"),
            ("⏱️ Type: ", "type"),
            joiner=" / ",
        ),
    ),
    Shape("slack", _slack),
    Shape("recruiter-email", _recruiter_email),
    Shape("x-at-y", _x_at_y),
    Shape("is-hiring-sentence", _sentence),
    Shape("pdf-text", _pdf_text),
    Shape(
        "reed",
        _page(
            *("{title}", "Posted 3 days ago by {company}", "{pay}", "{places}", _reed_contract),
            *("{workplace} working", "Easy Apply"),
        ),
    ),
    Shape(
        "seek",
        _page(
            *("{title}", "{company}", "{places}", "Information & Communication Technology"),
            *("{type}", "{workplace}"),
        ),
    ),
    Shape(
        "stepstone",
        _page(
            *("{title}", "{company}", "{places}", "Feste Anstellung", "{type_de}", _stepstone_workplace),
            "Jetzt bewerben",
            heading="Ihre Aufgaben",
            joiner=", ",
        ),
    ),
    Shape(
        "xing",
        _page(
            *("{title}", "{company}", "{places}", "{type_de}", "{workplace_de}", "Jetzt bewerben"),
            heading="Stellenbeschreibung",
        ),
    ),
    Shape(
        "naukri",
        _page(
            *("{title}", "{company}", "3.9", "120 Reviews", "3-5 Yrs", "{places}", "{workplace}", "{type}"),
            "Apply",
            heading="Job description",
            joiner=", ",
        ),
    ),
    # USAJobs says only whether a job is remote: hybrid and on-site read alike.
    Shape(
        "usajobs",
        _page(
            *("{title}", "{company}", "Location", "{places}", "Work schedule\n{type}", _usajobs_remote),
            heading="Summary",
            joiner="\n",
        ),
        frozenset({"title", "company", "locations", "employment_type"}),
    ),
    Shape(
        "labelled-fields",
        _labelled(
            ("Job Title: ", "title"),
            ("Company: ", "company"),
            ("Location: ", "places"),
            ("Job Type: ", "type"),
            ("Workplace: ", "workplace"),
        ),
    ),
    Shape("markdown-heading", _markdown_heading),
)


# ---------------------------------------------------------------------------------------------------
# Checking a parse against the fields


def _fold(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").casefold()).strip()


def expected(f: Fields, shape: Shape) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": f.title,
        "company": f.company,
        "locations": list(f.places),
        "workplace": f.workplace,
        "employment_type": f.employment_type,
    }
    return {k: v for k, v in values.items() if k in shape.shows and (v or k in ("title", "company"))}


def field_right(name: str, want: Any, posting: Posting) -> bool:
    got = getattr(posting, name)
    if name == "locations":
        return sorted(_fold(x) for x in want) == sorted(_fold(x) for x in got)
    if name in ("title", "company"):
        return _fold(want) == _fold(got)
    return bool(want == got)


def check(f: Fields, shape: Shape) -> dict[str, tuple[Any, Any]]:
    """The fields that do not come out as rendered: name -> (wanted, got)."""
    posting = parse_posting(shape.render(f))
    return {
        name: (want, getattr(posting, name))
        for name, want in expected(f, shape).items()
        if not field_right(name, want, posting)
    }


# ---------------------------------------------------------------------------------------------------
# The dev corpus as fields


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value and not isinstance(value[0], dict) else value


def _body_of(text: str, header_values: list[str]) -> str:
    """The description: the paste without its leading header lines."""
    lines = text.split("\n")
    folded = [_fold(v) for v in header_values if v]
    i = 0
    while i < len(lines) and i < 6:
        line = _fold(lines[i])
        if not line or any(v and v in line for v in folded):
            i += 1
            continue
        break
    return "\n".join(lines[i:]).strip()


# The sources' own structured "type" fields, which their pages show in the header: where the gold has no
# employment type (the text does not state one), a shape renders the one the site itself lists.
_SOURCE_EMPLOYMENT: Final[dict[str, str]] = {
    "full-time": "full_time",
    "direct uta full-time": "full_time",
    "full-time permanent": "full_time",
    "part-time": "part_time",
    "contract": "contract",
    "freelance": "contract",
    "fixed term": "temporary",
    "temporary": "temporary",
    "intern": "internship",
    "internship": "internship",
    "working student": "internship",
}


def source_employment(row: dict[str, Any]) -> str | None:
    """The employment type a row's source lists for it (Uber's time type, the board's job types,
    LinkedIn's work type), or None."""
    meta, labels = row.get("meta") or {}, row.get("labels") or {}
    listed = [meta.get("time_type"), *(meta.get("job_types") or []), labels.get("formatted_work_type")]
    kinds = {_SOURCE_EMPLOYMENT.get(str(x).strip().lower()) for x in listed if x} - {None}
    return kinds.pop() if len(kinds) == 1 else None


def fields_of(gold: dict[str, Any], body: str, employment: Any = None) -> Fields | None:
    """The fields a gold record gives a shape to render (a list means any of its values: the first is
    taken), or None when it lacks a title, a company or a place. ``employment`` stands in for a gold
    that names no employment type."""
    title, company = _first(gold.get("title")), _first(gold.get("company"))
    places = gold.get("locations") or []
    if places and isinstance(places[0], list):
        places = places[0]
    if not isinstance(title, str) or not isinstance(company, str) or not title or not company or not places:
        return None
    workplace = _first(gold.get("workplace"))
    if "employment_type" in gold:
        employment = _first(gold["employment_type"])
    return Fields(
        title=title,
        company=company,
        places=tuple(places),
        body=body,
        workplace=workplace if isinstance(workplace, str) else None,
        employment_type=employment if isinstance(employment, str) else None,
    )


def corpus_fields(path: Path) -> Iterable[tuple[str, Fields]]:
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if not raw.strip():
            continue
        row = json.loads(raw)
        gold = row.get("gold") or {}
        if {"title", "company", "locations"} & set(row.get("ambiguous") or {}):
            continue
        # Employment type left out of the text's gold as unstated: a shape states the source's own.
        fields = fields_of(gold, "", source_employment(row))
        if fields is None:
            continue
        body = _body_of(row.get("text") or "", [fields.title, fields.company, *fields.places])
        if len(body) >= 200:
            yield str(row.get("id")), replace(fields, body=body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--shape", action="append", help="only these shapes")
    parser.add_argument("--failures", type=int, default=0, help="print up to N failures per shape")
    args = parser.parse_args(argv)
    rows = [(rid, f) for path in args.paths for rid, f in corpus_fields(path)]
    shapes = [s for s in SHAPES if not args.shape or s.name in args.shape]
    print(f"{len(rows)} postings x {len(shapes)} shapes")
    print(f"| shape | {' | '.join(FIELDS)} | all |")
    print("|---|" + "---|" * (len(FIELDS) + 1))
    totals = {name: [0, 0] for name in (*FIELDS, "all")}
    for shape in shapes:
        counts = {name: [0, 0] for name in (*FIELDS, "all")}
        shown = 0
        for rid, f in rows:
            wrong = check(f, shape)
            for name in expected(f, shape):
                counts[name][1] += 1
                counts[name][0] += name not in wrong
            counts["all"][1] += 1
            counts["all"][0] += not wrong
            if wrong and shown < args.failures:
                shown += 1
                print(f"  FAIL {shape.name} {rid}: {wrong}")
        for name, (right, total) in counts.items():
            totals[name][0] += right
            totals[name][1] += total
        cells = [f"{100 * r / t:.0f}%" if t else "-" for r, t in (counts[n] for n in (*FIELDS, "all"))]
        print(f"| {shape.name} | {' | '.join(cells)} |")
    cells = [f"{100 * r / t:.1f}%" if t else "-" for r, t in (totals[n] for n in (*FIELDS, "all"))]
    print(f"| **all shapes** | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
