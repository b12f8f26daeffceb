"""Normalization, HTML reading and JSON-LD: what every extractor relies on."""

from __future__ import annotations

import json

from parsing import parse_posting
from parsing.sections import job_text
from parsing.text import normalize_text, prepare


def test_markdown_escapes_and_emphasis_are_read_through() -> None:
    assert (
        normalize_text(r"2\+ years of real\-world **Python** \#hiring")
        == "2+ years of real-world Python #hiring"
    )


def test_unicode_dashes_and_spaces_fold_to_ascii() -> None:
    assert normalize_text("$120k\u2013$150k\u00a0a\u2009year \u2014 remote") == "$120k-$150k a year - remote"


def test_full_width_digits_and_invisible_characters() -> None:
    assert normalize_text("＄１２０k\u200b-\ufeff＄１５０k") == "$120k-$150k"


def test_markdown_links_keep_their_text() -> None:
    assert normalize_text("Apply [here](https://example.com/jobs/1) today") == "Apply here today"


def test_blank_runs_collapse_but_lines_survive() -> None:
    assert normalize_text("Title\r\n\r\n\r\n\r\nCompany\nLocation") == "Title\n\nCompany\nLocation"


def test_html_becomes_text_with_line_breaks() -> None:
    doc = prepare(
        "<html><body><h1>Data Engineer</h1><ul><li>Python</li><li>SQL</li></ul>"
        "<script>var x = 1;</script><p>Pay &amp; perks</p></body></html>"
    )
    assert doc.was_html
    assert doc.text.splitlines()[0] == "Data Engineer"
    assert "- Python" in doc.text and "Pay & perks" in doc.text
    assert "var x" not in doc.text


def _page(posting: dict[str, object], body: str = "<p>Visible page text</p>") -> str:
    return (
        '<html><head><script type="application/ld+json">' + json.dumps(posting) + "</script></head>"
        f"<body><div>{body}</div></body></html>"
    )


def test_json_ld_job_posting_wins() -> None:
    page = _page(
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": "Senior Platform Engineer",
            "hiringOrganization": {"@type": "Organization", "name": "Northwind Labs"},
            "jobLocation": [
                {
                    "@type": "Place",
                    "address": {"addressLocality": "Denver", "addressRegion": "CO", "addressCountry": "US"},
                }
            ],
            "employmentType": "FULL_TIME",
            "datePosted": "2026-05-04T10:00:00Z",
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": 150000,
                    "maxValue": 185000,
                    "unitText": "YEAR",
                },
            },
            "description": "<p>Build our platform. The market median is $120,000.</p>",
        },
        body="<p>Salary: $1 - $2 per hour (page chrome)</p>",
    )
    posting = parse_posting(page)
    assert posting.title == "Senior Platform Engineer"
    assert posting.company == "Northwind Labs"
    assert posting.locations == ["Denver, CO"]
    assert posting.employment_type == "full_time"
    assert posting.posted_on is not None and posting.posted_on.isoformat() == "2026-05-04"
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.period) == (150000, 185000, "year")


def test_json_ld_in_a_graph_and_remote() -> None:
    page = _page(
        {
            "@graph": [
                {"@type": "WebPage"},
                {
                    "@type": ["JobPosting"],
                    "title": "Support Agent",
                    "jobLocationType": "TELECOMMUTE",
                    "hiringOrganization": "Globex",
                },
            ]
        }
    )
    posting = parse_posting(page)
    assert (posting.title, posting.company, posting.workplace) == ("Support Agent", "Globex", "remote")


def test_broken_json_ld_is_ignored_not_fatal() -> None:
    page = "<html><head><script type='application/ld+json'>{not json</script></head><body><p>Pay: $20/hr</p></body></html>"
    posting = parse_posting(page)
    assert posting.salary is not None and posting.salary.min == 20


def test_aggregator_tail_is_cut() -> None:
    job = "Responsibilities\n" + "Build models and ship them to production every week.\n" * 12
    tail = "Salary Context\nThis range is below the median for this category (median: $181K across 1996 roles).\n"
    assert job_text(job + tail).endswith("every week.")
    assert "median" not in job_text(job + tail)


def test_aggregator_market_figures_are_not_the_salary() -> None:
    job = "Machine Learning Engineer\n" + "You will train and deploy models.\n" * 15
    tail = (
        "Compensation Benchmarks\nML Engineer roles pay a median of $178,940 based on 11,900 positions. "
        "Top-quartile compensation starts at $253,000.\n"
    )
    assert parse_posting(job + tail).salary is None
