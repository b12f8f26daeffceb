"""Realistic synthetic job postings for benchmarks (no text copied from any corpus).

Each record is what ``jobscout export --format jsonl`` writes and ``jobscout import`` reads: the
pasted ``text`` (in a few common page shapes: a job-board copy, a labelled list, a chat paste in
markdown), the ``posting`` as a parser would read it (title, company, locations, workplace,
seniority, pay as stated, skills), and ``added_at`` spread over two years. Pay follows the role, the
seniority and the place, in the place's currency and a period typical for the role; skills come from
the role's family. Texts are assembled from large phrase pools with random details, so two postings
share little beyond boilerplate (well under the repost threshold), as real ones do.

    python -m bench.synthetic --n 100000 --out bench/out/postings.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

END = datetime(2026, 11, 1, tzinfo=UTC)
SPAN_DAYS = 730


@dataclass(frozen=True)
class Role:
    title: str
    family: str
    base_usd: float  # yearly, mid level, in a high-pay US city
    hourly: bool = False  # usually advertised per hour
    weight: float = 1.0


ROLES: tuple[Role, ...] = (
    Role("Software Engineer", "software", 135_000, weight=6),
    Role("Backend Engineer", "software", 140_000, weight=3),
    Role("Frontend Developer", "software", 120_000, weight=3),
    Role("Full Stack Developer", "software", 125_000, weight=3),
    Role("Mobile Developer", "software", 128_000),
    Role("Machine Learning Engineer", "ml", 165_000, weight=3),
    Role("Data Scientist", "data", 140_000, weight=3),
    Role("Data Engineer", "data", 138_000, weight=3),
    Role("Data Analyst", "data", 85_000, weight=3),
    Role("DevOps Engineer", "infra", 135_000, weight=2),
    Role("Site Reliability Engineer", "infra", 150_000),
    Role("Cloud Architect", "infra", 170_000),
    Role("Security Engineer", "infra", 150_000),
    Role("QA Engineer", "software", 95_000),
    Role("Product Manager", "product", 150_000, weight=3),
    Role("Product Designer", "design", 120_000, weight=2),
    Role("UX Researcher", "design", 115_000),
    Role("Engineering Manager", "software", 190_000),
    Role("Technical Writer", "product", 90_000),
    Role("Marketing Coordinator", "marketing", 55_000, weight=2),
    Role("Marketing Manager", "marketing", 105_000, weight=2),
    Role("Content Writer", "marketing", 60_000),
    Role("Sales Representative", "sales", 65_000, weight=2),
    Role("Account Executive", "sales", 95_000, weight=2),
    Role("Customer Service Representative", "support", 38_000, hourly=True, weight=3),
    Role("Customer Success Manager", "support", 80_000),
    Role("Administrative Assistant", "admin", 42_000, hourly=True, weight=2),
    Role("Office Manager", "admin", 60_000),
    Role("Accountant", "finance", 75_000, weight=2),
    Role("Financial Analyst", "finance", 88_000),
    Role("Recruiter", "people", 70_000),
    Role("HR Generalist", "people", 68_000),
    Role("Registered Nurse", "health", 90_000, hourly=True, weight=3),
    Role("Medical Assistant", "health", 40_000, hourly=True, weight=2),
    Role("Physical Therapist", "health", 95_000),
    Role("Pharmacist", "health", 130_000),
    Role("Electrician", "trades", 62_000, hourly=True, weight=2),
    Role("HVAC Technician", "trades", 58_000, hourly=True),
    Role("Warehouse Associate", "logistics", 36_000, hourly=True, weight=3),
    Role("Truck Driver", "logistics", 60_000, hourly=True, weight=2),
    Role("Project Manager", "product", 105_000, weight=2),
    Role("Business Analyst", "data", 90_000, weight=2),
    Role("Teacher", "education", 55_000, weight=2),
    Role("Paralegal", "legal", 58_000),
    Role("Associate Attorney", "legal", 130_000),
    Role("Civil Engineer", "engineering", 92_000),
    Role("Mechanical Engineer", "engineering", 98_000),
    Role("Restaurant Manager", "hospitality", 55_000),
    Role("Line Cook", "hospitality", 33_000, hourly=True, weight=2),
    Role("Barista", "hospitality", 29_000, hourly=True, weight=2),
)

SKILLS: dict[str, tuple[str, ...]] = {
    "software": (
        "Python",
        "Java",
        "Go",
        "TypeScript",
        "JavaScript",
        "React",
        "Node.js",
        "SQL",
        "PostgreSQL",
        "Docker",
        "Kubernetes",
        "AWS",
        "GCP",
        "Git",
        "REST APIs",
        "GraphQL",
        "C#",
        ".NET",
        "Rust",
        "Kotlin",
        "Swift",
        "CI/CD",
        "Microservices",
        "Redis",
        "Kafka",
        "Linux",
        "Testing",
    ),
    "ml": (
        "Python",
        "PyTorch",
        "TensorFlow",
        "scikit-learn",
        "SQL",
        "Spark",
        "MLOps",
        "Kubernetes",
        "AWS",
        "Deep Learning",
        "NLP",
        "Computer Vision",
        "LLMs",
        "Statistics",
        "Docker",
        "Airflow",
        "C++",
    ),
    "data": (
        "SQL",
        "Python",
        "R",
        "Tableau",
        "Power BI",
        "Excel",
        "Spark",
        "Airflow",
        "dbt",
        "Snowflake",
        "BigQuery",
        "Statistics",
        "Looker",
        "Pandas",
        "ETL",
        "Data Modeling",
        "AWS",
        "Kafka",
    ),
    "infra": (
        "Linux",
        "Kubernetes",
        "Terraform",
        "AWS",
        "Azure",
        "GCP",
        "Docker",
        "Ansible",
        "Python",
        "Go",
        "Prometheus",
        "CI/CD",
        "Networking",
        "Bash",
        "Security",
        "Incident Response",
        "Grafana",
    ),
    "product": (
        "Roadmapping",
        "Agile",
        "Scrum",
        "Jira",
        "SQL",
        "A/B Testing",
        "Stakeholder Management",
        "Figma",
        "Analytics",
        "Confluence",
        "User Research",
        "Communication",
    ),
    "design": (
        "Figma",
        "Sketch",
        "Prototyping",
        "User Research",
        "Design Systems",
        "Adobe Creative Suite",
        "Usability Testing",
        "HTML",
        "CSS",
        "Wireframing",
        "Accessibility",
    ),
    "marketing": (
        "SEO",
        "Google Analytics",
        "Content Marketing",
        "HubSpot",
        "Social Media",
        "Copywriting",
        "Adobe Creative Suite",
        "Email Marketing",
        "Salesforce",
        "Canva",
        "Excel",
        "Paid Search",
    ),
    "sales": (
        "Salesforce",
        "CRM",
        "Negotiation",
        "Cold Calling",
        "HubSpot",
        "Prospecting",
        "Excel",
        "Communication",
        "B2B Sales",
        "Account Management",
    ),
    "support": (
        "Zendesk",
        "Customer Service",
        "CRM",
        "Salesforce",
        "Communication",
        "Excel",
        "Ticketing",
        "Bilingual Spanish",
        "Microsoft Office",
    ),
    "admin": (
        "Microsoft Office",
        "Excel",
        "Scheduling",
        "Data Entry",
        "QuickBooks",
        "Communication",
        "Calendar Management",
        "Bookkeeping",
    ),
    "finance": (
        "Excel",
        "QuickBooks",
        "GAAP",
        "Financial Modeling",
        "SAP",
        "CPA",
        "Budgeting",
        "SQL",
        "Forecasting",
        "Audit",
        "Tax",
        "NetSuite",
    ),
    "people": (
        "Workday",
        "ATS",
        "Onboarding",
        "Employee Relations",
        "HRIS",
        "Sourcing",
        "LinkedIn Recruiter",
        "Compliance",
        "Payroll",
    ),
    "health": (
        "Patient Care",
        "EMR",
        "Epic",
        "BLS",
        "ACLS",
        "CPR",
        "Phlebotomy",
        "Medication Administration",
        "HIPAA",
        "Vital Signs",
        "Triage",
    ),
    "trades": (
        "Troubleshooting",
        "Blueprint Reading",
        "OSHA",
        "Electrical Systems",
        "HVAC",
        "Preventive Maintenance",
        "Hand Tools",
        "Refrigeration",
        "Welding",
        "PLC",
    ),
    "logistics": (
        "Forklift",
        "Inventory",
        "Shipping",
        "Receiving",
        "CDL Class A",
        "Pallet Jack",
        "RF Scanner",
        "DOT Compliance",
        "Safety",
    ),
    "education": (
        "Lesson Planning",
        "Classroom Management",
        "Curriculum Development",
        "Special Education",
        "Google Classroom",
        "Differentiated Instruction",
    ),
    "legal": (
        "Legal Research",
        "Westlaw",
        "Litigation",
        "Contract Drafting",
        "Case Management",
        "LexisNexis",
        "Discovery",
        "Corporate Law",
    ),
    "engineering": (
        "AutoCAD",
        "SolidWorks",
        "MATLAB",
        "Civil 3D",
        "Project Management",
        "GD&T",
        "FEA",
        "Revit",
        "PE License",
    ),
    "hospitality": (
        "Food Safety",
        "ServSafe",
        "POS Systems",
        "Inventory",
        "Customer Service",
        "Scheduling",
        "Cash Handling",
        "Espresso",
    ),
}


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    currency: str
    factor: float  # pay level relative to the base, in local currency units per USD of base
    weight: float = 1.0


PLACES: tuple[Place, ...] = (
    Place("San Francisco", "CA", "USD", 1.10, 4),
    Place("New York", "NY", "USD", 1.05, 5),
    Place("Seattle", "WA", "USD", 1.02, 3),
    Place("Austin", "TX", "USD", 0.90, 3),
    Place("Chicago", "IL", "USD", 0.88, 3),
    Place("Boston", "MA", "USD", 0.97, 2),
    Place("Denver", "CO", "USD", 0.86, 2),
    Place("Atlanta", "GA", "USD", 0.82, 2),
    Place("Omaha", "NE", "USD", 0.72, 1),
    Place("Phoenix", "AZ", "USD", 0.78, 2),
    Place("Miami", "FL", "USD", 0.80, 2),
    Place("Raleigh", "NC", "USD", 0.80, 1),
    Place("London", "England, UK", "GBP", 0.55, 4),
    Place("Manchester", "England, UK", "GBP", 0.45, 2),
    Place("Edinburgh", "Scotland, UK", "GBP", 0.45, 1),
    Place("Berlin", "Germany", "EUR", 0.55, 3),
    Place("Munich", "Germany", "EUR", 0.62, 2),
    Place("Amsterdam", "Netherlands", "EUR", 0.58, 2),
    Place("Paris", "France", "EUR", 0.52, 2),
    Place("Dublin", "Ireland", "EUR", 0.60, 2),
    Place("Madrid", "Spain", "EUR", 0.40, 1),
    Place("Zurich", "Switzerland", "CHF", 0.95, 1),
    Place("Toronto", "ON, Canada", "CAD", 0.85, 2),
    Place("Vancouver", "BC, Canada", "CAD", 0.88, 1),
    Place("Sydney", "NSW, Australia", "AUD", 1.05, 1),
    Place("Bengaluru", "India", "INR", 18.0, 3),
    Place("Hyderabad", "India", "INR", 15.0, 1),
    Place("Warsaw", "Poland", "PLN", 1.6, 1),
    Place("Stockholm", "Sweden", "SEK", 5.5, 1),
    Place("Singapore", "Singapore", "SGD", 0.95, 1),
)

SENIORITY = (
    ("intern", 0.45, 0.03),
    ("entry", 0.72, 0.18),
    ("mid", 1.0, 0.36),
    ("senior", 1.3, 0.26),
    ("lead", 1.45, 0.06),
    ("staff", 1.65, 0.04),
    ("principal", 1.85, 0.02),
    ("manager", 1.4, 0.03),
    ("director", 1.9, 0.02),
)
TITLE_PREFIX = {
    "intern": "Intern",
    "entry": "Junior",
    "senior": "Senior",
    "lead": "Lead",
    "staff": "Staff",
    "principal": "Principal",
    "manager": "Manager,",
    "director": "Director,",
}
SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹"}

_SYL = (
    "ac",
    "bel",
    "cor",
    "dan",
    "el",
    "fin",
    "gra",
    "hel",
    "ion",
    "jun",
    "kel",
    "lum",
    "mar",
    "nov",
    "or",
    "pel",
    "quin",
    "ros",
    "sol",
    "tar",
    "ul",
    "ver",
    "wex",
    "xan",
    "yor",
    "zen",
    "tri",
    "sto",
    "bri",
    "cal",
)
_SUFFIX = (
    "Labs",
    "Systems",
    "Health",
    "Group",
    "Technologies",
    "Partners",
    "Logistics",
    "Foods",
    "Bank",
    "Studio",
    "Analytics",
    "Networks",
    "Holdings",
    "Co.",
    "Inc.",
    "LLC",
    "Solutions",
    "Media",
    "Energy",
)
_VERBS = (
    "build",
    "design",
    "own",
    "improve",
    "scale",
    "maintain",
    "launch",
    "support",
    "lead",
    "coordinate",
    "analyze",
    "automate",
    "document",
    "review",
    "plan",
    "deliver",
    "operate",
    "test",
    "measure",
    "shape",
    "streamline",
    "evaluate",
    "deploy",
    "monitor",
    "prioritize",
    "negotiate",
    "mentor",
    "organize",
)
_ADJ = (
    "reliable",
    "customer-facing",
    "internal",
    "high-traffic",
    "regulated",
    "cross-functional",
    "scalable",
    "daily",
    "quarterly",
    "critical",
    "new",
    "existing",
    "global",
    "regional",
    "complex",
    "secure",
    "modern",
    "legacy",
    "fast-growing",
    "data-driven",
    "accessible",
    "efficient",
    "hands-on",
    "strategic",
)
_NOUN = (
    "services",
    "pipelines",
    "workflows",
    "reports",
    "dashboards",
    "processes",
    "campaigns",
    "accounts",
    "systems",
    "tools",
    "schedules",
    "budgets",
    "programs",
    "products",
    "features",
    "integrations",
    "experiments",
    "records",
    "operations",
    "vendors",
    "projects",
    "roadmaps",
    "facilities",
    "teams",
    "clients",
    "patients",
    "shipments",
    "models",
    "interfaces",
    "standards",
    "audits",
    "orders",
)
_WITH = (
    "with our {t} team",
    "across {n} locations",
    "for {n}k+ customers",
    "alongside {t} partners",
    "in a {a} environment",
    "using {s}",
    "with {s} and {s2}",
    "under tight deadlines",
    "from day one",
    "within the first {n} months",
    "for our {t} division",
    "at {n} sites",
)
_TEAMS = (
    "platform",
    "growth",
    "operations",
    "finance",
    "clinical",
    "field",
    "payments",
    "research",
    "retail",
    "logistics",
    "security",
    "marketing",
    "partnerships",
    "infrastructure",
    "member services",
)
_ABOUT = (
    "{c} is a {adj} company helping {n}k {who} {verb} their {noun}.",
    "Founded in {year}, {c} has grown to {n} offices and serves {who} in {m} countries.",
    "At {c}, we believe {noun} should be {adj}. Our {t} team is growing.",
    "{c} operates {n} locations and is expanding its {t} organization.",
    "Join {c}, a {adj} employer recognized for {noun} and {noun2}.",
)
_WHO = (
    "businesses",
    "families",
    "hospitals",
    "retailers",
    "schools",
    "developers",
    "drivers",
    "members",
    "patients",
    "small teams",
    "manufacturers",
    "creators",
)
_REQ = (
    "{n}+ years of experience with {s}",
    "Working knowledge of {s} and {s2}",
    "Experience in a {adj} setting",
    "Strong communication skills and attention to detail",
    "Ability to {verb} {adj} {noun} independently",
    "Familiarity with {s} is a plus",
    "Comfortable with {s}",
    "Proven track record to {verb} {noun}",
    "Bachelor's degree or equivalent experience",
    "Valid driver's license",
    "Able to lift 25-50 lbs",
)
_BENEFITS = (
    "Medical, dental and vision insurance",
    "401(k) with {n}% match",
    "{n} days paid time off",
    "Flexible hours",
    "Paid parental leave",
    "Learning budget",
    "Employee discount",
    "Commuter benefits",
    "Wellness stipend",
    "Remote-friendly culture",
    "Tuition reimbursement",
    "Paid holidays",
    "Life insurance",
    "Gym membership",
)
_EEO = (
    "{c} is an equal opportunity employer. All qualified applicants will receive consideration for "
    "employment without regard to race, color, religion, sex, sexual orientation, gender identity, national "
    "origin, disability, or veteran status."
)


def _weighted(rng: random.Random, items: tuple[Any, ...], weights: list[float]) -> Any:
    return rng.choices(items, weights=weights, k=1)[0]


class Generator:
    def __init__(self, seed: int = 7, total: int = 1) -> None:
        self.rng = random.Random(seed)
        self.total = max(1, total)
        self.role_w = [r.weight for r in ROLES]
        self.place_w = [p.weight for p in PLACES]
        self.sen_w = [s[2] for s in SENIORITY]
        self.companies = [self._company() for _ in range(5000)]

    def _company(self) -> str:
        rng = self.rng
        name = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{name} {rng.choice(_SUFFIX)}" if rng.random() < 0.7 else name

    def _fill(self, template: str, ctx: dict[str, str]) -> str:
        rng = self.rng
        values = {
            "n": str(rng.randint(2, 40)),
            "m": str(rng.randint(3, 60)),
            "year": str(rng.randint(1950, 2021)),
            "adj": rng.choice(_ADJ),
            "a": rng.choice(_ADJ),
            "verb": rng.choice(_VERBS),
            "noun": rng.choice(_NOUN),
            "noun2": rng.choice(_NOUN),
            "who": rng.choice(_WHO),
            "t": rng.choice(_TEAMS),
            **ctx,
        }
        return template.format(**values)

    def _pay(self, role: Role, level: float, place: Place) -> tuple[float | None, float | None, str, str]:
        rng = self.rng
        yearly = role.base_usd * level * place.factor * math.exp(rng.gauss(0, 0.18))
        currency = place.currency
        if role.hourly and currency in ("USD", "CAD", "AUD") and rng.random() < 0.85:
            period, amount, step = "hour", yearly / 2080, 0.5
        elif currency == "INR" and rng.random() < 0.3:
            period, amount, step = "month", yearly / 12, 1000.0
        elif rng.random() < 0.04:
            period, amount, step = "day", yearly / 260, 5.0
        else:
            period, amount, step = "year", yearly, 1000.0
        shape = rng.random()
        if shape < 0.7:
            spread = rng.uniform(0.08, 0.3)
            low = round(amount * (1 - spread / 2) / step) * step
            high = round(amount * (1 + spread / 2) / step) * step
            return low, high, currency, period
        if shape < 0.9:
            value = round(amount / step) * step
            return value, value, currency, period
        if shape < 0.95:
            return None, round(amount * 1.1 / step) * step, currency, period
        return round(amount * 0.9 / step) * step, None, currency, period

    def _money(self, value: float | None, currency: str) -> str:
        if value is None:
            return ""
        text = f"{value:,.2f}".removesuffix(".00") if value < 1000 else f"{value:,.0f}"
        return f"{SYMBOL[currency]}{text}" if currency in SYMBOL else f"{text} {currency}"

    def _pay_text(self, low: float | None, high: float | None, currency: str, period: str) -> str:
        rng = self.rng
        per = {
            "hour": rng.choice(("per hour", "/hour", "an hour", "/hr")),
            "day": rng.choice(("per day", "a day")),
            "month": rng.choice(("per month", "/month", "monthly")),
            "year": rng.choice(("per year", "a year", "annually", "per annum", "/yr")),
        }[period]
        if low is not None and high is not None and low != high:
            amount = f"{self._money(low, currency)} - {self._money(high, currency)}"
        elif low is not None and high is not None:
            amount = self._money(low, currency)
        elif high is not None:
            amount = f"Up to {self._money(high, currency)}"
        else:
            amount = f"From {self._money(low, currency)}"
        return f"{amount} {per}"

    def record(self, index: int) -> dict[str, Any]:
        rng = self.rng
        role: Role = _weighted(rng, ROLES, self.role_w)
        place: Place = _weighted(rng, PLACES, self.place_w)
        seniority, level, _ = _weighted(rng, SENIORITY, self.sen_w)
        prefix = TITLE_PREFIX.get(seniority)
        title = f"{prefix} {role.title}" if prefix else role.title
        if seniority in ("manager", "director"):
            title = f"{prefix.rstrip(',')} of {role.title}s" if rng.random() < 0.5 else title  # type: ignore[union-attr]
        company = rng.choice(self.companies)
        workplace = rng.choices(("onsite", "hybrid", "remote", None), weights=(45, 25, 18, 12))[0]
        location = f"{place.city}, {place.region}"
        pool = SKILLS[role.family]
        skills = rng.sample(pool, k=min(len(pool), rng.randint(3, 10)))
        has_pay = rng.random() < 0.62
        pay = self._pay(role, level, place) if has_pay else None
        pay_text = self._pay_text(*pay) if pay else None
        employment = rng.choices(
            ("full_time", "part_time", "contract", "internship"), weights=(80, 8, 10, 2)
        )[0]
        if seniority == "intern":
            employment = "internship"
        first, second = rng.sample(skills, k=2)
        ctx = {"c": company, "s": first, "s2": second}
        text = self._text(title, company, location, workplace, pay_text, skills, employment, ctx, index)
        # Oldest first, as an export is: record i of n sits at quantile i/n of a distribution with more
        # postings lately (density growing linearly over the two years).
        day = SPAN_DAYS * (1 - math.sqrt((index + rng.random()) / self.total))
        added = END - timedelta(days=day)
        posting: dict[str, Any] = {
            "title": title,
            "company": company,
            "locations": [location],
            "workplace": workplace,
            "employment_type": employment,
            "seniority": seniority,
            "skills": skills,
        }
        if pay is not None and pay_text is not None:
            low, high, currency, period = pay
            stated = {"min": low, "max": high, "currency": currency, "period": period, "text": pay_text}
            posting["salary"] = stated
            posting["salary_ranges"] = [stated]
        return {"text": text, "posting": posting, "added_at": added.isoformat()}

    def _text(
        self,
        title: str,
        company: str,
        location: str,
        workplace: str | None,
        pay_text: str | None,
        skills: list[str],
        employment: str,
        ctx: dict[str, str],
        index: int,
    ) -> str:
        rng = self.rng

        def sentence() -> str:
            a, b = rng.sample(skills, k=2)
            with_ = self._fill(rng.choice(_WITH), {"s": a, "s2": b})
            return f"{rng.choice(_VERBS).capitalize()} {rng.choice(_ADJ)} {rng.choice(_NOUN)} {with_}."

        about = " ".join(self._fill(rng.choice(_ABOUT), ctx) for _ in range(rng.randint(1, 3)))
        duties = [sentence() for _ in range(rng.randint(4, 10))]
        reqs = [
            self._fill(
                rng.choice(_REQ), {**ctx, **dict(zip(("s", "s2"), rng.sample(skills, k=2), strict=True))}
            )
            for _ in range(rng.randint(3, 7))
        ]
        benefits = [self._fill(b, ctx) for b in rng.sample(_BENEFITS, k=rng.randint(2, 6))]
        job_type = employment.replace("_", "-").capitalize()
        where = location + (f" ({workplace.capitalize()})" if workplace else "")
        shape = rng.random()
        if shape < 0.45:  # a job board page copied: title, company and place, then the description
            head = f"{title}\n{company} · {where}\n\nAbout the job\n{about}\n\n"
            body = "Responsibilities\n" + "\n".join(duties) + "\n\nQualifications\n" + "\n".join(reqs)
            tail = f"\n\nJob Type: {job_type}\n"
            if pay_text:
                tail += f"Pay: {pay_text}\n"
            tail += "Benefits:\n" + "\n".join(benefits) + "\n\n" + self._fill(_EEO, ctx)
            return head + body + tail
        if shape < 0.8:  # labelled fields
            lines = [
                f"Job Title: {title}",
                f"Company: {company}",
                f"Location: {where}",
                f"Employment: {job_type}",
            ]
            if pay_text:
                lines.append(f"Salary: {pay_text}")
            lines.append(f"Ref: JS-{index:07d}")
            return (
                "\n".join(lines)
                + f"\n\nDescription:\n{about}\n\n"
                + " ".join(duties)
                + "\n\nRequirements:\n- "
                + "\n- ".join(reqs)
                + "\n\nWhat we offer:\n- "
                + "\n- ".join(benefits)
            )
        # a chat paste in markdown
        pay_line = f" | 💰 {pay_text}" if pay_text else ""
        return (
            f"**{title}** @ {company}\n📍 {where}{pay_line}\n\n{about}\n\n**What you'll do**\n- "
            + "\n- ".join(duties)
            + "\n\n**You have**\n- "
            + "\n- ".join(reqs)
            + f"\n\nStack: {', '.join(skills)}\nPerks: {'; '.join(benefits)}\n"
        )

    def records(self, n: int) -> Iterator[dict[str, Any]]:
        for i in range(n):
            yield self.record(i)


def write(path: Path, n: int, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    gen = Generator(seed, n)
    with tmp.open("w", encoding="utf-8") as out:
        for record in gen.records(n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="JSONL file (default: standard output)")
    args = parser.parse_args(argv)
    if args.out:
        write(args.out, args.n, args.seed)
    else:
        for record in Generator(args.seed, args.n).records(args.n):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
