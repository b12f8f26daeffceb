"""Skills taxonomy and extractor: the taxonomy's shape, then a table of postings-like sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.data.build_skills import build_entries, render, validate
from parsing.sections import skill_text
from parsing.skills import DATA_FILE, extract_skills, normalize_phrase, taxonomy
from tests.parsing.skill_cases import assert_reads, reading_cases

# ---------------------------------------------------------------------------------- taxonomy


def test_taxonomy_has_at_least_1500_skills() -> None:
    assert len(taxonomy()) >= 1500


def test_canonical_names_are_unique() -> None:
    names = [e.name for e in taxonomy()]
    assert len(names) == len(set(names))


def test_every_entry_has_a_category_and_known_shape() -> None:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for item in raw:
        assert set(item) == {"name", "aliases", "category", "ambiguous", "umbrella"}, item
        assert isinstance(item["category"], str) and item["category"].strip(), item
        assert isinstance(item["ambiguous"], bool)
        assert all(isinstance(a, str) and a.strip() for a in item["aliases"])


def test_no_alias_is_claimed_by_two_skills() -> None:
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for entry in taxonomy():
        for written in (entry.name, *entry.aliases):
            key = normalize_phrase(written)
            other = owner.setdefault(key, entry.name)
            if other != entry.name:
                clashes.append((written, other, entry.name))
    # The one sanctioned kind of sharing: the same letters told apart by case (dbt vs DBT).
    assert all(w.isupper() or w.islower() for w, _, _ in clashes), clashes
    assert len(clashes) <= 2, clashes


def test_skills_json_is_built_from_the_sources() -> None:
    entries = build_entries()
    assert validate(entries) == []
    assert render(entries) == DATA_FILE.read_text(encoding="utf-8")


def test_gold_canonical_names_exist() -> None:
    names = {e.name for e in taxonomy()}
    expected = {
        "Python",
        "C#",
        "SQL",
        "PyTorch",
        "JAX",
        "TensorFlow",
        "NumPy",
        "pandas",
        "Transformers",
        "Diffusion Models",
        "Natural Language Processing",
        "Speech Recognition",
        "Computer Vision",
        "Reinforcement Learning",
        "Large Language Models",
        "Multimodal Large Language Models",
        "Vision-Language Models",
        "Vision-Language-Action Models",
        "Parameter-Efficient Fine-Tuning",
        "LoRA",
        "NeRF",
        "Gaussian Splatting",
        "Amazon Web Services",
        "Google Cloud Platform",
        "Microsoft Azure",
        "Weights & Biases",
        "Retrieval-Augmented Generation",
        "Machine Learning",
    }
    assert expected <= names, sorted(expected - names)


def test_everyday_words_are_marked_ambiguous() -> None:
    by_name = {e.name: e for e in taxonomy()}
    for name in ["Go", "R", "C", "Swift", "Apache Spark", "Microsoft Excel", "Rust", "React", "Chef"]:
        assert by_name[name].ambiguous, name
    for name in ["Python", "Kubernetes", "PyTorch"]:
        assert not by_name[name].ambiguous, name


def test_taxonomy_covers_non_software_fields() -> None:
    category_of = {e.name: e.category for e in taxonomy()}
    # One well-known skill of each field, filed under that field.
    assert category_of["Wound Care"] == "Healthcare & Clinical"
    assert category_of["Month-End Close"] == "Finance & Accounting"
    assert category_of["National Electrical Code"] == "Trades & Construction"
    assert category_of["Legal Research"] == "Legal & Compliance"
    assert category_of["Applicant Tracking Systems"] == "Human Resources"
    assert category_of["Search Engine Optimization"] == "Marketing"
    assert category_of["Solution Selling"] == "Sales"
    assert category_of["AWS Certified Solutions Architect"] == "Certifications"
    assert category_of["Network Security"] == "Security"


# ------------------------------------------------------------------------------ extraction


# What the extractor must read, one case a line: "+" the skills the text must yield, "-" those it
# must not, then "|" and the text.
READING_CASES = r"""
# --- found
# plain mentions
+ Python; SQL | We are looking for strong Python and SQL skills.
+ Python; C# | Proficient in Python, C# or similar programming languages
+ Kubernetes; Docker; Terraform | Hands-on with Kubernetes, Docker and Terraform.
+ TypeScript; React; Node.js; PostgreSQL | Our stack: TypeScript, React, Node.js and PostgreSQL.
+ C++; CUDA | You know C++ and CUDA well.
+ .NET Core; ASP.NET | Experience with .NET Core and ASP.NET MVC
# ambiguous words in a skill context
+ Go; Kubernetes | Backend services are written in Go and deployed on Kubernetes.
+ Spanish | Fluent in Spanish
+ Python; Go; Rust | Languages: Python, Go and Rust
+ R; SAS; Statistics | Knowledge of R or SAS for statistical modelling
+ C; Embedded Linux | Experience with C and embedded Linux
+ Apache Spark; Apache Airflow; ETL | Build ETL jobs using Spark and Airflow
+ Microsoft Excel; Microsoft Word; Microsoft PowerPoint | Proficient in Excel, Word and PowerPoint
+ Microsoft Word | Must know Microsoft Word
+ Flask; Django | Frameworks such as Flask or Django
+ Swift; Kotlin | Mobile apps in Swift and Kotlin
+ Chef; Puppet; Ansible | Configuration management with Chef, Puppet or Ansible
+ Unity; C# | Game prototypes built with Unity and C#
+ SAFe | Scaled Agile (SAFe) certification is a plus
# ML vocabulary, written the way postings write it
+ Large Language Models; Retrieval-Augmented Generation | Experience with LLMs and RAG pipelines
+ Deep Learning; Speech Recognition | deep learning for speech models and NLP
+ Natural Language Processing; Machine Learning | NLP / ML applications at scale
+ Machine Learning; Artificial Intelligence | Design ML / AI services
+ Transformers; Diffusion Models | Deep neural network models (e.g., transformers, diffusion models)
+ Transformers; Generative Models | Familiarity with transformer architectures and generative models
+ Computer Vision; Depth Estimation | 3D computer vision: depth estimation and 3D reconstruction
+ NeRF; Gaussian Splatting; Point Cloud Processing | NeRF/Gaussian splatting and point cloud processing
+ Sensor Fusion; LiDAR; Pose Estimation | multi-sensor fusion (RGB-D, LiDAR) and object pose estimation
+ Reinforcement Learning | model-based reinforcement learning and model-predictive control
+ Azure Machine Learning; Azure Databricks | Train models on Azure Machine Learning and Azure Databricks
+ MLflow; Weights & Biases | Track runs in MLflow or Weights & Biases (W&B)
+ Imitation Learning | Prior work on imitation learning and representation learning
+ Vision-Language-Action Models | Vision-Language-Action Models (VLAs) for robots
+ Computer Vision | Computer Vision (CV) research
+ Computer Vision; Natural Language Processing | Experience in CV, NLP or speech
# pasted-text damage
+ Parameter-Efficient Fine-Tuning; LoRA | Experience with ParameterEfficient FineTuning (PEFT) such as LoRA
+ Vision-Language Models | VisionLanguage Models (VLMs) and VisionLanguageAction Models
+ Self-Supervised Learning | selfsupervised learning at scale
+ Self-Supervised Learning | SelfSupervised Learning (SSL) and multimodal LLMs
+ Fine-Tuning | fine tuning and finetuning and fine-tuning
+ Python; PyTorch; NumPy | **Python**, **PyTorch** and `numpy`
+ Robotics | real\-world robotics and cloud\-native tooling
+ Computer Vision; Vision-Language Models | Knowledgeable with compter vision and vison language models
+ Deep Learning | deep neutral network design
+ Microsoft Office | Microsoft OfficeStrong attention to detail
+ Python; SQL; Tableau | Skills:Python, SQL, Tableau
+ Diffusion Models; World Models | diffusion model and world model research
+ PyTorch; TensorFlow; Kubernetes | PYTORCH, TENSORFLOW, KUBERNETES
+ PyTorch; TensorFlow; JAX | pytorch / tensorflow / jax
# other fields
+ RN; Basic Life Support | Current RN license and BLS certification required
+ Commercial Driver's License; Clean Driving Record | Class A CDL with a clean driving record
+ CPA; GAAP; Month-End Close | CPA preferred; strong GAAP and month-end close experience
+ PMP; Jira | PMP certified project manager with Jira experience
+ QuickBooks Online; Accounts Payable | Experience with QuickBooks Online and accounts payable
+ OSHA 10; Forklift Certification | OSHA 10 card, forklift certification and blueprint reading
+ Epic Systems; Medication Administration | Epic EHR charting and medication administration
+ Electronic Health Records; Patient Assessment | Document patient assessments in the EMR daily
+ AWS Certified Solutions Architect | AWS Certified Solutions Architect - Associate
+ CompTIA Security+; CompTIA Network+ | CompTIA Security+ and Network+ certified
+ Adobe InDesign; Adobe Illustrator | Adobe Creative Cloud (InDesign, Illustrator, Photoshop)
+ Search Engine Optimization; Google Ads | SEO, Google Ads and email marketing campaigns
+ Welding; Blueprint Reading | MIG and TIG welding, reading blueprints
+ Bilingual; Spanish; English | Bilingual (Spanish/English) preferred
+ dbt; Dialectical Behavior Therapy | dbt models on Snowflake; DBT and CBT for clients
# local names of tools and practices (German, French, Spanish)
+ Prototyping; Wireframing; Figma | Erstellung von Prototypen und Wireframes in Figma
+ Programmable Logic Controllers; TIA Portal | Kenntnisse in SPS-Programmierung (TIA Portal)
+ Accounts Payable | Maîtrise de la comptabilité fournisseurs
+ Account Reconciliation | Experiencia en conciliaciones bancarias
# practices written as what the job does
+ Account Reconciliation; Journal Entries | Reconcile accounts and prepare journal entries
+ Event-Driven Architecture | build and maintain event-driven architectures
# a list item with its capital after another capitalised word; a paste that lost its line break
+ Microsoft Excel | programs including Outlook, Word, Summation, Excel and others
+ Microsoft Excel | Microsoft products such as word, PowerPoint and excel.Essential duties
# a noun after a preposition; a team named after its way of working; a capitalised list item
+ Microsoft Excel | Track the monthly budget in Excel with the finance lead
+ Scrum | Work in cross-functional Scrum teams on the checkout flow
+ Apex | Postman, SOAP UI, Apex and Workbench daily
# specific practices that umbrella names used to swallow
+ Product Roadmap; Key Account Management | Own the product roadmap and run key account management
# words a coordination shares; an acronym after its own long form, or after other words
+ Email Marketing; Social Media Marketing | Plan email and social media marketing for the launch
+ Accounts Payable; Accounts Receivable | Manage accounts payable and receivable for two entities
+ ELT | Build Extract, Load, Transform (ELT) jobs
- ELT | Present quarterly to the executive leadership team (ELT).
# two lower-case office tools listed together after a cue
+ Microsoft Excel; Microsoft Word | Daily work needs in-depth use of excel and word
# a German VAT return
+ Value-Added Tax | Erstellung der Umsatzsteuervoranmeldung und Umsatzsteuer-Themen
# --- not found
- Go | Our go-to-market team will go to market in Q3.
- Go | We want a go-getter who can go above and beyond.
- C | You will report to the C-suite and other C level executives.
- R | Join our R&D group.
- Swift | Ensure swift delivery of every order.
- Apache Spark | Spark innovation across the company.
- Microsoft Excel | You will excel in a fast-paced environment and Excel at teamwork.
- Rust | Responsible for rust prevention on steel structures.
- React | Able to react quickly to customer needs.
- Express.js | Please express interest by email.
- Chef | The head chef runs the kitchen and the line cooks.
- Computer Vision | Please send your CV and a cover letter.
- Microsoft Word; Microsoft Teams | Word of mouth brings most of our clients; we work in small teams.
- Microsoft Outlook | The outlook for the season is strong.
- Microsoft Access | Residents have access to the gym.
- Human Resources Management; Machine Learning | Pay: $25/hr, 5 ml doses
- Storage Administration | Offices in San Mateo and San Jose
- SAFe; STEM Education | A safe workplace with stem cells research
- Python | Apply at https://careers.example.com/jobs/python-developer or jobs@example.com
- Device Drivers | We value diverse teams and excellent interest in learning.
- Adult Education | We offer a competitive compensation and benefits package and continuing education.
- Immigration Law | Great place to work: equal opportunity employer regardless of immigration status.
- Go | Maintain a database of contacts using a go-to spreadsheet.
- Chef | Sous Chef experience required; ServSafe certified.
- Go | Experience with Go is a plus for this sales role.
- Accounts Payable; Microsoft Teams | You have not managed teams and a P&L before.
- Epic Systems | electronic photonic integrated circuit (EPIC) chipsets
- C | A thorough understanding of A/E/C industry terminology
- Microsoft Access; Less | Clients may use or access the portal at any time; using less energy.
- Assembly | Bills of material (BOMs), assembly drawings and work instructions
- R | Send your résumé and portfolio; RÉSUMÉS reviewed weekly.
- German; French | Our German headquarters and French office
- Electronic Health Records | Pipelines on AWS (S3, Glue, EMR) with Spark
# everyday words and short codes that also name a skill
- Event Marketing; Email Marketing | We host events and send a weekly email to the team.
- SOLID Principles; Medical Coding | A solid understanding of coding standards.
- Physical Therapy; Employee Relations | PT/FT positions available; ER nurses welcome.
- Compensation and Benefits | Competitive compensation and total rewards.
# what the job does without, and a business area (acceptable, never reported)
- Prospecting | Ganz ohne Kaltakquise: deine Kunden kommen zu dir.
- E-commerce | We run a fast-growing e-commerce business.
# German VAT is not US sales tax, and neither is "by the way"
- Sales Tax | Umsatzsteuer und Bilanzierung nach HGB
- Sales Tax; Value-Added Tax | BTW, we only hire in the EU for now. Python and Django required.
# an ambiguous word opening a longer name; a perk; a clinical credential
- Oracle Database | We migrated from Oracle GoldenGate to a CDC pipeline in Python
- Employee Onboarding | Strukturierte Einarbeitung und ein modernes Büro in Köln
- Net Promoter Score | The RRT or NPS credential is required; CPR current.
"""


# Each text with the skills it must yield (True) or must not (False).
READINGS = reading_cases(READING_CASES)


@pytest.mark.parametrize(("text", "names", "present"), READINGS, ids=[t[:40] for t, _, _ in READINGS])
def test_reads_skills(text: str, names: list[str], present: bool) -> None:
    assert_reads(text, names, present)


def test_empty_and_wordless_text() -> None:
    assert extract_skills("") == []
    assert extract_skills("   \n\t ") == []
    assert extract_skills("!!! --- ???") == []


def test_more_mentions_rank_first() -> None:
    text = "We use Java. Python is key. Python pipelines, Python services."
    assert extract_skills(text)[:2] == ["Python", "Java"]


def test_ties_keep_first_appearance_order() -> None:
    assert extract_skills("Kubernetes, Terraform, Ansible") == ["Kubernetes", "Terraform", "Ansible"]


def test_aliases_of_one_skill_collapse_into_one_name() -> None:
    got = extract_skills("AWS, Amazon Web Services and aws again")
    assert got.count("Amazon Web Services") == 1
    assert got == ["Amazon Web Services"]


def test_alias_mentions_add_up_for_ranking() -> None:
    text = "Postgres and Docker. PostgreSQL tuning. MySQL too."
    assert extract_skills(text)[0] == "PostgreSQL"


def test_longest_match_wins() -> None:
    got = extract_skills("Azure Machine Learning pipelines")
    assert "Azure Machine Learning" in got
    assert "Machine Learning" not in got
    assert "Microsoft Azure" not in got


def test_parenthesised_acronym_counts_for_the_skill_before_it() -> None:
    got = extract_skills("Self-Supervised Learning (SSL) matters")
    assert got == ["Self-Supervised Learning"]
    assert "SSL Certificates" in extract_skills("Manage SSL certificates and PKI")


def test_short_aliases_need_their_case() -> None:
    assert "Machine Learning" in extract_skills("Experience with ML systems")
    assert "Machine Learning" not in extract_skills("add 10 ml of water")
    assert "R" not in extract_skills("skills in python, r and sql")
    assert "R" in extract_skills("skills in Python, R and SQL")


def test_typos_are_fixed_only_inside_multiword_skills() -> None:
    assert "Computer Vision" in extract_skills("compter vision")
    # A lone near-miss of a one-word skill is not "fixed" into it.
    assert "Kubernetes" not in extract_skills("kubernetos")
    # Two typos in one phrase are too many.
    assert "Computer Vision" not in extract_skills("compter vison")


def test_long_lists_resolve_in_one_sweep() -> None:
    # Context spreads from the one anchor at the end through 3,000 list items (quadratic
    # resolution would take many seconds here).
    got = extract_skills("Go, " * 3000 + "Python")
    assert got == ["Go", "Python"]


def test_results_are_canonical_names() -> None:
    names = {e.name for e in taxonomy()}
    got = extract_skills("python, PYTORCH, k8s, postgres, golang, sklearn")
    assert set(got) <= names
    assert {"Python", "PyTorch", "Kubernetes", "PostgreSQL", "Go", "scikit-learn"} <= set(got)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_returns_known_names(text: str) -> None:
    names = {e.name for e in taxonomy()}
    got = extract_skills(text)
    assert len(got) == len(set(got))
    assert set(got) <= names


# ------------------------------------------------------------------- sense checks and sections

SENSE: list[tuple[str, list[str], list[str]]] = [
    # (text, skills that must be found, skills that must not)
    ("Our clinic serves vital congregations and values compassion.", [], ["Vital Signs"]),
    ("Take vitals and chart them each shift.", ["Vital Signs"], []),
    ("We are lean software teams shipping weekly in Python.", ["Python"], ["Lean Manufacturing"]),
    (
        "Du arbeitest in agilen Teams mit Python, Docker und Kubernetes.",
        ["Python", "Docker"],
        ["Microsoft Teams"],
    ),
    ("Die Teams im Haus nutzen Java und Spring Boot.", ["Java", "Spring Boot"], ["Microsoft Teams"]),
    ("Meetings run on Microsoft Teams and Outlook.", ["Microsoft Teams"], []),
    (
        "Mentor juniors or lead small teams\nNode.js, TypeScript and Jest",
        ["Node.js", "Jest"],
        ["Microsoft Teams"],
    ),
    ("Good command of Microsoft products such as word, PowerPoint and excel.", ["Microsoft PowerPoint"], []),
    ("A fluent level of French and a good level of English.", ["French", "English"], []),
    (
        "Our warehouse runs autonomous forklifts; you write Python and ROS.",
        ["Python"],
        ["Forklift Operation"],
    ),
    ("Physical therapist with MSK experience treating orthopedic patients.", [], ["Amazon MSK"]),
    ("Stream events through Kafka on AWS (MSK) with Python consumers.", ["Apache Kafka"], []),
    ("Please attach your CV. Strong SQL required.", ["SQL"], ["Computer Vision"]),
    ("Ship features in React with the product designers.", ["React"], []),
    ("We react quickly and ship features weekly.", [], ["React"]),
    ("Partner with the Product Management team and the Recruiting department.", [], ["Product Management"]),
    ("Collaborate with UX designers and Data Science leadership on SQL models.", ["SQL"], ["Data Science"]),
    ("Layouts in InDesign and Illustrator.", ["Adobe InDesign", "Adobe Illustrator"], []),
    ("Participate in design reviews and testing.", [], ["Adobe InDesign"]),
    ("Experience with React, Node.js and the MERN stack.", ["React", "Node.js", "MERN Stack"], []),
    (
        "Vulnerability assessment, secure coding practices and threat modeling.",
        ["Vulnerability Assessment"],
        [],
    ),
    ("Debug boards over JTAG; write C for microcontrollers.", ["JTAG"], []),
    (
        "We practise extreme programming and pair programming.",
        ["Extreme Programming", "Pair Programming"],
        [],
    ),
    # local names: German, French, Spanish, Dutch, Portuguese
    ("Fließende Deutschkenntnisse und sehr gute Englischkenntnisse.", ["German", "English"], []),
    (
        "Erfahrung in der Lohnbuchhaltung und Kreditorenbuchhaltung mit DATEV.",
        ["Payroll", "Accounts Payable"],
        [],
    ),
    (
        "Vous parlez couramment français et anglais; maîtrise de la paie.",
        ["French", "English", "Payroll"],
        [],
    ),
    (
        "Experiencia en nóminas y cuentas por pagar; inglés avanzado.",
        ["Payroll", "Accounts Payable", "English"],
        [],
    ),
    ("Ervaring met salarisadministratie en boekhouding; je spreekt Nederlands.", ["Payroll", "Dutch"], []),
    ("Experiência com folha de pagamento e contas a receber.", ["Payroll", "Accounts Receivable"], []),
    ("Führerschein Klasse B und Erfahrung mit vorbeugende Wartung.", ["Driving Licence Class B"], []),
    ("Sicherer Umgang mit gängigen Tools wie Outlook und Word.", ["Microsoft Outlook", "Microsoft Word"], []),
    ("Word of mouth and the Outlook for next year look good.", [], ["Microsoft Word", "Microsoft Outlook"]),
    ("The range is CAD$114,000 - CAD$127,000; 3D CAD skills in SolidWorks.", ["SolidWorks"], []),
    ("Pair with GitHub Copilot daily; code lives on GitHub.", ["GitHub Copilot", "GitHub"], []),
    # word forms: a one-word name split at its capitals, a version glued on, a gerund's object
    ("Widgets written in Java Script and Type Script.", ["JavaScript", "TypeScript"], []),
    ("Bookkeeping in Quick Books Online for two clinics.", ["QuickBooks Online"], []),
    ("Strong Experience In Design reviews.", [], ["Adobe InDesign"]),
    ("Called in by the Rapid Response Team on night shifts.", [], ["RapidResponse"]),
    (
        "Our services run on MySQL8 and Java17; 1. Redis 2. Kafka6. gRPC",
        ["MySQL", "Java", "Apache Kafka"],
        [],
    ),
    ("Use Python3 scripts and HTML5 pages.", ["Python", "HTML"], []),
    (
        "Write unit and integration tests; prepare cost estimates and financial models.",
        ["Unit Testing", "Integration Testing", "Cost Estimating", "Financial Modeling"],
        [],
    ),
    ("Must work a rotating shift schedule, weekends included.", [], ["Shift Scheduling"]),
    ("Must have: 1. Java 2. Azure 3. Snowflake 4. Kafka", ["Java", "Snowflake", "Apache Kafka"], []),
    ("Bluetooth LE, Wi-Fi and 5G radios.", ["WiFi", "5G"], []),
    ("We have 3 Snowflake experts on staff.", [], ["Snowflake"]),
    # a prefix that negates the skill
    ("Handle non-medical billing and non-clinical intake calls.", [], ["Medical Billing"]),
    ("Code charts for medical billing.", ["Medical Billing"], []),
    # the specific item, not the parent that used to swallow it
    ("Automate the close with Excel VBA macros.", ["VBA"], ["Visual Basic"]),
    ("Sign zones with DNSSEC; run DNS for the campus.", ["DNSSEC", "DNS"], []),
    (
        "Five years of civil litigation; CNC machining of prototypes.",
        ["Civil Litigation", "CNC Machining"],
        [],
    ),
    (
        "Bus interfaces: PCIe, USB and Ethernet; DICOM viewers.",
        ["PCI Express", "USB", "Ethernet", "DICOM"],
        [],
    ),
    ("Modern C++ with the STL and Boost.", ["STL", "Boost"], []),
    ("Embryologist at STL Fertility, St. Louis.", [], ["STL"]),
    # German and Dutch suspended compounds
    ("Erstellung der Monats- und Jahresabschlüsse nach HGB.", ["Month-End Close"], []),
    ("Kampagnen für Meta-, Google- und TikTok-Ads.", ["Meta Ads", "Google Ads", "TikTok Ads"], []),
    ("Betrieb von Windows- und Linux-Systemen.", ["Windows", "Linux"], []),
    ("Du übernimmst die Lohn- und Finanzbuchhaltung.", ["Payroll", "Bookkeeping"], []),
]


@pytest.mark.parametrize(("text", "found", "forbidden"), SENSE, ids=[t[:40] for t, _, _ in SENSE])
def test_words_are_read_in_their_sense(text: str, found: list[str], forbidden: list[str]) -> None:
    got = extract_skills(text)
    assert not [s for s in found if s not in got], got
    assert not [s for s in forbidden if s in got], got


# Whole postings (invented) in shapes where the section reader decides what is read.
SECTION_CASES: list[tuple[str, list[str], list[str]]] = [
    (
        # a paste that lost its line breaks: the perks heading must not swallow the duties after it
        "Counselor\nWhat we offer:Flexible hoursWeekly supervisionStrong work/life balance"
        "Job Duties:Conducting intake sessions. Providing crisis intervention and case management.\n"
        "About us\nA small clinic in the mountains.",
        ["Crisis Intervention", "Case Management"],
        [],
    ),
    (
        # "dental" is a perk beside insurance, the job's own work in a dental posting
        "Dental Hygienist\nCompletes dental prophylaxis and periodontal charting for each patient.\n"
        "Benefits:\nMedical, dental and vision insurance",
        ["Dental Prophylaxis"],
        [],
    ),
    (
        "Wir bieten:\nJobrad und Fitnessstudio\n"
        "Ihr Aufgabengebiet:\nBetreuung der Kreditorenbuchhaltung mit DATEV",
        ["Accounts Payable", "DATEV"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "found", "forbidden"), SECTION_CASES, ids=[t[:40] for t, _, _ in SECTION_CASES]
)
def test_skills_are_read_in_the_sections_that_ask_for_them(
    text: str, found: list[str], forbidden: list[str]
) -> None:
    got = extract_skills(skill_text(text))
    assert not [s for s in found if s not in got], got
    assert not [s for s in forbidden if s in got], got


def test_a_currency_code_is_not_a_skill() -> None:
    assert extract_skills("Salary CAD$114,000 per year.") == []
    assert "Computer-Aided Design" in extract_skills("Strong CAD skills for fixture design.")


def test_umbrella_domains_are_read_but_not_reported() -> None:
    # "Software development" is read whole (so "Development" alone is not), but the job's
    # umbrella domain is not a skill it asks for.
    got = extract_skills("Software development and data analysis in Python; customer service mindset.")
    assert got == ["Python"]
    by_name = {e.name: e for e in taxonomy()}
    assert by_name["Software Development"].umbrella and not by_name["Python"].umbrella


def test_an_alias_naming_a_related_concept_is_a_skill_of_its_own() -> None:
    from parsing.data.build_skills import is_spelling_of

    assert is_spelling_of("Postgres", "PostgreSQL")
    assert is_spelling_of("sklearn", "scikit-learn")
    assert is_spelling_of("Cascading Style Sheets", "CSS")
    assert is_spelling_of("RAG pipelines", "Retrieval-Augmented Generation")
    # word forms of one activity agree
    assert is_spelling_of("Cold calls", "Cold Calling")
    assert is_spelling_of("Unit tests", "Unit Testing")
    assert not is_spelling_of("invoicing", "Billing")
    assert not is_spelling_of("WooCommerce", "WordPress")
    got = extract_skills("Build the shop on WordPress with WooCommerce; handle invoicing.")
    assert {"WordPress", "WooCommerce", "Invoicing"} <= set(got) and "Billing" not in got


def test_saved_index_is_current_and_reads_like_a_fresh_build() -> None:
    from parsing import skills

    assert skills.saved_index_is_current()
    saved = skills._load_saved(skills.INDEX_FILE, skills._taxonomy_digest())
    fresh = skills._build_index(skills.load_taxonomy())
    assert saved is not None
    assert saved.trie == fresh.trie and saved.aliases == fresh.aliases
    assert saved.entries == fresh.entries and saved.upper_alternates == fresh.upper_alternates


def test_a_stale_saved_index_is_not_used(tmp_path: Path) -> None:
    from parsing import skills

    stale = tmp_path / "index.marshal"
    stale.write_bytes(skills.INDEX_FILE.read_bytes())
    assert skills._load_saved(stale, "another taxonomy") is None
    stale.write_bytes(b"not an index")
    assert skills._load_saved(stale, skills._taxonomy_digest()) is None
