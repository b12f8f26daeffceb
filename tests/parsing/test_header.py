"""Title, company and locations from the shapes people paste: job sites, labelled fields, prose, emails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.header import Header, extract_header, title_like
from parsing.places import is_location, normalize_locations

# (case id, paste, title, company, locations). Companies and places are invented.
SHAPES: list[tuple[str, str, str | None, str | None, list[str]]] = [
    # LinkedIn: title, then "Company · Location" with the page's own extras.
    (
        "linkedin-dot",
        "Senior Data Engineer\nNorthwind Analytics · Denver, CO (Hybrid)\n\nAbout the job\nWe build "
        "dashboards.",
        "Senior Data Engineer",
        "Northwind Analytics",
        ["Denver, CO"],
    ),
    (
        "linkedin-dot-extras",
        "Staff Software Engineer, Payments\nKestrel Pay · San Francisco, CA · 3 days ago · Over 100 "
        "applicants\n"
        "Hybrid  Full-time  Mid-Senior level\n\nAbout the job\nKestrel Pay moves money.",
        "Staff Software Engineer, Payments",
        "Kestrel Pay",
        ["San Francisco, CA"],
    ),
    (
        "linkedin-company-first",
        "Kestrel Pay\nShare\nShow more options\nSenior Backend Engineer\nAustin, TX · Reposted 2 weeks ago · "
        "Over 100 "
        "people clicked apply\nPromoted by hirer · Responses managed off "
        "LinkedIn\nHybrid\nFull-time\nApply\nSave\n"
        "About the job\nWe are a fintech.",
        "Senior Backend Engineer",
        "Kestrel Pay",
        ["Austin, TX"],
    ),
    (
        "linkedin-lines",
        "Product Designer\nBluebird Health\nBoston, MA\n\nFull job description\nDesign things.",
        "Product Designer",
        "Bluebird Health",
        ["Boston, MA"],
    ),
    (
        "linkedin-no-company-shown",
        "Welder\n · Tulsa, OK\n\nAbout the job\nAt Prairie Steel, we weld.",
        "Welder",
        None,
        ["Tulsa, OK"],
    ),
    (
        "linkedin-uk-three-part-place",
        "Software Engineer\nMonzo Bank · London, England, United Kingdom\n\nAbout the job\nBank things.",
        "Software Engineer",
        "Monzo Bank",
        ["London, England, United Kingdom"],
    ),
    (
        "linkedin-state-and-country",
        "Loan Processor\nCedar Mortgage · New Jersey, United States\n\nAbout the job\nProcess loans.",
        "Loan Processor",
        "Cedar Mortgage",
        ["New Jersey, United States"],
    ),
    (
        "linkedin-metro-area",
        "Barista\nBean There · Denver Metropolitan Area\n\nAbout the job\nPull shots.",
        "Barista",
        "Bean There",
        ["Denver Metropolitan Area"],
    ),
    (
        "company-with-suffix-and-commas",
        "Litigation Paralegal\nHarlow, Finch & Ode, P.C. · Fort Worth, TX\n\nAbout the job\nSupport "
        "attorneys.",
        "Litigation Paralegal",
        "Harlow, Finch & Ode, P.C.",
        ["Fort Worth, TX"],
    ),
    # Indeed: rating, address with ZIP, pay line, job type.
    (
        "indeed",
        "Registered Nurse - ICU\nSt. Agnes Medical Center\n4.1 out of 5 stars\nFresno, CA 93720\n"
        "$48 - $62 an hour - Full-time\nFull job description\nProvide care.",
        "Registered Nurse - ICU",
        "St. Agnes Medical Center",
        ["Fresno, CA"],
    ),
    (
        "indeed-job-post-remote-in",
        "Data Analyst - job post\nOakline Foods\n3.6\n3.6 out of 5 stars\nRemote in Chicago, IL\n"
        "$70,000 - $85,000 a year -  Full-time\nProfile insights\nJob details\nFull job description\nAnalyse "
        "data.",
        "Data Analyst",
        "Oakline Foods",
        ["Chicago, IL"],
    ),
    (
        "indeed-hybrid-work-in",
        "Customer Success Manager\nLattice Works\nHybrid work in Austin, TX 78701\n$80,000 - $95,000 a year\n"
        "Full job description\nHelp customers.",
        "Customer Success Manager",
        "Lattice Works",
        ["Austin, TX"],
    ),
    (
        "glassdoor-company-first",
        "Pinecrest Software\n4.2 ★\nSenior QA Engineer\nRaleigh, NC\n$95K - $120K (Employer est.)\nEasy "
        "Apply\n"
        "Job description\nTest things.",
        "Senior QA Engineer",
        "Pinecrest Software",
        ["Raleigh, NC"],
    ),
    (
        "wellfound-bullets",
        "Founding Engineer\nLoop Labs\n$120k - $160k • 0.5% - 1.0%\nRemote • San Francisco, CA\nFull-time\n"
        "About the job\nBuild.",
        "Founding Engineer",
        "Loop Labs",
        ["San Francisco, CA"],
    ),
    # Labelled fields, on the same line or the next non-blank one.
    (
        "labels-same-line",
        "Job Title: Warehouse Associate\nCompany: Redline Logistics\nLocation: Reno, NV\n\nWe move boxes.",
        "Warehouse Associate",
        "Redline Logistics",
        ["Reno, NV"],
    ),
    (
        "labels-next-line-spaced-colons",
        "Skip to Main Content\n\nJob Title\n\n\nResearch Scientist\n\n\nCompany : Aurora Labs Ltd\n\n\n"
        "Location : Cambridge, Cambridge\n\n\nCreated : 2026-01-12\n\nJob Description\nAurora researches.",
        "Research Scientist",
        "Aurora Labs Ltd",
        ["Cambridge, United Kingdom"],
    ),
    (
        "labels-position-employer",
        "Position: Line Cook\nEmployer: The Copper Pot\nLocation: Portland, OR\nPay: $19/hour\n\nCook food.",
        "Line Cook",
        "The Copper Pot",
        ["Portland, OR"],
    ),
    (
        "labels-empty-company",
        "Job Title: Bookkeeper\nCompany: \nLocation: Erie, PA\n\nAt Lakeside Books we keep books.",
        "Bookkeeper",
        None,
        ["Erie, PA"],
    ),
    (
        "labels-markdown",
        "# Senior Rust Engineer\n**Company:** Ironclad Systems\n**Location:** Remote - US\n\nWe write Rust.",
        "Senior Rust Engineer",
        "Ironclad Systems",
        ["US"],
    ),
    (
        "labels-several-places",
        "Job Title: Solutions Architect\nCompany: Nimbus Data\nLocation: New York, NY; San Francisco, "
        "CA\n\nGo.",
        "Solutions Architect",
        "Nimbus Data",
        ["New York, NY", "San Francisco, CA"],
    ),
    (
        "labels-role-team-remote-country",
        "Role: Staff Data Scientist\nTeam: Growth\nLocation: Remote (US)\n\nAbout Fathom\nFathom builds "
        "tools.",
        "Staff Data Scientist",
        "Fathom",
        ["US"],
    ),
    (
        "company-line-then-labels",
        "Oakridge Hospital\nJob Title: Night Shift Pharmacist\nLocation: Oakridge, TN\n\nFill prescriptions.",
        "Night Shift Pharmacist",
        "Oakridge Hospital",
        ["Oakridge, TN"],
    ),
    (
        "labels-glued-in-body",
        "Job descriptionJob Title: Office AssistantOrganization: Hilltop Animal ClinicLocation: Macon, GA\n"
        "Answer phones.",
        "Office Assistant",
        "Hilltop Animal Clinic",
        ["Macon, GA"],
    ),
    # One heading that carries more than the title.
    (
        "title-at-company",
        "Senior Platform Engineer at Stripe\n\nWe are looking for an engineer to join our platform team.",
        "Senior Platform Engineer",
        "Stripe",
        [],
    ),
    (
        "title-dash-company-dash-remote",
        "Senior Engineer - Acme Robotics - Remote\n\nAcme builds robots for warehouses.",
        "Senior Engineer",
        "Acme Robotics",
        [],
    ),
    (
        "title-pipe-company-pipe-city",
        "Machine Learning Engineer | Helio Energy | Berlin\n\nHelio makes solar forecasts.",
        "Machine Learning Engineer",
        "Helio Energy",
        ["Berlin"],
    ),
    (
        "company-is-hiring",
        "Lumen Games is hiring a Gameplay Programmer\n\nLumen Games makes cozy games for consoles.",
        "Gameplay Programmer",
        "Lumen Games",
        [],
    ),
    (
        "hiring-tag-pipes",
        "[Hiring] Senior Rust Developer | Remote | $150k\n\nWe are a small team building databases.",
        "Senior Rust Developer",
        None,
        [],
    ),
    (
        "chat-markdown-dash-company-with-note",
        "**Data Analyst** \\- Orchid Bank (Remote, US)\n\nOrchid Bank is hiring a Data Analyst.\n\\#hiring",
        "Data Analyst",
        "Orchid Bank",
        ["US"],
    ),
    (
        "email-subject",
        "Subject: Opening - Charge Nurse at Mercy Hospital\n\nHi all, we need a Charge Nurse for nights.",
        "Charge Nurse",
        "Mercy Hospital",
        [],
    ),
    (
        "title-keeps-its-own-dash",
        "Dental Hygienist - choose your shift\n\nHuntington, NY\n\nFull job description\nPick shifts in the "
        "app.",
        "Dental Hygienist - choose your shift",
        None,
        ["Huntington, NY"],
    ),
    # Applicant tracking systems.
    (
        "greenhouse-at-line",
        "Senior Product Manager\nat Ferrous\nNew York, NY\nApply\n\nFerrous builds tools for metalworkers.",
        "Senior Product Manager",
        "Ferrous",
        ["New York, NY"],
    ),
    (
        "greenhouse-company-first",
        "Ferrous\nSenior Product Manager\nNew York, NY\nApply\n\nAbout the role\nYou will own the roadmap.",
        "Senior Product Manager",
        "Ferrous",
        ["New York, NY"],
    ),
    (
        "lever-slashes-footer-company",
        "Site Reliability Engineer\nLondon /\nInfrastructure - Platform /\nFull-time /\nHybrid\n"
        "Apply for this job\nWe run the cloud.\nFerrous Home Page\nJobs powered by",
        "Site Reliability Engineer",
        "Ferrous",
        ["London"],
    ),
    (
        "workday-lowercase-labels",
        "Senior Accountant\nlocations\nChicago, IL\ntime type\nFull time\nposted on\nPosted 3 Days Ago\n"
        "job requisition id\nR-10234\n\nAt Brightwater Foods, we feed the Midwest.\n"
        "Brightwater Foods is an equal opportunity employer.",
        "Senior Accountant",
        "Brightwater Foods",
        ["Chicago, IL"],
    ),
    (
        "workday-count-of-places",
        "Data Scientist II\nlocations\n2 Locations\ntime type\nFull time\nposted on\nPosted Yesterday\n\n"
        "Join Veritas Bank and help us detect fraud.",
        "Data Scientist II",
        "Veritas Bank",
        [],
    ),
    # Prose only: no header at all.
    (
        "prose-as-a",
        "Every day millions use Polaris to plan trips.\n\nAs a Senior Machine Learning Engineer with the "
        "Ranking "
        "team, you will build models. At Polaris, we value curiosity.\nPolaris is an equal opportunity "
        "employer.",
        "Senior Machine Learning Engineer",
        "Polaris",
        [],
    ),
    (
        "prose-hiring-at-level",
        "Our lab studies proteins. We are hiring a Research Associate at the postdoctoral level to run "
        "assays. "
        "Quanta Bio provides equal employment opportunities to all applicants.",
        "Research Associate",
        "Quanta Bio",
        [],
    ),
    (
        "prose-seeking-with-location-label",
        "Location: Leeds, UK. We are seeking a talented Data Engineer to join our analytics group. Join "
        "Harbor "
        "Insights and shape the future of retail data.",
        "Data Engineer",
        "Harbor Insights",
        ["Leeds, UK"],
    ),
    (
        "prose-team-suffix-kept",
        "We are hiring a Member of Technical Staff, Cloud Robotics (Perception) at the senior level. "
        "Vantor is an equal opportunity employer.",
        "Member of Technical Staff, Cloud Robotics (Perception)",
        "Vantor",
        [],
    ),
    (
        "prose-based-in-office",
        "We are hiring a Backend Engineer to join our team.\nThis role is based in our Seattle, WA office.\n"
        "Harborline is an equal opportunity employer.",
        "Backend Engineer",
        "Harborline",
        ["Seattle, WA"],
    ),
    (
        "prose-headquarters",
        "As a Payroll Specialist on the finance team, you will run payroll. For roles based at our "
        "headquarters "
        "in San Mateo, CA: pay is below. At Copperleaf, we pay fairly.",
        "Payroll Specialist",
        "Copperleaf",
        ["San Mateo, CA"],
    ),
    (
        "prose-across-the-us",
        "We are seeking an Account Executive to grow sales across the U.S. Join Tidewater Software and sell.",
        "Account Executive",
        "Tidewater Software",
        ["United States"],
    ),
    (
        "prose-newlines-lost",
        "Job descriptionA leading bakery in Ohio is seeking a Pastry Chef to join our team. At Golden Crust "
        "Bakery, "
        "we bake daily.",
        "Pastry Chef",
        "Golden Crust Bakery",
        [],
    ),
    (
        "email-greeting",
        "Hello,\n\nWe have an opening for a Payroll Specialist at our Dayton, OH office. Please "
        "apply.\n\nThanks",
        "Payroll Specialist",
        None,
        ["Dayton, OH"],
    ),
    # A job board around the posting: its category is not the title.
    (
        "aggregator-category-is-not-title",
        "Interested in this Data Science role at Contoso?\nApply Now →\nAbout This Role\nOverview\n"
        "Contoso builds software. We are hiring a Senior Applied Scientist to work on forecasting.\n"
        "Contoso is an equal opportunity employer.\nSalary Context\nThis range is below the median for Data "
        "Science roles in our dataset.",
        "Senior Applied Scientist",
        "Contoso",
        [],
    ),
    # Places.
    (
        "remote-is-not-a-place",
        "DevOps Engineer\nCobalt Cloud\nRemote\n\nFull job description\nKeep it running.",
        "DevOps Engineer",
        "Cobalt Cloud",
        [],
    ),
    (
        "remote-with-country",
        "Technical Writer\nDocsmith\nRemote - US\n\nFull job description\nWrite docs.",
        "Technical Writer",
        "Docsmith",
        ["US"],
    ),
    (
        "two-place-lines",
        "Backend Engineer\nOrbital Freight\nNew York, NY\nBoston, MA\n\nAbout the job\nShip code.",
        "Backend Engineer",
        "Orbital Freight",
        ["New York, NY", "Boston, MA"],
    ),
    (
        "canada-province",
        "Mobile Developer\nMaple Apps\nToronto, ON, Canada\n\nAbout the job\nBuild apps.",
        "Mobile Developer",
        "Maple Apps",
        ["Toronto, ON, Canada"],
    ),
    (
        "germany-region",
        "Data Engineer (m/w/d)\nRheinwerk GmbH\nMunich, Bavaria, Germany\n\nÜber uns\nWir bauen Daten.",
        "Data Engineer (m/w/d)",
        "Rheinwerk GmbH",
        ["Munich, Bavaria, Germany"],
    ),
    (
        "place-line-first",
        "San Diego, CA\nMarine Biologist\nPacific Reef Institute\n\nStudy reefs.",
        "Marine Biologist",
        "Pacific Reef Institute",
        ["San Diego, CA"],
    ),
    # Hacker News habits: other separators, notes on the company, a role without a listed noun.
    (
        "double-slash-fields",
        "Nimbus // Data Engineer // Lisbon, Portugal\n\nWe build tools for bakeries and ship every week.",
        "Data Engineer",
        "Nimbus",
        ["Lisbon, Portugal"],
    ),
    (
        "name-colon-role",
        "Blue Fern (Austin, TX): Backend Engineer\n\nWe build tools for bakeries and ship every week.",
        "Backend Engineer",
        "Blue Fern",
        ["Austin, TX"],
    ),
    (
        "placeholder-roles",
        "Kelpie | Multiple Positions | Oslo, Norway | ONSITE\n\nWe build tools for bakeries and ship every week.",
        None,
        "Kelpie",
        ["Oslo, Norway"],
    ),
    (
        "role-without-a-known-noun",
        "Quarry | Bioinformatician | Dublin, Ireland | Full time\n\nWe build tools for bakeries and ship every week.",
        "Bioinformatician",
        "Quarry",
        ["Dublin, Ireland"],
    ),
    (
        "domain-with-scheme-leads",
        "http://www.tallgrass.io | Senior Java Engineer | Munich | ONSITE\n\nWe build tools for bakeries and ship every week.",
        "Senior Java Engineer",
        "www.tallgrass.io",
        ["Munich"],
    ),
    (
        "funding-note",
        "Ferngully (YC W19) | Data Engineer | Toronto | REMOTE\n\nWe build tools for bakeries and ship every week.",
        "Data Engineer",
        "Ferngully",
        ["Toronto"],
    ),
    (
        "dashed-place-in-a-field",
        "Zentrixa — London, UK | Full Time | Onsite\n\nWe build tools for bakeries and ship every week.",
        None,
        "Zentrixa",
        ["London, UK"],
    ),
    (
        "roles-listed-after-fields",
        "Tiller | Data, Backend, Android | Berlin | ONSITE\n\nWe build tools for bakeries and ship every week.",
        "Data",
        "Tiller",
        ["Berlin"],
    ),
    (
        "title-with-team-and-region",
        "Uplift | Senior Operations Manager, Compliance, EMEA | Madrid, Spain\n\nWe build tools for bakeries and ship every week.",
        "Senior Operations Manager, Compliance, EMEA",
        "Uplift",
        ["Madrid, Spain"],
    ),
    (
        "pay-after-a-colon",
        "Kelpie | Oslo | iOS & Android Developers: 80,000-120,000 NOK\n\nWe build tools for bakeries and ship every week.",
        "iOS & Android Developers",
        "Kelpie",
        ["Oslo"],
    ),
    (
        "name-and-place-sentence",
        "Pinecone, Lisbon, Portugal. We're hiring a full-stack python developer to own our API.\n\nMore below.",
        "full-stack python developer",
        "Pinecone",
        ["Lisbon, Portugal"],
    ),
    (
        "capitalised-company-in-caps",
        "ROLI | Backend Engineer | London\n\nWe build tools for bakeries and ship every week.",
        "Backend Engineer",
        "ROLI",
        ["London"],
    ),
    # Job pages and shares in other languages and habits.
    (
        "share-with-german-title",
        "Check out this job at Rheinwerk GmbH: Assistenz der Geschäftsführung (m/w/d)\nBerlin\n\nWe build tools for bakeries and ship every week.",
        "Assistenz der Geschäftsführung (m/w/d)",
        "Rheinwerk GmbH",
        ["Berlin"],
    ),
    (
        "gender-note-closes-the-title",
        "Fitnesscoach - Vollzeit (m/w/d)\nBahnhof Coaching GmbH\nHannover\n\nWe build tools for bakeries and ship every week.",
        "Fitnesscoach - Vollzeit (m/w/d)",
        "Bahnhof Coaching GmbH",
        ["Hannover"],
    ),
    (
        "glassdoor-rating-on-company",
        "Nimbus 4.2 ★\nData Engineer\nLisbon, Portugal\n\nWe build tools for bakeries and ship every week.",
        "Data Engineer",
        "Nimbus",
        ["Lisbon, Portugal"],
    ),
    (
        "company-then-plural-role",
        "Cliffside\nSenior Engineers\nOslo, Norway\n\nWe build tools for bakeries and ship every week.",
        "Senior Engineers",
        "Cliffside",
        ["Oslo, Norway"],
    ),
    (
        "lever-footer-company",
        "Account Manager\nBerlin /\nSales /\n\nWas wir bieten\nA desk and a team.\n\nApply for this job\nKonfetti GmbH Home Page\nJobs powered by Lever",
        "Account Manager",
        "Konfetti GmbH",
        ["Berlin"],
    ),
    (
        "role-with-its-place-after-a-comma",
        "https://www.quillwork.io/ - Data Engineer, Lisbon\n\nWe build tools for bakeries and ship every week.",
        "Data Engineer",
        "www.quillwork.io",
        ["Lisbon"],
    ),
    (
        "name-and-place-in-one-segment",
        "Quillfern, Dublin, Ireland | REMOTE or ONSITE | Growth Marketer\n\nQuillfern builds tools for bakeries.",
        "Growth Marketer",
        "Quillfern",
        ["Dublin, Ireland"],
    ),
    (
        "field-of-work-for-the-role",
        "Kestrel Labs | Oslo, Norway | Onsite, Full-time | Backend\n\nWe build tools for bakeries and ship every week.",
        "Backend",
        "Kestrel Labs",
        ["Oslo, Norway"],
    ),
    (
        "place-with-a-visa-note",
        "Trailhead - Denver, CO (H1B OK) - http://trailhead.example - Full Time only\n\nWe make maps.",
        None,
        "Trailhead",
        ["Denver, CO"],
    ),
    (
        "two-places-one-without-its-comma",
        "Owlfeather Medical | Manchester/Cambridge UK | Onsite, full-time | Lab Technician\n\nWe make tests.",
        "Lab Technician",
        "Owlfeather Medical",
        ["Manchester", "Cambridge UK"],
    ),
    (
        "place-first-with-a-skill-list",
        "Graz - Lead Developer, Product Owner - Full time / Not remote - Kotlin, SQL, C#, Docker\n\nWe write Kotlin, SQL, C#, Docker and more.",
        "Lead Developer",
        None,
        ["Graz"],
    ),
    (
        "aside-between-name-and-verb",
        "Bramblecast (yes, the folks behind the podcast app) is hiring designers (Porto, ONSITE)\n\nWe make audio tools.",
        "designers",
        "Bramblecast",
        ["Porto"],
    ),
    (
        "comma-packed-first-line",
        "Quillfern, Austin, TX, Backend Engineer, Go, Kafka & Postgres REMOTE\n\nQuillfern builds ledgers for farms.",
        "Backend Engineer",
        "Quillfern",
        ["Austin, TX"],
    ),
    (
        "title-row-in-columns",
        "Bramblecast (http://bramblecast.example)\n\n  Senior Data Engineer   Full-time    Porto, Portugal\n\nWe make audio tools.",
        "Senior Data Engineer",
        "Bramblecast",
        ["Porto, Portugal"],
    ),
    (
        "role-with-its-country-stays-whole",
        "Lumenfield | Sales Associate, Japan | Tokyo, Japan\n\nWe build tools for bakeries and ship every week.",
        "Sales Associate, Japan",
        "Lumenfield",
        ["Tokyo, Japan"],
    ),
    (
        "dashed-fields-before-a-company-line",
        "Lumen Media - Porto, Portugal - Event Coordinator - Full-time\nSpring Summit Volunteer (Porto 13th May)\n\nWe run events.",
        "Event Coordinator",
        "Lumen Media",
        ["Porto, Portugal"],
    ),
    (
        "dashed-fields-with-the-role-tail",
        "Quillfern GmbH - Graz - Senior Data Scientist - Experimentation - Full-time\n\nWe build ledgers for farms.",
        "Senior Data Scientist - Experimentation",
        "Quillfern GmbH",
        ["Graz"],
    ),
    (
        "lower-case-firm-with-a-legal-form",
        "dr. Quill Beratung KG - Graz - Data Analyst (m/w/d)\n\nWir beraten Firmen.",
        "Data Analyst (m/w/d)",
        "dr. Quill Beratung KG",
        ["Graz"],
    ),
    (
        "lower-case-firm-in-a-recruiter-subject",
        "Subject: Data Analyst (m/w/d) opportunity with quillfern GmbH\n\nHi Sam,\n\nQuillfern baut Software.",
        "Data Analyst (m/w/d)",
        "quillfern GmbH",
        [],
    ),
    (
        "hiring-sentence-with-and-inside-the-role",
        "Lumenfield Ltd is hiring a Quality and compliance engineer in Kaunas, Lithuania!\n\nWe map soils.",
        "Quality and compliance engineer",
        "Lumenfield Ltd",
        ["Kaunas, Lithuania"],
    ),
    (
        "hiring-sentence-whose-title-names-the-place",
        "lumenfield GmbH is hiring a Sales Manager in Graz in Graz!\n\nWe map soils.",
        "Sales Manager in Graz",
        "lumenfield GmbH",
        ["Graz"],
    ),
    (
        "lever-footer-with-a-lower-case-name",
        "Data Analyst\nGraz /\nData /\n\nWir bauen Software.\n\nApply for this job\nquillfern GmbH Home Page\nJobs powered by Lever",
        "Data Analyst",
        "quillfern GmbH",
        ["Graz"],
    ),
    (
        "slack-bold-label-and-a-hyphenated-firm",
        "*New role:* Site Lead at Wärme-Technik GmbH (Graz)\nWir planen Heizungen.\n\nWir suchen dich.",
        "Site Lead",
        "Wärme-Technik GmbH",
        ["Graz"],
    ),
    (
        "at-line-with-a-note-inside-its-note",
        "Account Director at Lumenfield (Taipei City, Taiwan (ROC), full-time)\n\nWe map soils for farms.",
        "Account Director",
        "Lumenfield",
        ["Taipei City, Taiwan (ROC)"],
    ),
    (
        "reed-posted-by-a-lower-case-firm",
        "Data Analyst\nPosted 3 days ago by quillfern GmbH\nGraz\n\nWir bauen Software für Höfe.",
        "Data Analyst",
        "quillfern GmbH",
        ["Graz"],
    ),
    (
        "bare-role-at-brand",
        "Frontend at sharoo\nZurich\n\nWe build tools for bakeries and ship every week.",
        "Frontend",
        "sharoo",
        ["Zurich"],
    ),
]


@pytest.mark.parametrize(
    ("paste", "title", "company", "locations"),
    [case[1:] for case in SHAPES],
    ids=[case[0] for case in SHAPES],
)
def test_header_shapes(paste: str, title: str | None, company: str | None, locations: list[str]) -> None:
    header = extract_header(paste)
    assert (header.title, header.company, header.locations) == (title, company, locations)


@pytest.mark.parametrize(
    "line",
    [
        "Trailhead - San Francisco, Full time, (H1B transfers)",
        "Cairn | Portland, OR (and Boise) | http://jobs.example.com/cairn",
        "[REMOTE] (US only) or [ONSITE] in [Austin|Denver]",
    ],
)
def test_a_line_of_fields_without_a_role_is_no_title(line: str) -> None:
    assert extract_header(f"{line}\n\nWe make maps for hikers and ship every week.").title is None


def test_markdown_escapes_and_odd_spaces_are_read_through() -> None:
    paste = (
        "Job Title:\u00a0Site\\-Reliability Engineer\nCompany: Dune\\&Co\n"
        "Location: Austin,\u00a0TX\n\nRun sites."
    )
    assert extract_header(paste) == Header("Site-Reliability Engineer", "Dune&Co", ["Austin, TX"])


def test_windows_line_endings() -> None:
    header = extract_header(
        "Line Cook\r\nThe Copper Pot\r\nPortland, OR\r\n\r\nFull job description\r\nCook."
    )
    assert header == Header("Line Cook", "The Copper Pot", ["Portland, OR"])


def test_aggregator_market_text_gives_no_place() -> None:
    paste = (
        "Interested in this Nurse role at Mercy?\nAbout This Role\nWe are seeking a Night Nurse to join us.\n"
        "Location Context\nTop hiring metros: Dallas, TX; Houston, TX."
    )
    header = extract_header(paste)
    assert header.company == "Mercy"
    assert header.locations == []


def test_empty_and_blank_pastes() -> None:
    assert extract_header("") == Header()
    assert extract_header("   \n\n  ") == Header()


def test_headings_without_a_header_give_nothing() -> None:
    paste = "Responsibilities\n- Write code\n- Review code\nRequirements\n- 3+ years of Python"
    assert extract_header(paste) == Header()


def test_dates_emoji_and_board_furniture_are_not_titles() -> None:
    paste = (
        "🚀🚀\nMarch 4, 2026\nOpen Positions\nWe're hiring!\nLine Cook\nThe Copper Pot\nPortland, OR\n\nCook."
    )
    assert extract_header(paste) == Header("Line Cook", "The Copper Pot", ["Portland, OR"])


def test_a_heading_that_looks_like_a_label_ends_the_header() -> None:
    paste = "Senior Welder\nIronworks Co\nRole\nYou will weld frames all day long.\nBig Yard\nMore text here."
    assert extract_header(paste) == Header("Senior Welder", "Ironworks Co", [])


def test_a_sentence_is_not_a_company() -> None:
    header = extract_header("Line Cook\nWe cook a lot here.\n\nAbout the job\nCook.")
    assert header.title == "Line Cook"
    assert header.company is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("London, London", ["London, United Kingdom"]),
        ("London, UK", ["London, United Kingdom"]),
        ("San Mateo, CA", ["San Mateo, CA"]),
        ("Austin, Texas", ["Austin, TX"]),
        ("Los Angeles, California, United States", ["Los Angeles, CA"]),
        ("St. Louis, MO 63101", ["St. Louis, MO"]),
        ("New York, NY; San Francisco, CA", ["New York, NY", "San Francisco, CA"]),
        ("San Francisco, CA, New York, NY", ["San Francisco, CA", "New York, NY"]),
        ("Austin, TX or Denver, CO", ["Austin, TX", "Denver, CO"]),
        ("Remote", []),
        ("Remote - US", ["United States"]),
        ("US Remote", ["United States"]),
        ("Remote (United Kingdom)", ["United Kingdom"]),
        ("United States", ["United States"]),
        ("USA", ["United States"]),
        ("Texas, United States", ["Texas"]),
        ("New York, NY (Hybrid)", ["New York, NY"]),
        ("Greater Boston Area", ["Greater Boston Area"]),
        ("Pune, Maharashtra, India", ["Pune, India"]),
        ("Multiple Locations", []),
        ("3 Locations", []),
        ("Main Street Warehouse", []),
    ],
)
def test_normalize_locations(value: str, expected: list[str]) -> None:
    assert normalize_locations(value) == expected


@pytest.mark.parametrize(
    "line",
    ["Acme, Inc.", "Abrams Fensterman, LLP", "Validation Engineer, Labware LIMS", "Full-time", "Apply now"],
)
def test_strict_location_rejects_names_and_badges(line: str) -> None:
    assert not is_location(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Senior Machine Learning Engineer", True),
        ("Registered Nurse - ICU", True),
        ("Barista", True),
        ("Northwind Analytics", False),
        ("Smith & Associates", False),
        ("Universal Structural Engineers", False),
    ],
)
def test_title_like(line: str, expected: bool) -> None:
    assert title_like(line) is expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    header = extract_header(text)
    assert header.title is None or header.title.strip()
    assert all(place.strip() for place in header.locations)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Engineer",
                "Acme Inc",
                "Austin, TX",
                "·",
                "Remote",
                "Full-time",
                "About the job",
                "\n",
                ":",
                "Job Title",
            ]
        ),
        max_size=30,
    )
)
def test_never_raises_on_header_like_fragments(parts: list[str]) -> None:
    extract_header(" ".join(parts))


def test_not_remote_is_onsite() -> None:
    header = extract_header("Graz - Lead Developer - Full time / Not remote - Kotlin\n\nWe write Kotlin.")
    assert header.workplace == "onsite"


@pytest.mark.parametrize(
    "second_line",
    [
        "What: same-day furniture repair, a bit like a taxi app for carpenters",
        "Kotlin/Ktor Vue/Pinia Postgres/Redis Terraform/AWS",
    ],
)
def test_a_field_about_the_firm_or_its_stack_is_no_title(second_line: str) -> None:
    header = extract_header(f"Quillfern | Graz, Austria | ONSITE | FULLTIME\n\n{second_line}\n")
    assert header.title is None
    assert header.company == "Quillfern"
