"""Normalised roles: what posting titles and user queries are compared by."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.role import ROLE_ABBREVIATIONS, ROLE_HEADS, VOCABULARY, fold, is_title_word, normalize_role

ROLES: list[tuple[str, str | None]] = [
    # Machine learning: abbreviations, levels, team suffixes and word order all collapse.
    ("Sr. ML Engineer II", "machine learning engineer"),
    ("Senior Machine Learning Engineer", "machine learning engineer"),
    ("AI/ML Engineer", "machine learning engineer"),
    ("ML/AI Engineer", "machine learning engineer"),
    ("AI & Machine Learning Engineer", "machine learning engineer"),
    ("Machine Learning Engineer (Spatial AI)", "machine learning engineer"),
    ("Engineer, Machine Learning", "machine learning engineer"),
    ("Engineer - Machine Learning", "machine learning engineer"),
    ("ML Eng", "machine learning engineer"),
    ("MLE", "machine learning engineer"),
    ("Staff Machine Learning Engineer, Ads Ranking", "machine learning engineer"),
    # Software.
    ("SWE", "software engineer"),
    ("Software Dev Engineer", "software engineer"),
    ("Software Development Engineer", "software engineer"),
    ("SDE II", "software engineer"),
    ("Software Engineer III", "software engineer"),
    ("Software Engineer 2", "software engineer"),
    ("Lead Software Engineer", "software engineer"),
    ("Senior Software Engineer at Stripe", "software engineer"),
    ("Remote - Senior Software Engineer", "software engineer"),
    ("Software Engineer, Backend (Remote)", "software engineer"),
    ("Full-Stack Developer", "full stack developer"),
    ("Front End Developer", "frontend developer"),
    ("QA Engineer", "quality assurance engineer"),
    ("SRE", "site reliability engineer"),
    ("C++ Developer", "c++ developer"),
    (".NET Developer", ".net developer"),
    # Data.
    ("Sr Data Scientist", "data scientist"),
    ("Data Scientist, Product Analytics", "data scientist"),
    ("Principal Data Analyst (Level 5)", "data analyst"),
    # Research staff titles keep their own words.
    ("Member of Technical Staff, Microsoft Robotics (Spatial AI)", "member of technical staff"),
    ("MTS", "member of technical staff"),
    # Health care.
    ("RN", "registered nurse"),
    ("Registered Nurse - ICU", "registered nurse"),
    ("Registered Nurse (RN)", "registered nurse"),
    ("Staff RN", "registered nurse"),
    ("Registered Nurses", "registered nurse"),
    ("CNA", "certified nursing assistant"),
    # Everything else.
    ("Manager, Retail Pharmacy", "retail pharmacy manager"),
    ("Eng Manager", "engineering manager"),
    ("Staff Accountant", "accountant"),
    ("Associate Attorney", "attorney"),
    ("Sales Associate", "sales associate"),
    ("Assistant Manager", "assistant manager"),
    ("Lead Generation Specialist", "lead generation specialist"),
    ("Entry Level Oracle Financial Technology Consultant", "oracle financial technology consultant"),
    ("Dental CAD/CAM Designer - $20-$30/hour", "dental cad/cam designer"),
    ("UX Designer", "ux designer"),
    ("User Experience Designer", "ux designer"),
    ("Artificial Intelligence Engineer", "ai engineer"),
    ("VP of Engineering", "vice president of engineering"),
    ("CFO", "chief financial officer"),
    ("Research & Development Engineer", "research and development engineer"),
    ("Data Engineer (m/w/d)", "data engineer"),
    ("Principal", "principal"),
    ("Senior", None),
    ("", None),
    ("   ", None),
]


# Titles in the seven languages of ``parsing/data/role_words.txt``, with feminine forms, gender notes and
# German compounds, each with the role key it must share with its English twin (or a key of its own).
LANGUAGE_ROLES: list[tuple[str, str | None]] = [
    # German: compounds read by their head, fields after the head put in front, "für ..." left out.
    ("Softwareentwickler (m/w/d)", "software developer"),
    ("Softwareentwicklerin", "software developer"),
    ("Software-Entwickler*in Backend", "backend software developer"),
    ("Backendentwickler", "backend developer"),
    ("Elektroniker für Betriebstechnik (m/w/d)", "electronics technician"),
    ("Ausbildung zum Elektroniker für Betriebstechnik (m/w/d) 2026", "electronics technician apprentice"),
    ("Sachbearbeiter Buchhaltung", "accounting clerk"),
    ("Sachbearbeiterin Einkauf (w/m/d)", "purchasing clerk"),
    ("Pflegefachkraft", "nurse"),
    ("Kundenberater", "customer advisor"),
    ("Kundenberater:in", "customer advisor"),
    ("Projektleiter", "project manager"),
    ("Projektleiterin", "project manager"),
    ("Leiter Vertrieb (m/w/d)", "sales manager"),
    ("Konstruktionsingenieur", "design engineer"),
    ("IT-Systemadministrator (m/w/d)", "it systems administrator"),
    ("Datenanalyst", "data analyst"),
    ("Steuerberaterin", "tax advisor"),
    ("Mitarbeiter/-in Kundenservice", "customer service worker"),
    ("Bankkaufmann/-frau", "bank clerk"),
    ("Bankkauffrau", "bank clerk"),
    ("Werkstudent Marketing (m/w/d)", "marketing intern"),
    ("Executive Assistant für die Geschäftsführung (m/w/d)", "executive assistant"),
    ("Assistenz der Geschäftsführung", "executive assistant"),
    ("Corporate Development Manager (m/f/x) in Berlin", "corporate development manager"),
    ("Google Manager*in im Homeoffice", "google manager"),
    # French.
    ("Développeur Full Stack (H/F)", "full stack developer"),
    ("Développeuse Full Stack (F/H)", "full stack developer"),
    ("Developpeur full stack", "full stack developer"),
    ("Ingénieur(e) logiciel", "software engineer"),
    ("Chef de projet IT", "it project manager"),
    ("Responsable Marketing", "marketing manager"),
    ("Infirmière", "nurse"),
    ("Directrice commerciale", "sales director"),
    ("Chargé de recrutement", "recruiter"),
    # Spanish.
    ("Desarrollador Backend", "backend developer"),
    ("Desarrolladora Backend", "backend developer"),
    ("Desarrollador/a Backend", "backend developer"),
    ("Ingeniero de Datos", "data engineer"),
    ("Ingeniera de Datos", "data engineer"),
    ("Analista de Datos Sr.", "data analyst"),
    ("Representante de Ventas en Madrid", "sales representative"),
    ("Especialista de Atención al Cliente", "customer service specialist"),
    ("Director Comercial", "sales director"),
    # Portuguese.
    ("Desenvolvedor(a) Front-end", "frontend developer"),
    ("Desenvolvedora Front-end", "frontend developer"),
    ("Engenheiro de Dados Pleno", "data engineer"),
    ("Analista de Dados", "data analyst"),
    ("Enfermeira", "nurse"),
    # Dutch.
    ("Verpleegkundige", "nurse"),
    ("Softwareontwikkelaar", "software developer"),
    ("Projectleider", "project manager"),
    ("Magazijnmedewerker", "warehouse worker"),
    ("Systeembeheerder (m/v)", "systems administrator"),
    # Italian.
    ("Sviluppatore Java", "java developer"),
    ("Sviluppatrice Java", "java developer"),
    ("Ingegnere del Software", "software engineer"),
    ("Responsabile Vendite", "sales manager"),
    ("Infermiera", "nurse"),
    # Polish.
    ("Programista Java", "java developer"),
    ("Programistka Java (k/m)", "java developer"),
    ("Programista/Programistka Python", "python developer"),
    ("Specjalista ds. sprzedaży", "sales specialist"),
    ("Kierownik projektu", "project manager"),
    ("Młodszy Analityk Danych", "data analyst"),
    # English titles keep their keys: the vocabulary reads only the words it knows.
    ("Commercial Manager", "commercial manager"),
    ("Professor of Mathematics", "professor of mathematics"),
    ("Software Engineer in Test", "software engineer in test"),
    ("Kraft Heinz Sales Manager", "kraft heinz sales manager"),
    ("Account Manager Bangkok", "account manager bangkok"),
    ("Personal Assistant", "personal assistant"),
    # Words that end like a head, or are a head elsewhere, but name no role.
    ("Halbleiter", None),
    ("Leider ist diese Stelle besetzt", None),
    ("Wasserkraft", None),
]


@pytest.mark.parametrize(
    ("title", "role"), [*ROLES, *LANGUAGE_ROLES], ids=[t or "<empty>" for t, _ in [*ROLES, *LANGUAGE_ROLES]]
)
def test_normalize_role(title: str, role: str | None) -> None:
    assert normalize_role(title) == role


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ml engineer", "Senior Machine Learning Engineer"),
        ("swe", "Software Engineer III"),
        ("sr data scientist", "Data Scientist"),
        ("engineer, machine learning", "ML Engineer II"),
        ("rn", "Registered Nurse - ICU"),
        ("Software Developer Engineer", "SDE"),
    ],
)
def test_queries_meet_titles(query: str, title: str) -> None:
    assert normalize_role(query) == normalize_role(title)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Data Scientist", "Data Engineer"),
        ("Registered Nurse", "Nurse Practitioner"),
        ("Software Engineer", "Software Engineering Manager"),
        ("Product Manager", "Project Manager"),
    ],
)
def test_different_roles_stay_apart(a: str, b: str) -> None:
    assert normalize_role(a) != normalize_role(b)


def test_abbreviation_table_is_data() -> None:
    assert ROLE_ABBREVIATIONS["ml"] == "machine learning"
    assert all(key == key.lower() and value == value.lower() for key, value in ROLE_ABBREVIATIONS.items())
    assert {"engineer", "nurse", "scientist"} <= ROLE_HEADS


def test_normalisation_is_idempotent() -> None:
    for title, role in ROLES:
        if role is not None:
            assert normalize_role(role) == role, title


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_never_raises(title: str) -> None:
    role = normalize_role(title)
    assert role is None or (role == role.casefold() and role == role.strip() and role)


@pytest.mark.parametrize(
    ("local", "english"),
    [
        ("Softwareentwickler", "Software Developer"),
        ("Ingeniero de Datos", "Data Engineer"),
        ("Sachbearbeiter Buchhaltung", "Accounting Clerk"),
        ("Verpleegkundige", "Nurse"),
        ("Kundenberater", "Customer Advisor"),
        ("Projektleiter", "Project Manager"),
        ("Chef de projet", "Project Manager"),
        ("Programista Java", "Java Developer"),
        ("Desenvolvedor(a) Front-end", "Front-end Developer"),
        ("Elektroniker für Betriebstechnik (m/w/d)", "Electronics Technician"),
        ("Representante de Ventas", "Sales Representative"),
        ("Sviluppatore Software", "Software Developer"),
    ],
)
def test_local_titles_share_the_english_twins_key(local: str, english: str) -> None:
    assert normalize_role(local) == normalize_role(english) is not None


def test_role_heads_hold_local_words_and_feminine_forms() -> None:
    assert {"entwickler", "entwicklerin", "développeur", "developpeur", "développeuse"} <= ROLE_HEADS
    assert {
        "desarrolladora",
        "sviluppatrice",
        "programistka",
        "verpleegkundige",
        "projektleiterin",
    } <= ROLE_HEADS


# One word that marks a title in some language, a compound on a head or a feminine form among them.
TITLE_WORDS = "Engineers Heizungstechnikerin Projektmanager Pflegefachkraft desarrolladora Magazijnmedewerker"
# Names, everyday words and words that only end like a head: never evidence of a title.
NO_TITLE_WORDS = """
    leider kraft meister mitarbeiter koch halbleiter técnico tecnica ingenieuse caixa datos daten commercial
    Innovationskraft Einleitung Politécnico Technologies
"""


@pytest.mark.parametrize("word", TITLE_WORDS.split())
def test_words_that_mark_a_title(word: str) -> None:
    assert is_title_word(word)


@pytest.mark.parametrize("word", NO_TITLE_WORDS.split())
def test_words_that_mark_no_title(word: str) -> None:
    assert not is_title_word(word)
    assert word.casefold() not in ROLE_HEADS and fold(word) not in ROLE_HEADS


def test_vocabulary_is_read_from_the_data_file() -> None:
    assert VOCABULARY.words["ingeniero"] == "engineer"
    assert VOCABULARY.heads["entwickler"] == "developer"
    assert VOCABULARY.fronts["daten"] == "data"
    assert fold("für") in VOCABULARY.cut and "de" in VOCABULARY.link
    # Every role word names its role in English words the English head list knows.
    for word in VOCABULARY.evidence:
        english = VOCABULARY.words.get(fold(word))
        if english is not None:
            assert normalize_role(english) is not None, (word, english)


def test_fold_removes_latin_accents_only() -> None:
    assert fold("Développeur Ñandú Łódź") == "developpeur nandu lodz"
    assert fold("アソシエイト") == "アソシエイト"
