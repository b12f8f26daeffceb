"""Salary extraction: a table of pay strings as postings write them, and strings that are not pay."""

from __future__ import annotations

import pytest

from parsing.salary import extract_salary, extract_salary_ranges
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


def _approx(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t[:50] for t, _ in POSITIVE])
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


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:50] or "empty" for t in NEGATIVE])
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
