"""Salary extraction: a table of pay strings as postings write them, and strings that are not pay."""

from __future__ import annotations

import pytest

from parsing import parse_posting
from parsing.jsonld import read_job_posting
from parsing.salary import extract_salary, extract_salary_ranges, plausible_pay
from parsing.text import normalize_text

Expected = tuple[float | None, float | None, str, str] | None

# (text, (min, max, currency, period)) -- None where the text states no base pay.
POSITIVE: list[tuple[str, Expected]] = [
    # US dollars, annual
    ("Salary: $120,000 - $150,000 per year", (120000, 150000, "USD", "year")),
    ("Salary range: $120k-$150k", (120000, 150000, "USD", "year")),
    ("Base pay: $120K–$150K", (120000, 150000, "USD", "year")),
    ("The base salary range is $95,000—$125,000 annually.", (95000, 125000, "USD", "year")),
    ("Compensation: 120k-150k USD", (120000, 150000, "USD", "year")),
    ("Pay range $120-150k/yr", (120000, 150000, "USD", "year")),
    ("Salary: $120k to $150k a year", (120000, 150000, "USD", "year")),
    ("We pay between $80,000 and $95,000 per annum.", (80000, 95000, "USD", "year")),
    ("Annual salary $81,000 to $94,000.", (81000, 94000, "USD", "year")),
    ("Salary Range: $55,000 - $75,000 (commensurate with experience)", (55000, 75000, "USD", "year")),
    (
        "The annual base salary range for this position is from $150,000 to $190,000.",
        (150000, 190000, "USD", "year"),
    ),
    ("Pay: $75,000.00 - $105,000.00 per year", (75000, 105000, "USD", "year")),
    ("Salary: USD 140,000 - 160,000", (140000, 160000, "USD", "year")),
    ("Salary: US$140,000-US$160,000", (140000, 160000, "USD", "year")),
    ("Compensation: $140K - 160K + equity", (140000, 160000, "USD", "year")),
    ("Salary: $200,000+", (200000, None, "USD", "year")),
    ("The expected range of compensation for this role is $200,000+.", (200000, None, "USD", "year")),
    ("Base salary starting at $49,920 with uncapped commissions", (49920, None, "USD", "year")),
    ("Pay: From $80,000.00 plus bonuses per year", (80000, None, "USD", "year")),
    ("Salary: up to $95,000 per year", (None, 95000, "USD", "year")),
    ("Salary: Up to $95k", (None, 95000, "USD", "year")),
    ("Starting salary of $62,500 per year.", (62500, None, "USD", "year")),
    ("Salary: $90,000 per year", (90000, 90000, "USD", "year")),
    ("Salary is $72,000/year.", (72000, 72000, "USD", "year")),
    ("The salary for this position is $65,000.", (65000, 65000, "USD", "year")),
    ("This role pays $110k.", (110000, 110000, "USD", "year")),
    ("Pay range: $1.2M - $1.5M annually for this executive role", (1200000, 1500000, "USD", "year")),
    ("Salary Range: 70K - 80K", (70000, 80000, "USD", "year")),
    ("Salary range 120 - 150k", (120000, 150000, "USD", "year")),
    ("Comp: $150-$180K base", (150000, 180000, "USD", "year")),
    ("$218,540—$218,540 USD", (218540, 218540, "USD", "year")),
    ("Annual Salary Range\n\n$218,540—$218,540 USD", (218540, 218540, "USD", "year")),
    ("USD $102,100.00 - $202,200.00 per year", (102100, 202200, "USD", "year")),
    (
        "The typical base pay range for this role across the U.S. is USD $102,100\\.00 \\- $202,200\\.00 per year.",
        (102100, 202200, "USD", "year"),
    ),
    ("**Salary:** $130,000 \\- $160,000", (130000, 160000, "USD", "year")),
    ("Salary: $130,000 – $160,000 DOE", (130000, 160000, "USD", "year")),
    ("💰 $130k-$160k", (130000, 160000, "USD", "year")),
    ("Salary $130,000-$160,000 + 10% bonus", (130000, 160000, "USD", "year")),
    ("pay range $90,000 – $110,000 annually.", (90000, 110000, "USD", "year")),
    ("offering a salary range of $65,000 to $75,000 under the supervision of", (65000, 75000, "USD", "year")),
    ("Salary Range: $95,000-107,000", (95000, 107000, "USD", "year")),
    ("The hiring range for this position is $88,400 to $132,600 per year.", (88400, 132600, "USD", "year")),
    ("Salary: $50k-$70k/year - negotiable", (50000, 70000, "USD", "year")),
    ("$50K/yr - $60K/yr", (50000, 60000, "USD", "year")),
    ("Salary: 85,000 - 95,000 USD per year", (85000, 95000, "USD", "year")),
    (
        "Compensation: $100,000 – $120,000 per year, plus a $5,000 signing bonus",
        (100000, 120000, "USD", "year"),
    ),
    # US dollars, hourly
    ("Pay: $18-20/hour", (18, 20, "USD", "hour")),
    ("$45/hr", (45, 45, "USD", "hour")),
    ("Rate: $45/hr W2", (45, 45, "USD", "hour")),
    ("Pay: $18.00 - $24.00 per hour", (18, 24, "USD", "hour")),
    ("Anticipated pay range is $14 - $20 an hour commensurate with qualifications", (14, 20, "USD", "hour")),
    ("Hourly Rate: $25", (25, 25, "USD", "hour")),
    ("Hourly pay rate based on experience: $18-34", (18, 34, "USD", "hour")),
    ("Salary: $23.00/hrBenefits: dental", (23, 23, "USD", "hour")),
    ("Pay: $18.00/hourBenefits:Health insurance", (18, 18, "USD", "hour")),
    ("Salary: From $20.00 per hour", (20, None, "USD", "hour")),
    ("Salary: Up to $30.00 per hour", (None, 30, "USD", "hour")),
    ("Salary: $160.00 per hour and up (commensurate with experience)", (160, None, "USD", "hour")),
    ("Compensation: Starting $18.50/hr, DOE", (18.5, None, "USD", "hour")),
    ("FULL TIME, STARTING at $16/hr depending on tasks", (16, None, "USD", "hour")),
    ("Compensation: $35/hr + Commission", (35, 35, "USD", "hour")),
    ("$20/hour for new employees, $22/hour after 90 days", (20, 22, "USD", "hour")),
    ("Salary: $120,000 per year plus bonus and equity", (120000, 120000, "USD", "year")),
    ("$25/hr depending on experience, bonus eligible", (25, 25, "USD", "hour")),
    ("Base salary of $18 per hour + commission per new customer acquired", (18, 18, "USD", "hour")),
    ("pays between $18-$25 per hour, depending on experience", (18, 25, "USD", "hour")),
    ("SALARY: $17- $25 hourly range.", (17, 25, "USD", "hour")),
    ("The pay is $18/hr for 3-4 days a week.", (18, 18, "USD", "hour")),
    ("Pay Range: $40-$70/Hour", (40, 70, "USD", "hour")),
    ("Rate: $20 per hourHours: scheduled", (20, 20, "USD", "hour")),
    ("Internship (Paid $17.00/Hour)", (17, 17, "USD", "hour")),
    ("Salary Range: $20 to $45 per hourBenefits Offered: Medical", (20, 45, "USD", "hour")),
    ("$25/hrHybrid schedule", (25, 25, "USD", "hour")),
    ("Pay: $22-25/hr", (22, 25, "USD", "hour")),
    ("Wage: $15.50 hourly", (15.5, 15.5, "USD", "hour")),
    ("Earn $28 an hour", (28, 28, "USD", "hour")),
    ("$30 p/h", (30, 30, "USD", "hour")),
    ("Pay rate: $32.50/h", (32.5, 32.5, "USD", "hour")),
    ("Hourly rate $65-$85 (1099)", (65, 85, "USD", "hour")),
    # Other periods
    ("Salary: Up to $150/day", (None, 150, "USD", "day")),
    ("Day rate: £450-£550", (450, 550, "GBP", "day")),
    ("£500 per day inside IR35", (500, 500, "GBP", "day")),
    ("€600/day, 6 month contract", (600, 600, "EUR", "day")),
    ("Payment $7,000-9,000 monthly contract", (7000, 9000, "USD", "month")),
    ("Salary: $4,500 per month", (4500, 4500, "USD", "month")),
    ("Stipend-free internship paying $3,000/month", (3000, 3000, "USD", "month")),
    ("Pay: $1,200 per week", (1200, 1200, "USD", "week")),
    ("Weekly pay: $900-$1,100", (900, 1100, "USD", "week")),
    ("$2,000/wk travel nurse contract", (2000, 2000, "USD", "week")),
    # Pounds
    ("£40k-£50k pa", (40000, 50000, "GBP", "year")),
    ("Salary: £40,000 - £50,000 per annum", (40000, 50000, "GBP", "year")),
    ("£45,000 p.a. plus benefits", (45000, 45000, "GBP", "year")),
    ("Salary: £35k + benefits", (35000, 35000, "GBP", "year")),
    ("Salary £28,000 - £32,000 DOE", (28000, 32000, "GBP", "year")),
    ("GBP 60,000 - 70,000", (60000, 70000, "GBP", "year")),
    ("£12.50 per hour", (12.5, 12.5, "GBP", "hour")),
    ("£11.44ph", (11.44, 11.44, "GBP", "hour")),
    ("Salary: Up to £65,000 per annum", (None, 65000, "GBP", "year")),
    ("Competitive salary of £55k-£65k + bonus", (55000, 65000, "GBP", "year")),
    ("£3,000 pcm", (3000, 3000, "GBP", "month")),
    # Euros and European number formats
    ("Gehalt: 55.000 € - 65.000 € brutto/Jahr", (55000, 65000, "EUR", "year")),
    ("Salary: 55.000 - 65.000 €", (55000, 65000, "EUR", "year")),
    ("€55k - €65k", (55000, 65000, "EUR", "year")),
    ("Salary: 55k€ - 65k€", (55000, 65000, "EUR", "year")),
    ("EUR 60,000 - 75,000 per year", (60000, 75000, "EUR", "year")),
    ("Salary: 45 000 - 55 000 EUR", (45000, 55000, "EUR", "year")),
    ("Salaire : 45 000 € à 55 000 € brut annuel", (45000, 55000, "EUR", "year")),
    ("Rémunération : 50k€ - 60k€ par an", (50000, 60000, "EUR", "year")),
    ("Salario: 30.000 € - 38.000 € al año", (30000, 38000, "EUR", "year")),
    ("Salary: €4.500 per month", (4500, 4500, "EUR", "month")),
    ("€ 65.000,00 per jaar", (65000, 65000, "EUR", "year")),
    ("Gehalt ab 60.000 EUR jährlich", (60000, None, "EUR", "year")),
    ("Salary: €70,000 - €85,000 + bonus", (70000, 85000, "EUR", "year")),
    ("Salary 3.500,00 € brutto monatlich", (3500, 3500, "EUR", "month")),
    # Swiss francs, Nordic, Polish, others
    ("Salary: CHF 120'000 - 140'000", (120000, 140000, "CHF", "year")),
    ("CHF 110,000 – 130,000 per year", (110000, 130000, "CHF", "year")),
    ("Lønn: 650 000 - 750 000 NOK per år", (650000, 750000, "NOK", "year")),
    ("Salary: 45 000 - 55 000 SEK per month", (45000, 55000, "SEK", "month")),
    ("Wynagrodzenie: 15 000 - 20 000 PLN brutto miesięcznie", (15000, 20000, "PLN", "month")),
    ("Salary: 18 000 - 24 000 zł/mies.", (18000, 24000, "PLN", "month")),
    ("PLN 150-200/h B2B", (150, 200, "PLN", "hour")),
    ("Salary: 60,000 - 80,000 DKK per month", (60000, 80000, "DKK", "month")),
    ("Salary: CAD 90,000 - 110,000", (90000, 110000, "CAD", "year")),
    ("Salary: $90,000 - $110,000 CAD", (90000, 110000, "CAD", "year")),
    ("C$95,000-C$115,000 per year", (95000, 115000, "CAD", "year")),
    ("Salary: AUD 120,000 - 140,000 + super", (120000, 140000, "AUD", "year")),
    ("A$130k - A$150k + super", (130000, 150000, "AUD", "year")),
    ("Salary: $130,000 - $150,000 AUD + superannuation", (130000, 150000, "AUD", "year")),
    ("NZ$90,000 - NZ$110,000", (90000, 110000, "NZD", "year")),
    ("Salary: S$6,000 - S$8,000 per month", (6000, 8000, "SGD", "month")),
    ("Salary: SGD 7,000 - 9,000 monthly", (7000, 9000, "SGD", "month")),
    ("Salary: HK$40,000 - HK$55,000 per month", (40000, 55000, "HKD", "month")),
    ("Salary: ¥6,000,000 - ¥8,000,000 per year", (6000000, 8000000, "JPY", "year")),
    ("年収 JPY 7,000,000 - 9,000,000", (7000000, 9000000, "JPY", "year")),
    ("Salary: R$ 12.000 - R$ 15.000 por mês", (12000, 15000, "BRL", "month")),
    ("Salary: ZAR 600,000 - 750,000 per annum", (600000, 750000, "ZAR", "year")),
    ("Salary: AED 25,000 - 30,000 per month", (25000, 30000, "AED", "month")),
    ("Salary: MXN 45,000 - 60,000 mensual", (45000, 60000, "MXN", "month")),
    # Indian rupees
    ("CTC: ₹12,00,000 - ₹18,00,000 per annum", (1200000, 1800000, "INR", "year")),
    ("Salary: INR 12-18 LPA", (1200000, 1800000, "INR", "year")),
    ("Salary: ₹15 LPA", (1500000, 1500000, "INR", "year")),
    ("Package: 8 - 12 lakhs per annum (INR)", (800000, 1200000, "INR", "year")),
    ("Salary: Rs. 40,000 - 60,000 per month", (40000, 60000, "INR", "month")),
    ("₹25L - ₹35L per year", (2500000, 3500000, "INR", "year")),
    # Range words and dashes
    ("Salary between $90,000 and $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 to $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 ~ $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 -- $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 ‒ $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 − $110,000", (90000, 110000, "USD", "year")),
    ("Salary: $90,000 \\- $110,000", (90000, 110000, "USD", "year")),
    ("Salary:\u00a0$90,000\u00a0-\u00a0$110,000", (90000, 110000, "USD", "year")),
    ("Salary: $ 90,000 - $ 110,000", (90000, 110000, "USD", "year")),
    ("Salary: ＄90,000 - ＄110,000", (90000, 110000, "USD", "year")),
    # Several ranges: the envelope of the first currency and period
    (
        "The base range is $120,000 - $150,000 in most US locations, and $140,000 - $170,000 in New York City.",
        (120000, 170000, "USD", "year"),
    ),
    ("Pay: $22-25/hr. Starting at $22/hr for new hires.", (22, 25, "USD", "hour")),
    (
        "Salary: $120,000 - $140,000 per year (hourly equivalent $57.69 - $67.31)",
        (120000, 140000, "USD", "year"),
    ),
    # Job-board pay boxes
    ("Base pay range\n$120,000.00/yr - $150,000.00/yr", (120000, 150000, "USD", "year")),
    ("Pay Range: USD $120,000.00 - USD $150,000.00 Annual", (120000, 150000, "USD", "year")),
    ("$85K - $110K (Employer est.)", (85000, 110000, "USD", "year")),
    ("Level II: $80,000 - $95,000; Level III: $95,000 - $110,000 per year", (80000, 110000, "USD", "year")),
    # OTE / commission only when nothing else is given
    ("OTE: $120,000 - $150,000", (120000, 150000, "USD", "year")),
    ("Base: $90k-115k Commission: $90k-115k on target", (90000, 115000, "USD", "year")),
    ("Compensation: $180-230k OTE Base: $90k-115k", (90000, 115000, "USD", "year")),
]

NEGATIVE: list[str] = [
    "",
    "We offer a competitive salary and great benefits.",
    "Salary: competitive, DOE",
    "401(k) with 4% employer match after one year of employment.",
    "401k and 401k matching. Paid vacation.",
    "$5,000 SIGN-ON BONUS for RNs!",
    "Sign-on bonus: $10,000",
    "Eligible for up to $2500 relocation expenses.",
    "Lead technicians can expect to make $500-$1000+ a month in tips.",
    "We manage over $20 billion in client assets.",
    "Raised over $6M from a great investing team.",
    "going from $0 to 3M ARR in the last 12 months",
    "reach $100M+ in sales",
    "we work with companies in the $1M to $50M range typically",
    "experience managing revenues in excess of $15 million",
    "Prepare and manage capital budgets ranging between $75 million - $150 million",
    "a budget of $35 million",
    "Company assets total over $1 billion in value.",
    "Basic Life Insurance up to $50,000.",
    "up to $2,000 employer-funded reimbursement card",
    "Tuition reimbursement up to $5,250 per year",
    "Annual learning stipend of $1,500",
    "Home office stipend: $500",
    "Per diem of $75 per day while traveling",
    "Referral bonus: $1,000",
    "matching $0.50 for every $1.00 up to the first 5%",
    "which could cost up to $14,000 a year",
    "If you make less than $50,000 a month right now, call us.",
    "one client may be $2,500 in compensation and another maybe $20,000",
    "offering $1500 per transaction",
    "Own a virtual dispensary for under $500 start up",
    "Utilize the PO system for all purchases over $200",
    "a $2 billion company that develops valves",
    "the financing infrastructure for the $1T insurance market",
    "AI/ML Engineer roles pay a median of $178,940 based on 11,900 positions.",
    "The market median for AI roles is $200,000.",
    "Top-quartile compensation starts at $253,000.",
    "Average salary for data scientists in Austin is $120,000.",
    "Data scientists earn an average of $120k in this market.",
    "The 90th percentile reaches $307,500.",
    "Founded in 1998, we have 5,000 employees in 40 countries.",
    "Call us at 555-123-4567 between 9 and 5.",
    "Requires 3-5 years of experience.",
    "Shifts: 7am - 3pm, Monday to Friday",
    "Office at 1200 Main Street, Suite 400",
    "Posted 2024-03-01. Closing 2024-04-01.",
    "Must lift 50 lbs. 40 hours per week.",
    "Grew revenue 200% year over year.",
    "We have raised $120 million in Series C funding.",
    "Spend management for 10,000 customers",
    "Annual revenue: $25M",
    "$100 gift card for completing the survey",
    "Employee discount of 30%",
    "Shift differential: $2/hour for nights",
    "Overtime paid at $45/hr after 40 hours",
    "Mileage reimbursed at $0.65 per mile",
    "We donated $50,000 to local schools last year.",
    "Ticket prices start at $25.",
    "Fees: $150 per application",
    "ISO 27001 and SOC 2 certified",
    "Python 3.11, Django 5.0, PostgreSQL 16",
    "Apply by 12/31. Job ID 450123.",
    "Our 401(k) plan matches 100% of the first 6%.",
    "HSA with $1,000 employer contribution",
    "Equity: 0.1% - 0.5%",
    "Series B startup, $40M raised",
    "Deal sizes of $35k-75k ARR",
    "Experience selling $50k+ contracts",
    "Up to 20% annual bonus",
    "Work with budgets up to $2M",
    "12-week program, 25 hours/week",
    "no salary, volunteer role",
    "$85K - $110K (Glassdoor est.)",
    "$600/month phone and internet allowance",
    "$1,000 annual wellness stipend",
    "Up to $5,000 signing bonus",
    "Estimated salary: $98.7K - $125K a year",
    "Typical pay for this role in your area: $60,000 - $80,000",
]


# --- issue 12: pay in every currency, shape and period ---------------------------------------------
# (text, (min, max, currency, period)); every line written for these tests.
HEADER_SLOT: list[tuple[str, Expected]] = [
    ("Orbitly | Platform Engineer | Bristol | £55K - £70K", (55000, 70000, "GBP", "year")),
    ("Orbitly | Platform Engineer | Bristol | £55K - £70K | Hybrid", (55000, 70000, "GBP", "year")),
    ("Lead Data Engineer - €75k-€95k - Remote", (75000, 95000, "EUR", "year")),
    ("Senior QA Analyst – £48,000 – £56,000 – Manchester", (48000, 56000, "GBP", "year")),
    ("Kestrel Labs | Berlin | ONSITE | €65K + equity", (65000, 65000, "EUR", "year")),
    ("Kestrel Labs | Berlin | ONSITE | €65K+ and stock options", (65000, None, "EUR", "year")),
    ("Tidewater | Lisbon, Portugal | Full-time | €40k-€55k, 0.1-0.4% equity", (40000, 55000, "EUR", "year")),
    ("Quarry AI | Austin, TX | ONSITE | up to $140k", (None, 140000, "USD", "year")),
    ("Quarry AI | Vancouver | REMOTE | $120k CAD", (120000, 120000, "CAD", "year")),
    ("Pinecone Works | Pune | INR1200k-INR2400k", (1200000, 2400000, "INR", "year")),
    ("Mosaic | São Paulo | R$90k-R$150k", (90000, 150000, "BRL", "year")),
    ("Mosaic | Osaka | 6,000,000 - 8,500,000 yen / year", (6000000, 8500000, "JPY", "year")),
    ("Helio | Zürich | SALARY:120k-150kCHF", (120000, 150000, "CHF", "year")),
    ("Helio | Toronto | SALARY:95k-125kCAD | REMOTE OK", (95000, 125000, "CAD", "year")),
    ("Rust Developer · Amsterdam · €70.000 - €85.000", (70000, 85000, "EUR", "year")),
    ("Office Manager\nc.£24,000\nNorwich", (24000, 24000, "GBP", "year")),
    ("Support Engineer\n£30-38,000\nCardiff", (30000, 38000, "GBP", "year")),
    ("Brightline | Dublin | €60k–€72k | Hybrid (2 days)", (60000, 72000, "EUR", "year")),
    ("Nordwind | Oslo | 700 000 - 850 000 NOK", (700000, 850000, "NOK", "year")),
    ("Nordwind | Bergen | NOK 650k-1M", (650000, 1000000, "NOK", "year")),
    ("Lumen | Lyon | 65k+ EUR", (65000, None, "EUR", "year")),
    ("Lumen | Brno | 85-110k CZK", (85000, 110000, "CZK", "month")),
    ("Lumen | Debrecen | 750k-1.1M HUF", (750000, 1100000, "HUF", "month")),
    ("Lumen | Manila | PHP 650k-950k", (650000, 950000, "PHP", "year")),
    ("Fjordly | Stockholm | 45 000 - 55 000 SEK per month", (45000, 55000, "SEK", "month")),
    ("Kestrel | Remote | 130-160k", (130000, 160000, "USD", "year")),
]

GLUED_AND_BROKEN: list[tuple[str, Expected]] = [
    (
        "Successful candidates are eligible for$140,000 - $175,000 base salary",
        (140000, 175000, "USD", "year"),
    ),
    ("Compensation:$95,000-$120,000", (95000, 120000, "USD", "year")),
    ("Salary$80k-$100k", (80000, 100000, "USD", "year")),
    ("Pay: $21 - $24", (21, 24, "USD", "hour")),
    ("Pay: $17.25", (17.25, 17.25, "USD", "hour")),
    ("Wage: $19-$23 depending on certification", (19, 23, "USD", "hour")),
    ("Salary: 110-140k", (110000, 140000, "USD", "year")),
    ("Salary range 95-130K", (95000, 130000, "USD", "year")),
    ("Compensation: $150k–$190k+", (150000, 190000, "USD", "year")),
    ("Salary: £45,000-£55,000pa", (45000, 55000, "GBP", "year")),
    ("Salary: £35-45k", (35000, 45000, "GBP", "year")),
    ("Salary: £28-32,000 per annum", (28000, 32000, "GBP", "year")),
    ("Salary: €45–60.000", (45000, 60000, "EUR", "year")),
    ("Pay: $28/hr.Schedule: Monday to Friday", (28, 28, "USD", "hour")),
    ("Salary: $72,500/yrJob type: full-time", (72500, 72500, "USD", "year")),
    ("Base salary range:\n$135,000\n-\n$165,000", (135000, 165000, "USD", "year")),
    ("Salary: 85K USD - 105K USD", (85000, 105000, "USD", "year")),
    ("Salary: USD85,000 - USD105,000", (85000, 105000, "USD", "year")),
    ("Base Salary: $135,000 – $168,000 + Annual Bonus + Equity", (135000, 168000, "USD", "year")),
    ("Salary range is 92K-118K based on experience.", (92000, 118000, "USD", "year")),
    ("We pay 65-85k depending on experience.", (65000, 85000, "USD", "year")),
    ("Our salaries are 72-95k plus bonus.", (72000, 95000, "USD", "year")),
    ("Salary: £42k + annual bonus", (42000, 42000, "GBP", "year")),
    ("Pay: $21/hr + monthly bonus", (21, 21, "USD", "hour")),
]

DOLLAR_PREFIXES: list[tuple[str, Expected]] = [
    ("Salary: $A125k + super", (125000, 125000, "AUD", "year")),
    ("Salary: A$105,000 - A$125,000", (105000, 125000, "AUD", "year")),
    ("Salary: AU$130k-AU$150k plus superannuation", (130000, 150000, "AUD", "year")),
    ("Salary: CA$88,000 - CA$102,000", (88000, 102000, "CAD", "year")),
    ("Salary: C$70k - C$90k", (70000, 90000, "CAD", "year")),
    ("Salary: CAD$95,000", (95000, 95000, "CAD", "year")),
    ("Salary: NZ$85,000 – NZ$100,000", (85000, 100000, "NZD", "year")),
    ("Salary: S$7,500 - S$9,500 monthly", (7500, 9500, "SGD", "month")),
    ("Salary: S$90k - S$120k per annum", (90000, 120000, "SGD", "year")),
    ("Salary: HK$35,000 - HK$45,000 per month", (35000, 45000, "HKD", "month")),
    ("Salary: HK$30K–HK$42K monthly", (30000, 42000, "HKD", "month")),
    ("Salary: US$95,000 - US$115,000", (95000, 115000, "USD", "year")),
    ("Salary: NT$1,200,000 - NT$1,600,000 per year", (1200000, 1600000, "TWD", "year")),
    ("Salary: MX$35,000 - MX$45,000 per month", (35000, 45000, "MXN", "month")),
    ("Salary: $110,000 - $130,000 NZD", (110000, 130000, "NZD", "year")),
    ("Salary: 98,000 - 112,000 AUD", (98000, 112000, "AUD", "year")),
]

CODES_AND_WORDS: list[tuple[str, Expected]] = [
    ("Salary: 85,000 CAD", (85000, 85000, "CAD", "year")),
    ("Salary: 92 000 EUR gross per year", (92000, 92000, "EUR", "year")),
    ("Salaries start around 48k euro plus benefits.", (48000, None, "EUR", "year")),
    ("Salary: 55,000 euros per year", (55000, 55000, "EUR", "year")),
    ("We offer 50-62k pounds depending on experience", (50000, 62000, "GBP", "year")),
    ("Salary: 115 000 Swiss francs per year", (115000, 115000, "CHF", "year")),
    ("Gehalt: 95.000 - 110.000 Franken jährlich", (95000, 110000, "CHF", "year")),
    ("Wynagrodzenie: 16 000 - 21 000 zł brutto", (16000, 21000, "PLN", "month")),
    ("Salary: 14 000 - 19 000 złotych miesięcznie", (14000, 19000, "PLN", "month")),
    ("Lön: 42 000 - 52 000 kr/mån, Göteborg", (42000, 52000, "SEK", "month")),
    ("Lønn: 650 000 - 780 000 kr per år, Oslo", (650000, 780000, "NOK", "year")),
    ("Løn: 48.000 - 58.000 kr. om måneden, København", (48000, 58000, "DKK", "month")),
    ("Salary: 1,100,000 - 1,400,000 HUF per month", (1100000, 1400000, "HUF", "month")),
    ("Mzda: 70 000 - 90 000 Kč měsíčně", (70000, 90000, "CZK", "month")),
    ("Salary: 14 - 20 lakh per annum", (1400000, 2000000, "INR", "year")),
    ("Package: 18 lakhs", (1800000, 1800000, "INR", "year")),
    ("CTC: 1.2 crore", (12000000, 12000000, "INR", "year")),
    ("Salary: 7,50,000 - 11,00,000", (750000, 1100000, "INR", "year")),
    ("Salary: 900-1200万円", (9000000, 12000000, "JPY", "year")),
    ("Salary: 650万〜950万円", (6500000, 9500000, "JPY", "year")),
    ("Salary: JPY 7-10M", (7000000, 10000000, "JPY", "year")),
    ("Salary: ¥7-10M", (7000000, 10000000, "JPY", "year")),
    ("Salary: KRW 55-85M", (55000000, 85000000, "KRW", "year")),
    ("A 5-10m walk from the station; salary $92k", (92000, 92000, "USD", "year")),
    ("The salary for this role is between 105,000 and 125,000 dollars.", (105000, 125000, "USD", "year")),
    ("Salary: 1,800,000 - 2,400,000 yen per month", (1800000, 2400000, "JPY", "month")),
    ("Salary: 7 000 - 9 000 RON net lunar", (7000, 9000, "RON", "month")),
    ("Salary: ₪28,000 - ₪34,000 per month", (28000, 34000, "ILS", "month")),
    ("Salary: 45.000 TL - 60.000 TL per month", (45000, 60000, "TRY", "month")),
    ("Lønn: 720 000 kr i året", (720000, 720000, "NOK", "year")),
    ("Lương: 18-25 triệu VND/tháng", (18000000, 25000000, "VND", "month")),
    ("Gaji: Rp 9 juta - Rp 13 juta per bulan", (9000000, 13000000, "IDR", "month")),
    ("Maaş: 55.000 TL - 75.000 TL aylık", (55000, 75000, "TRY", "month")),
    ("Wynagrodzenie: 16-22 tys. zł brutto miesięcznie", (16000, 22000, "PLN", "month")),
    ("Зарплата: 70 000 - 110 000 грн на місяць", (70000, 110000, "UAH", "month")),
]

NUMBER_FORMATS: list[tuple[str, Expected]] = [
    ("Gehalt: 4.250,50 € brutto monatlich", (4250.5, 4250.5, "EUR", "month")),
    ("Salaire : 52 000 € - 61 000 € par an", (52000, 61000, "EUR", "year")),
    ("Salary: 52\u202f000 – 61\u202f000 € per year", (52000, 61000, "EUR", "year")),
    ("Lohn: CHF 98'000 - 112'000", (98000, 112000, "CHF", "year")),
    ("Lohn: CHF 98’000 - 112’000 pro Jahr", (98000, 112000, "CHF", "year")),
    ("Gehalt: CHF 105'000.– bis 125'000.–", (105000, 125000, "CHF", "year")),
    ("CTC: ₹9,50,000 - ₹14,00,000 per annum", (950000, 1400000, "INR", "year")),
    ("Salary: Rs. 55,000 - 70,000 per month", (55000, 70000, "INR", "month")),
    ("Salário: R$ 9.500,00 por mês", (9500, 9500, "BRL", "month")),
    ("Salary: €62.500 - €71.000 per jaar", (62500, 71000, "EUR", "year")),
    ("Salary: 60.000 € - 70.000 € brutto/Jahr", (60000, 70000, "EUR", "year")),
    ("Salario: entre 32.000 y 38.000 euros brutos anuales", (32000, 38000, "EUR", "year")),
    ("Salaire : entre 48 et 58 k€ par an", (48000, 58000, "EUR", "year")),
    ("Gehalt: zwischen 7000 CHF und 8500 CHF pro Monat", (7000, 8500, "CHF", "month")),
    ("Retribuzione: 38.000 € lordi annui", (38000, 38000, "EUR", "year")),
    ("9-13 Lacs P.A.", (900000, 1300000, "INR", "year")),
    ("Salaire : à partir de 42K€", (42000, None, "EUR", "year")),
    ("Ab 4.100 € brutto im Monat", (4100, None, "EUR", "month")),
    ("Vergütung: bis zu 92.000 € p. a.", (None, 92000, "EUR", "year")),
    ("Sueldo: 31.000€ - 36.000€ brutos/año", (31000, 36000, "EUR", "year")),
    ("Salario: hasta 40.000 € al año", (None, 40000, "EUR", "year")),
    ("Salary: $1.2M - $1.6M per year", (1200000, 1600000, "USD", "year")),
]

PERIODS: list[tuple[str, Expected]] = [
    ("Day rate: £525/day outside IR35", (525, 525, "GBP", "day")),
    ("Rate: £600 - £650 per day (inside IR35)", (600, 650, "GBP", "day")),
    ("Contract rate: €700/day, 12 months", (700, 700, "EUR", "day")),
    ("Rate: $85 - $95/hr on a 1099 basis", (85, 95, "USD", "hour")),
    ("Stawka: 160-190 zł/h netto + VAT", (160, 190, "PLN", "hour")),
    ("Rate: 800-1000 PLN/day B2B", (800, 1000, "PLN", "day")),
    ("£475-£525pd outside IR35", (475, 525, "GBP", "day")),
    ("$58 - $68 p.h. + super", (58, 68, "USD", "hour")),
    ("Salary: €3.400 - €3.900 brutto/Monat", (3400, 3900, "EUR", "month")),
    ("Ausser dem Gehalt, das netto zwischen 7500 CHF und 9000 CHF liegt", (7500, 9000, "CHF", "month")),
    ("Salary: SGD 6,500 - 8,000", (6500, 8000, "SGD", "month")),
    ("Pay: £1,150 per week", (1150, 1150, "GBP", "week")),
    ("Stipend-free, paid internship: $4,200 per month", (4200, 4200, "USD", "month")),
    ("Salary: 22-26 USD/hr", (22, 26, "USD", "hour")),
    ("Salary: £13.15 - £14.40 an hour", (13.15, 14.4, "GBP", "hour")),
    ("Palkka: 4200-5200 € / kk", (4200, 5200, "EUR", "month")),
    ("Bruttomonatsgehalt: 4.300 € - 5.100 €", (4300, 5100, "EUR", "month")),
    ("Jahresgehalt: ab 68.000 €", (68000, None, "EUR", "year")),
    ("Für diese Rolle gilt ein Bruttojahresgehalt ab EUR 51.000,-", (51000, None, "EUR", "year")),
    ("RAL: 34.000 - 41.000 €", (34000, 41000, "EUR", "year")),
    ("Il salario è compreso tra 31.000 e 36.000 euro lordi annui.", (31000, 36000, "EUR", "year")),
    ("Het salaris bedraagt €3.600 - €4.700 bruto per maand.", (3600, 4700, "EUR", "month")),
    ("Wynagrodzenie od 13 000 do 17 000 PLN brutto miesięcznie", (13000, 17000, "PLN", "month")),
]

SEVERAL_FIGURES: list[tuple[str, Expected]] = [
    (
        "Salary: 8-10k CHF per month, which is 100-125k CHF per year with the 13th salary",
        (8000, 10000, "CHF", "month"),
    ),
    (
        "The annual salary is $98,000 - $118,000 (roughly $47 - $57 per hour).",
        (98000, 118000, "USD", "year"),
    ),
    ("Salary: $80K/year; $38.46/hour equivalent", (80000, 80000, "USD", "year")),
    (
        "Data Engineer: €65k-€80k\nML Engineer: €75k-€95k\nEngineering Manager: €90k-€115k",
        (65000, 115000, "EUR", "year"),
    ),
    (
        "Salary band:\nMinimum: $92,000\nMidpoint: $108,000\nMaximum: $124,000",
        (92000, 124000, "USD", "year"),
    ),
    ("Pay band: minimum $70,000, maximum $95,000", (70000, 95000, "USD", "year")),
    (
        "Pay by zone:\nZone A (Seattle, NYC): $160,000 - $190,000\nZone B: $140,000 - $170,000\n"
        "Zone C: $125,000 - $150,000",
        (125000, 190000, "USD", "year"),
    ),
    ("Salary from £42k up to £52k depending on experience", (42000, 52000, "GBP", "year")),
    ("Benefits and equity are generous ($125K-$160K / 0.3+%).", (125000, 160000, "USD", "year")),
    (
        "For Denver, CO-based roles: the base salary range is USD$150,000 per year - USD$168,000 per year.",
        (150000, 168000, "USD", "year"),
    ),
    (
        "Target earnings are USD $96,000, made of a base hourly rate of USD $26.75 and a variable incentive "
        "target of USD $40,000.",
        (26.75, 26.75, "USD", "hour"),
    ),
    ("Base salary: $150,000. Sign-on bonus: $20,000.", (150000, 150000, "USD", "year")),
    ("Salary: £36,000 - £41,000 plus London weighting of £3,800", (36000, 41000, "GBP", "year")),
    ("Pay scale: Band 6 (£36,500 - £43,900)", (36500, 43900, "GBP", "year")),
    ("Salary: $82,000 - $98,000 (Level I) / $98,000 - $126,000 (Level II)", (82000, 126000, "USD", "year")),
]

NOT_PAY_MORE: list[str] = [
    # A pay word inside another word is none: "learn" holds "earn", "several" the Italian "RAL",
    # "platform" the Czech "plat".
    "Keep learning: $25",
    "Several $40 items on the list",
    "Our platform: $25",
    "Top reps close $40k+ in sales per month.",
    "Our clients procure $80k+ of hardware and services every month.",
    "We help stores move $2M+ in inventory a year.",
    "Bonus: up to 15% of base ($18,000)",
    "Earn up to $250 per referral",
    "We pay writers $300 per article",
    "Pricing starts at $29 per seat per month.",
    "Our customers save $1,200 a month on average.",
    "Annual revenue passed $14M last year.",
    "Backed by $30M in Series B funding.",
    "Acme | Raised a $4M seed | Berlin",
    "Acme | London | 350 employees",
    "The market for cloud security is worth $40 billion.",
    "401(k) match up to 6% of salary",
    "Sign-on bonus of $7,500 for experienced nurses",
    "Relocation package up to €5,000",
    "Conference stipend: $2,000 per year",
    "Learning budget of £1,000 per year",
    "Home office allowance: €750",
    "Packages weighing up to 50 pounds",
    "Must be able to lift 40 pounds regularly.",
    "Warehouse in Tacoma, WA 98402\nShifts start at 6am",
    "Series A ($12M) led by a great fund",
    "Median salary for this role nationally is $115,000.",
    "Candidates typically earn an average of $95k here.",
    "Office: 221B Baker Street, London NW1 6XE",
    "Version 2.14.3 released in 2023",
    "Pay: competitive",
    "Salary: DOE",
    "Salary: €",
    "We sell plans for $45 each.",
    "Tickets cost £25 per person.",
    "Per diem: $65 per day while travelling",
    "Mileage: $0.67 per mile",
    "Team lunch budget €15 per person",
    "Cashback of 2% on every purchase",
    "Free parking worth $200 a month",
    "Our fund manages $3B in assets.",
    "We grew ARR from $1M to $8M in two years.",
    "Tips often add $100 a night.",
    "Session compensation: $45 and up depending on experience",
    "The fee is 60 USD for 1 participant.",
    "We pay $120 per shift plus travel.",
    "A one-time payment of $2,500 on completion",
    "Our kits sit in the price range $25 - $45.",
    "Kestrel | Berlin | 40-60k downloads a month",
    "Seats in the range of $12-$30",
    "Our plans range from $8 to $45.",
    "Kestrel | NYC | $275/hr consulting rates for clients",
    "We charge $140 per hour for design work.",
    "Clients pay us $180/hr.",
    "Expense limit: $80 per day",
    "Salaries for 5-10k users",
    "We pay for 2-3k books a year.",
    "Ein Warenpaket im Verkaufswert von 300,00€ bis 1.800,00/monatlich",
    "mind. 90.000€ Adspend im Jahr verantwortet",
    "Equity grants worth $40,000 per year",
    "We offer stock worth $25k, 0.4% of the company",
]

NEW_POSITIVE: list[tuple[str, Expected]] = [
    *HEADER_SLOT,
    *GLUED_AND_BROKEN,
    *DOLLAR_PREFIXES,
    *CODES_AND_WORDS,
    *NUMBER_FORMATS,
    *PERIODS,
    *SEVERAL_FIGURES,
]


def _approx(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


@pytest.mark.parametrize(
    ("text", "expected"), POSITIVE + NEW_POSITIVE, ids=[t[:50] for t, _ in POSITIVE + NEW_POSITIVE]
)
def test_pay_is_read(text: str, expected: Expected) -> None:
    salary = extract_salary(normalize_text(text))
    if expected is None:
        assert salary is None
        return
    assert salary is not None, text
    low, high, currency, period = expected
    got = (salary.min, salary.max, salary.currency, salary.period)
    assert _approx(salary.min, low) and _approx(salary.max, high), got
    assert (salary.currency, salary.period) == (currency, period), got


@pytest.mark.parametrize(
    "text", NEGATIVE + NOT_PAY_MORE, ids=[t[:50] or "empty" for t in NEGATIVE + NOT_PAY_MORE]
)
def test_not_pay_is_ignored(text: str) -> None:
    assert extract_salary(normalize_text(text)) is None


def test_every_range_is_listed_with_its_period() -> None:
    text = normalize_text(
        "Base pay: $120,000 - $140,000 per year. Hourly equivalent: $57.69 - $67.31 per hour."
    )
    ranges = extract_salary_ranges(text)
    assert [(r.min, r.max, r.period) for r in ranges] == [
        (120000, 140000, "year"),
        (57.69, 67.31, "hour"),
    ]
    salary = extract_salary(text)
    assert salary is not None and (salary.min, salary.max, salary.period) == (120000, 140000, "year")


def test_regional_ranges_keep_their_labels() -> None:
    text = normalize_text(
        "The base pay range across the U.S. is USD $100,000 - $150,000 per year. Within the San Francisco "
        "Bay area, the base pay range is USD $120,000 - $170,000 per year."
    )
    ranges = extract_salary_ranges(text)
    assert len(ranges) == 2
    assert [r.label for r in ranges] == ["U.S.", "San Francisco Bay"]
    assert ranges[1].text.startswith("USD $120,000") or ranges[1].text.startswith("$120,000")


def test_ranges_for_those_locations_take_the_place_named_before() -> None:
    text = normalize_text(
        "The typical base pay range is USD $100,000 - $150,000 per year. There is a different range within "
        "the Seattle and New York City metropolitan area, and the base pay range in those locations is "
        "USD $120,000 - $170,000 per year."
    )
    assert [r.label for r in extract_salary_ranges(text)][1] == "Seattle and New York City"


def test_stated_text_is_kept() -> None:
    salary = extract_salary(normalize_text("Compensation: £40k-£50k pa plus benefits"))
    assert salary is not None
    assert "£40k" in salary.text and "£50k" in salary.text


def test_table_is_large_enough() -> None:
    assert len(POSITIVE) + len(NEGATIVE) >= 200
    assert len(NEW_POSITIVE) + len(NOT_PAY_MORE) >= 150


@pytest.mark.parametrize(
    ("text", "period_inferred"),
    [
        ("Pay: $19 - $22", True),
        ("Pay: $19 - $22 per hour", False),
        ("Orbitly | Bristol | £55K - £70K", True),
        ("Salary: £55,000 - £70,000 per annum", False),
        ("Gehalt: zwischen 7000 CHF und 8500 CHF", True),
    ],
)
def test_an_inferred_period_says_so(text: str, period_inferred: bool) -> None:
    salary = extract_salary(normalize_text(text))
    assert salary is not None
    assert salary.period_inferred is period_inferred
    assert all(r.period_inferred is period_inferred for r in extract_salary_ranges(normalize_text(text)))


def test_a_figure_between_wage_and_salary_size_gets_no_period() -> None:
    # $400 is neither an hourly wage nor a month's or year's salary: no period can be inferred.
    assert extract_salary(normalize_text("Pay: $400")) is None


def test_bare_dollar_is_marked_inferred_and_written_codes_are_not() -> None:
    bare = extract_salary(normalize_text("Salary: $90,000 - $110,000"))
    written = extract_salary(normalize_text("Salary: CA$90,000 - CA$110,000"))
    assert bare is not None and bare.currency_inferred
    assert written is not None and not written.currency_inferred


def test_same_figures_in_two_currencies_are_two_ranges() -> None:
    ranges = extract_salary_ranges(normalize_text("Helio | NYC and Zurich | SALARY: 150k-190k CHF/USD"))
    assert [(r.min, r.max, r.currency) for r in ranges] == [
        (150000, 190000, "CHF"),
        (150000, 190000, "USD"),
    ]


def test_monthly_beside_yearly_keeps_both_and_the_first_period_is_the_envelope() -> None:
    text = normalize_text("Salary: 8-10k CHF per month (100-125k CHF per year including the 13th salary)")
    ranges = extract_salary_ranges(text)
    assert [(r.min, r.max, r.period) for r in ranges] == [(8000, 10000, "month"), (100000, 125000, "year")]
    salary = extract_salary(text)
    assert salary is not None and (salary.min, salary.max, salary.period) == (8000, 10000, "month")


def test_every_role_range_is_listed() -> None:
    text = normalize_text("Data Engineer: €65k-€80k\nML Engineer: €75k-€95k\nEngineering Manager: €90k-€115k")
    assert [(r.min, r.max) for r in extract_salary_ranges(text)] == [
        (65000, 80000),
        (75000, 95000),
        (90000, 115000),
    ]


def test_same_figures_for_two_roles_are_two_ranges_and_a_restatement_is_one() -> None:
    roles = normalize_text("* DATA ENGINEER, €70-90k, remote\n* PLATFORM ENGINEER, €70-90k, Berlin\n")
    assert [(r.min, r.max) for r in extract_salary_ranges(roles)] == [(70000, 90000), (70000, 90000)]
    restated = normalize_text("Salary: €70-90k.\n\nAbout us ...\n\nOnce more, the salary is €70-90k.")
    assert [(r.min, r.max) for r in extract_salary_ranges(restated)] == [(70000, 90000)]


def test_day_rate_keeps_its_period() -> None:
    salary = extract_salary(normalize_text("Contract: £575/day outside IR35, 6 months"))
    assert salary is not None and (salary.min, salary.period) == (575, "day")


@pytest.mark.parametrize(
    ("raw", "currency"),
    [
        ("Backend Engineer\nMaple Byte\nToronto, Canada\n\nSalary: $95,000 - $115,000", "CAD"),
        ("Backend Engineer\nMaple Byte\nMelbourne, Australia\n\nSalary: $120k - $140k + super", "AUD"),
        ("Backend Engineer\nLion Cloud\nSingapore\n\nSalary: $7,000 - $9,000 per month", "SGD"),
        ("Backend Engineer\nHarbour Ops\nHong Kong\n\nSalary: $28K–$38K monthly", "HKD"),
        ("Backend Engineer\nMaple Byte\nToronto, Canada\n\nSalary: $95,000 - $115,000 (USD)", "USD"),
        ("Backend Engineer\nMaple Byte\nToronto, Canada\n\nSalary: US$95,000 - US$115,000", "USD"),
        ("Backend Engineer\nMaple Byte\nAustin, TX\n\nSalary: $95,000 - $115,000", "USD"),
        (
            "Desarrollador Backend\nNopal Labs\nGuadalajara, Mexico\n\nSueldo: $38,000 - $52,000 mensuales",
            "MXN",
        ),
        ("Backend Engineer\nSpree Works\nBerlin, Germany\n\nGehalt: 4.6k - 5.4k brutto monatlich", "EUR"),
        ("Backend Engineer\nSpree Works\nBerlin, Germany\n\nSalary: $95k - $115k", "USD"),
        ("Backend Engineer\nThames Data\nLondon, UK\n\nSalary: 48,000 - 56,000", "GBP"),
    ],
)
def test_bare_dollar_follows_the_postings_country(raw: str, currency: str) -> None:
    posting = parse_posting(raw)
    if not posting.locations:
        pytest.skip(f"the header reader found no place in {raw.splitlines()[2]!r}")
    assert posting.salary is not None
    assert posting.salary.currency == currency
    assert all(r.currency == currency for r in posting.salary_ranges)


def _job_posting(salary: object) -> dict[str, object]:
    return {"@type": "JobPosting", "title": "Engineer", "baseSalary": salary}


@pytest.mark.parametrize(
    "value",
    [
        {"minValue": 1e308, "maxValue": 1e308, "unitText": "HOUR"},
        {"minValue": float("nan"), "maxValue": 120000, "unitText": "YEAR"},
        {"minValue": float("inf"), "unitText": "YEAR"},
        {"minValue": -50000, "maxValue": 90000, "unitText": "YEAR"},
        {"value": 0, "unitText": "YEAR"},
        {"value": "NaN", "unitText": "YEAR"},
        {"value": "1e400", "unitText": "MONTH"},
        {"minValue": 95000, "maxValue": 120000, "unitText": "HOUR"},
        {"value": 3, "unitText": "YEAR"},
    ],
)
def test_page_data_pay_must_be_plausible(value: dict[str, object]) -> None:
    fields = read_job_posting(_job_posting({"@type": "MonetaryAmount", "currency": "USD", "value": value}))
    assert fields.salary_ranges == []


def test_page_data_without_a_unit_gets_its_period_from_its_size_and_says_so() -> None:
    amount = {"currency": "GBP", "value": {"minValue": 52000, "maxValue": 64000}}
    (pay,) = read_job_posting(_job_posting(amount)).salary_ranges
    assert (pay.min, pay.max, pay.period, pay.period_inferred) == (52000, 64000, "year", True)
    odd_unit = {"currency": "GBP", "value": {"value": 52000, "unitText": "FORTNIGHT"}}
    assert read_job_posting(_job_posting(odd_unit)).salary_ranges == []


def test_page_data_market_estimate_is_not_pay() -> None:
    estimate = {"currency": "USD", "value": {"minValue": 90000, "maxValue": 130000, "unitText": "YEAR"}}
    data: dict[str, object] = {"@type": "JobPosting", "title": "Engineer", "estimatedSalary": estimate}
    assert read_job_posting(data).salary_ranges == []


def test_plausible_page_data_pay_is_kept() -> None:
    amount = {"currency": "EUR", "value": {"minValue": "55000", "maxValue": 70000, "unitText": "YEAR"}}
    fields = read_job_posting(_job_posting(amount))
    assert [(r.min, r.max, r.currency, r.period) for r in fields.salary_ranges] == [
        (55000, 70000, "EUR", "year")
    ]


@pytest.mark.parametrize(
    ("value", "currency", "period", "plausible"),
    [
        (25.0, "USD", "hour", True),
        (2500.0, "USD", "hour", False),
        (90000.0, "EUR", "year", True),
        (90.0, "EUR", "year", False),
        (1_500_000.0, "INR", "year", True),
        (float("inf"), "USD", "year", False),
        (float("nan"), "USD", "year", False),
        (-1.0, "USD", "hour", False),
        (1e308, "USD", "hour", False),
        (6_000_000.0, "JPY", "year", True),
    ],
)
def test_plausible_band(value: float, currency: str, period: str, plausible: bool) -> None:
    assert plausible_pay(value, currency, period) is plausible  # type: ignore[arg-type]
