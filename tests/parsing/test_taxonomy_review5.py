"""The fifth taxonomy review: sentences written for these tests that must (+) or must not (-) give
a skill. The negative cases are the second senses that kept a spelling out of the taxonomy: a
short code or an ordinary word that means something else in another kind of posting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parsing.skills import extract_skills, taxonomy
from tests.parsing.skill_cases import assert_reads, reading_cases

READING_CASES = """
# program control and US government assessment and authorization
+ Work Breakdown Structure; Integrated Master Schedule | Build the WBS and keep the integrated master schedule current
+ Estimate at Completion; Basis of Estimate | Prepare estimates at completion and write the basis of estimate for each task
+ Control Account Management | Two years as a control account manager on a defence programme
+ DISA STIGs; ACAS | Harden hosts against DISA STIGs and run ACAS scans weekly
+ Assessment and Authorization; Authority to Operate | Lead assessment and authorization work and assemble ATO packages
+ Google Chronicle | Tune detections in Chronicle SIEM
# home health and long-term care, laboratory, clinical care
+ OASIS; WellSky | Complete OASIS-E documentation in WellSky within 48 hours of the visit
+ Homecare Homebase; Minimum Data Set | Charting in HCHB; MDS assessments for every admission
+ Tissue Embedding; Cryosectioning | Paraffin embedding and cryostat sectioning of surgical tissue
+ H&E Staining; Specimen Processing | Run H&E stains and handle specimen accessioning
+ Care Coordination | Ensure coordination of care between the clinic and the home team
+ EKG Interpretation; Central Line Care | Requires 12-lead ECG interpretation and PICC line care
+ Post-Operative Care; Ostomy Care | Skilled in post-op care and stoma care
+ Phlebotomy | Erfahrung in der Blutentnahme wünschenswert
# legal, finance and tax software
+ Will Drafting; Trust Drafting | Drafting wills and trust instruments for elder clients
+ LexisNexis CaseMap; Everlaw | Familiar with CaseMap and Everlaw review workspaces
+ Form 1099; Lacerte | Prepare 1099 filings and individual returns in Lacerte
+ International Accountant Certification | Weiterbildung zum Internationalen Bilanzbuchhalter IHK von Vorteil
+ Bank Reconciliation | Perform monthly bank reconciliations for twelve entities
+ Invoicing | Du übernimmst die Fakturierung unserer Projekte
# trades, plant and vehicle service
+ Equipment Commissioning; Control Cabinet Wiring | Erfahrung mit der Inbetriebnahme von Anlagen und der Schaltschrankverdrahtung
+ Oxy-Fuel Cutting; Fiber Optic Splicing | Oxy-acetylene cutting and fusion splicing experience required
+ Wheel Alignment; Brake Repair | Performs wheel alignments and brake jobs on light trucks
+ Telehandler Operation; Aerial Work Platforms | Certified to run a telehandler and MEWP equipment
+ Gauges; Nonconforming Product Control | Inspect parts with mechanical gages and segregate non-conforming product
+ Intergraph Smart 3D; AVEVA E3D | Piping layout in SmartPlant 3D or AVEVA E3D
# marketing, sales, office
+ Conversion Tracking; Meta Pixel | Set up conversion tracking and the Facebook Pixel for every shop
+ Generative Engine Optimization | Grow our reach through generative engine optimisation alongside SEO
+ Competitive Analysis | Run competitive landscape analysis for each new market
+ Account Planning | Own strategic account planning for the top twenty customers
+ Microsoft Excel; Microsoft Office | Sehr gute Excel-Kenntnisse und MS-Office-Kenntnisse
+ Machine Learning | Expérience en apprentissage automatique appliqué
# current stack libraries, European accounting software, German "-Kenntnisse" compounds
+ Hilt; Android Room; Ktor | Android stack: Kotlin, Dagger Hilt, Room database and Ktor
+ tRPC; Drizzle ORM; TanStack Query; Keycloak | We use tRPC, Drizzle ORM, TanStack Query and Keycloak
+ Exact Online; Twinfield | Ervaring met Exact Online of Twinfield is een pré
+ Microsoft Word; Microsoft Outlook; Go | Gute Word-Kenntnisse, Outlook-Kenntnisse und Go-Kenntnisse
+ Polish; Russian | Polnisch oder Russisch von Vorteil
+ Value Stream Mapping; CNC Milling; Construction Supervision | Erfahrung in Wertstromanalyse, CNC-Fräsen und Bauüberwachung
+ Wound Care; Content Creation | Wundmanagement nach Standard; Content-Erstellung für unseren Blog
+ AppsFlyer; Adjust; Branch.io | Hands-on with AppsFlyer, Adjust or Branch.io for app attribution
+ ProtoPie; Maze; Dovetail | Our research kit: Figma, ProtoPie, Maze and Dovetail
+ Sales Forecasting; Demand Forecasting | Owns sales forecasting and demand forecasting for the region
# second senses that must not become the skill
- Process Scale-Up | We are a fast-growing scale-up in Berlin
- ACAS | Follow the Acas code of practice on disciplinary procedures
- AVEVA PDMS | Mould PDMS microfluidic chips in the clean room
- Antibody-Drug Conjugates | Characterise the ADCs and DACs on the mixed-signal board
- VRF Systems | Configure VRF instances on the core routers
- Answer Engine Optimization | Experience with AEO status and customs declarations
- Gerber AccuMark | Our brands include Gerber baby food
- Accounts Payable | Vous gérez la facturation de nos clients
- Equipment Commissioning | Inbetriebnahme neuer Server und Notebooks
- Admissions Application Review | Maintain the LIMS applicationreview and approve validation deliverables
- Dagger; Backstage; Neon; Temporal | The dagger lay backstage under a neon sign near the temporal exhibit
- Time and Attendance | Digitale Zeiterfassung und flexible Arbeitszeiten für alle
- Adjust; Singular; Maze; Dovetail; Nuke | Adjust the plan, keep a singular focus, find a way through the maze, dovetail the teams and nuke the backlog
- Asset Protection Planning | Partner with asset protection to reduce store shrink
"""


READINGS = reading_cases(READING_CASES)


@pytest.mark.parametrize(("text", "names", "present"), READINGS, ids=[t[:40] for t, _, _ in READINGS])
def test_reads_skills(text: str, names: list[str], present: bool) -> None:
    assert_reads(text, names, present)


def test_every_negative_case_names_a_skill_of_the_taxonomy() -> None:
    # A misspelt name would make a "must not" case pass for the wrong reason.
    names = {entry.name for entry in taxonomy()}
    unknown = sorted({n for _, skills, present in READINGS if not present for n in skills} - names)
    assert not unknown


@pytest.mark.parametrize(
    "text", ["Ausbildung zum Industriekaufmann (m/w/d) ab August", "Ausbildung zur Bankkauffrau ab September"]
)
def test_an_apprenticeship_on_offer_is_not_a_requirement(text: str) -> None:
    # Training occupations are left out of the taxonomy: a posting offering the apprenticeship
    # names it as often as one asking for the finished qualification.
    assert extract_skills(text) == []


# Sense fixes found in review: each pair is a sentence that must give the skill and one where the
# same letters must not (the entry of the wrong sense, or a word that only looks like the name).
SENSE_FIX_CASES = """
+ Objective-C | Maintain the legacy iOS app written in Obj-C and port screens to Swift
+ Objective-C | Three years of obj c or Swift on shipping apps
+ Purchase Order Processing | Raise purchase orders and match them against supplier invoices
- Purchasing Systems | Raise purchase orders and match them against supplier invoices
- Order Processing | Raise purchase orders and match them against supplier invoices
+ Quality Management Systems | Maintain the ISO 9001 quality management system of both plants
- Quality Management Systems | Report to the head of quality management at our bottling site
- Quality Management Systems | Five years of water quality management for a rural utility
+ Water Quality Management | Five years of water quality management for a rural utility
- Leading Teams; Team Leadership | Experience leading teams of four to six engineers
+ Canvas LMS | Build course pages in Canvas and Moodle for the online programme
- Canva | Build course pages in Canvas and Moodle for the online programme
- Canva; Canvas LMS | Stretch canvas over frames and prime it for the studio painters
+ Canva | Design the weekly social posts in Canva
+ Pillow | Image pipelines in Python with NumPy, Pillow and OpenCV
- Pillow | Restock pillows, towels and linens on every floor
+ SPICE Simulation | Verify the power stage with SPICE simulation before layout
- SPICE Simulation | Weigh the spices and flour for each batch of dough
"""


SENSE_FIXES = reading_cases(SENSE_FIX_CASES)


@pytest.mark.parametrize(("text", "names", "present"), SENSE_FIXES, ids=[t[:40] for t, _, _ in SENSE_FIXES])
def test_sense_fixes(text: str, names: list[str], present: bool) -> None:
    assert_reads(text, names, present)


def test_objective_c_is_one_entry_with_its_short_spellings() -> None:
    # A second entry for the short spelling would split one language's count in two.
    names = {entry.name for entry in taxonomy()}
    assert "ObjC" not in names
    assert "Objective-C" in names


def test_quality_management_and_leading_teams_are_umbrellas() -> None:
    # Read whole (so no shorter skill is taken from inside them), never reported.
    umbrella = {entry.name for entry in taxonomy() if entry.umbrella}
    assert {"Quality Management", "Leading Teams"} <= umbrella


def test_every_sense_fix_names_a_skill_of_the_taxonomy() -> None:
    names = {entry.name for entry in taxonomy()}
    assert not sorted({n for _, skills, _ in SENSE_FIXES for n in skills} - names)


def test_a_parse_worker_builds_the_skill_tables_before_it_is_ready() -> None:
    # In a fresh interpreter, so tables other tests built do not count: the worker's warm-up must
    # leave nothing the skills reader builds lazily for the first paste to pay.
    probe = (
        "from commands.core.parse_runner import warm_up\n"
        "from parsing import skills\n"
        "warm_up()\n"
        "print(skills._index.cache_info().currsize, skills._paraphrases.cache_info().currsize)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.split() == ["1", "1"]
