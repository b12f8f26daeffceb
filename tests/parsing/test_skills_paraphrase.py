"""The paraphrase reader: a practice named "object + action" written as the action done to the object.

Every text is invented. The verbs come from the taxonomy's own names by English word endings, so these
cases test the kinds of writing (a duty's verb, its gerund, "the action of the object"), and the
kinds of prose that must stay unread.
"""

from __future__ import annotations

import pytest

from parsing.skills import _inflections, _verb_bases, extract_skills

READ: list[tuple[str, str]] = [
    ("Support audits and close the books.", "Audit Support"),
    ("Processes invoices for the clinic.", "Invoice Processing"),
    ("Reconciling accounts is part of the job.", "Account Reconciliation"),
    ("Reconcile the accounts every week.", "Account Reconciliation"),
    ("Coordinate interviews with hiring managers.", "Interview Coordination"),
    ("Screen resumes for open roles.", "Resume Screening"),
    ("Create content for our blog.", "Content Creation"),
    ("Educate patients after surgery.", "Patient Education"),
    ("Verify insurance coverage before visits.", "Insurance Verification"),
    ("Ensure the coordination of care for seniors.", "Care Coordination"),
]


@pytest.mark.parametrize(("text", "skill"), READ, ids=[t[:40] for t, _ in READ])
def test_a_practice_written_as_its_action_is_read(text: str, skill: str) -> None:
    assert skill in extract_skills(text)


NOT_READ: list[tuple[str, str]] = [
    # the head word before a noun is a compound, not the action
    ("Grow our marketing channels.", "Channel Marketing"),
    # the object only modifies a longer noun phrase
    ("Monitor program progress weekly.", "Progress Monitoring"),
    ("Drive commercial activities in the region.", "Commercial Driving"),
    ("Supporting executive-level stakeholders.", "Executive Support"),
    # making verbs name what is made; plain objects name no practice
    ("Design concepts for the lobby.", "Concept Design"),
    ("Design scalable systems.", "System Design"),
    ("Answer questions from guests.", "Question Answering"),
    # a capitalised name, and a past form read as an adjective
    ("The Governing Board meets monthly.", "Board Governance"),
    ("Validated data feeds the model.", "Data Validation"),
    # "H of O" only for a head made from a verb
    ("A system of internal controls.", "Control Systems"),
]


@pytest.mark.parametrize(("text", "skill"), NOT_READ, ids=[t[:40] for t, _ in NOT_READ])
def test_prose_that_only_resembles_a_practice_is_not_read(text: str, skill: str) -> None:
    assert skill not in extract_skills(text)


@pytest.mark.parametrize(
    ("head", "verb"),
    [
        ("reconciliation", "reconcile"),
        ("processing", "process"),
        ("creation", "create"),
        ("verification", "verify"),
        ("management", "manage"),
        ("analysis", "analyze"),
        ("maintenance", "maintain"),
        ("production", "produce"),
        ("administration", "administer"),
        ("planning", "plan"),
        ("support", "support"),
    ],
)
def test_verbs_come_from_the_names_own_endings(head: str, verb: str) -> None:
    assert verb in _verb_bases(head)


def test_a_verb_that_is_a_noun_too_has_no_third_person() -> None:
    assert "reviews" not in set(_inflections("review", noun_too=True))
    assert {"manage", "manages", "managing"} <= set(_inflections("manage", noun_too=False))
