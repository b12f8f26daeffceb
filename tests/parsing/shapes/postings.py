"""Our own postings for the shape suite: header fields and a body each, across countries, languages and
kinds of work. Companies and places in the bodies are named the way real postings name them ("At
Nimbus, we ..."), so the body is evidence the parser may use. All invented."""

from __future__ import annotations

from bench.shapes import Fields

POSTINGS: dict[str, Fields] = {
    "data-engineer-lisbon": Fields(
        title="Data Engineer",
        company="Nimbus Analytics",
        places=("Lisbon, Portugal",),
        workplace="hybrid",
        employment_type="full_time",
        pay="€55k-€70k",
        body=(
            "At Nimbus Analytics, we help retailers understand their stock. You will build the pipelines "
            "that feed our forecasting models.\n\nWhat you will do\n- Own batch and streaming jobs in Python "
            "and SQL\n- Keep our warehouse fast and tidy\n\nWhat we look for\n- Three years of data work\n"
            "- Comfort with Airflow and dbt"
        ),
    ),
    "backend-berlin": Fields(
        title="Senior Backend Engineer",
        company="Kraneo GmbH",
        places=("Berlin",),
        workplace="remote",
        employment_type="full_time",
        body=(
            "Kraneo GmbH builds scheduling software for construction sites across Europe. Our team of twelve "
            "engineers ships every day.\n\nYour role\nYou design and run our Go services, review code and "
            "mentor two junior colleagues.\n\nAbout you\n- Five years with Go or Java\n- You enjoy "
            "explaining trade-offs"
        ),
    ),
    "nurse-austin": Fields(
        title="Registered Nurse - Night Shift",
        company="St. Brigid Medical Center",
        places=("Austin, TX",),
        workplace="onsite",
        employment_type="part_time",
        pay="$42 - $55 an hour",
        body=(
            "St. Brigid Medical Center is a 300-bed teaching hospital. Our surgical unit is looking for a "
            "nurse who stays calm at 3 a.m.\n\nResponsibilities\n- Assess and monitor post-operative "
            "patients\n- Work with physicians on care plans\n\nRequirements\n- Active RN license\n- BLS "
            "certification"
        ),
    ),
    "ml-engineer-bengaluru": Fields(
        title="Machine Learning Engineer",
        company="Sarvam Retail",
        places=("Bengaluru, India",),
        workplace="onsite",
        employment_type="full_time",
        body=(
            "Sarvam Retail runs 400 stores in South India. We are building demand models that decide what "
            "each store stocks.\n\nYou will train and ship models in PyTorch, own their monitoring and work "
            "with our category managers.\n\nYou have two or more years of applied machine learning."
        ),
    ),
    "designer-two-cities": Fields(
        title="Product Designer",
        company="Quillpad",
        places=("London, UK", "Manchester, UK"),
        workplace="hybrid",
        employment_type="contract",
        body=(
            "Quillpad makes note-taking software for lawyers. Join a design team of four and shape how "
            "thousands of people draft their documents.\n\nYou will run research sessions, prototype in "
            "Figma and work closely with engineering.\n\nSix-month contract with a view to extension."
        ),
    ),
    "intern-munich": Fields(
        title="Software Engineering Intern",
        company="Alpenwerk",
        places=("München",),
        workplace="onsite",
        employment_type="internship",
        body=(
            "Alpenwerk develops control software for cable cars. As an intern you join our platform team "
            "for six months and ship real features.\n\nWhat you bring\n- Studies in computer science or a "
            "related field\n- First experience with C++ or Rust"
        ),
    ),
    "analyst-toronto": Fields(
        title="Financial Analyst",
        company="Maple Ledger",
        places=("Toronto, ON",),
        workplace="hybrid",
        employment_type="full_time",
        body=(
            "Maple Ledger is a payments company serving Canadian credit unions. You will own our monthly "
            "forecasts and explain the numbers to our leadership team.\n\nYou have a CPA or are working "
            "towards one, and you like spreadsheets more than most people do."
        ),
    ),
    "support-remote-eu": Fields(
        title="Customer Support Specialist",
        company="Tandem Ops",
        places=("EU",),
        workplace="remote",
        employment_type="full_time",
        body=(
            "Tandem Ops helps small logistics firms plan routes. Our customers write to us in English, German "
            "and Dutch, and we answer within the hour.\n\nYou will resolve tickets, write help articles and "
            "tell the product team what hurts."
        ),
    ),
    "sre-sydney": Fields(
        title="Site Reliability Engineer",
        company="Parcelwise",
        places=("Sydney, Australia",),
        workplace="onsite",
        employment_type="full_time",
        body=(
            "Parcelwise tracks two million parcels a day across Australia and New Zealand. Keep our "
            "platform up, make it cheaper to run and automate the boring parts.\n\nYou know Kubernetes, "
            "Terraform and at least one cloud well."
        ),
    ),
    "accountant-madrid": Fields(
        title="Senior Accountant",
        company="Solera Energía",
        places=("Madrid, Spain",),
        workplace="onsite",
        employment_type="temporary",
        body=(
            "Solera Energía operates solar farms in Spain and Portugal. We need an accountant to cover a "
            "year-long parental leave in our finance team.\n\nYou will close the books each month and "
            "prepare the audit files."
        ),
    ),
}
