"""Phrase pools for realistic plan wording: priorities, key actions, leads, agencies and commentary."""

from __future__ import annotations

import random

PRIORITY_TITLES = (
    "Leadership, Management and Governance",
    "Safeguarding",
    "Early Help",
    "Children in Need",
    "Child Protection",
    "Children Looked After",
    "Care Leavers",
    "Workforce Development",
    "Quality Assurance and Performance",
    "Partnership Working",
)

_VERBS = (
    "Review and strengthen",
    "Develop and implement",
    "Embed",
    "Establish",
    "Audit",
    "Redesign",
    "Commission",
    "Publish and promote",
    "Refresh",
    "Introduce",
    "Monitor and report on",
    "Agree with partners",
)
_OBJECTS = (
    "the multi-agency front door arrangements",
    "the threshold document for access to services",
    "supervision practice for all social workers",
    "the quality of child protection plans",
    "the placement sufficiency strategy",
    "pathway plans for care leavers aged 16 to 25",
    "the early help assessment and team around the family model",
    "management oversight of case decisions",
    "the performance management framework",
    "the recruitment and retention strategy for qualified social workers",
    "return home interviews for children who go missing",
    "the corporate parenting board's terms of reference",
    "the quality assurance and case audit programme",
    "arrangements for strategy discussions with the police and health",
    "the independent reviewing officer service",
    "the local offer for care leavers",
)
_PURPOSES = (
    "so that referrals are screened within 24 hours",
    "so that thresholds are applied consistently across partners",
    "so that every child has an up-to-date assessment and plan",
    "so that the voice of the child is evident in every case record",
    "so that caseloads are manageable and stable",
    "so that drift and delay are identified and addressed early",
    "so that children are seen and seen alone at every visit",
    "so that learning from audits changes practice",
    "so that young people are supported into education, employment or training",
    "so that leaders have accurate and timely information",
)
_QUALIFIERS = (
    "reporting progress to the Improvement Board",
    "with findings shared at the monthly practice forum",
    "in line with Working Together 2015",
    "and evaluate its impact through a six-monthly audit",
    "with clear escalation routes for partners",
    "including training for team managers",
    "and publish the outcome on the council's website",
    "with sign-off by the Director of Children's Services",
)

LEADS = (
    "Director of Children's Services",
    "Assistant Director, Children's Social Care",
    "Head of Service, Safeguarding",
    "Head of Service, Early Help",
    "Head of Service, Children Looked After",
    "Principal Social Worker",
    "Head of Quality Assurance",
    "Workforce Development Manager",
    "Service Manager, MASH",
    "Head of Commissioning",
    "Chair, Local Safeguarding Children Board",
)
AGENCIES = (
    "Police",
    "Health",
    "Education",
    "CAFCASS",
    "Probation",
    "Housing",
    "Youth Offending Service",
    "Voluntary sector",
    "CCG",
    "LSCB",
)

_PROGRESS = (
    "Draft completed and circulated to partners for comment.",
    "Work has started but the lead officer post was vacant for two months.",
    "Audit fieldwork is complete; the report will go to the next Board.",
    "Training delivered to 60% of staff; remaining sessions are booked.",
    "Slippage due to delays in agreeing the specification with health colleagues.",
    "Awaiting sign-off by the Corporate Parenting Board.",
    "Recruitment campaign launched; agency staff cover remains high.",
    "The new process went live in two of the four localities.",
    "Partners have not yet agreed the revised protocol.",
    "Performance data shows improvement but it is not yet consistent.",
    "A revised timescale will be proposed to the Improvement Board.",
    "IT changes to the case management system are still outstanding.",
)


def priority_name(number: int) -> str:
    """'Priority 3 - Early Help'."""
    return f"Priority {number} - {PRIORITY_TITLES[(number - 1) % len(PRIORITY_TITLES)]}"


def key_action(rng: random.Random) -> str:
    """A key action of roughly 100 to 250 characters."""
    text = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_PURPOSES)}"
    if len(text) < 100 or rng.random() < 0.5:
        text += f", {rng.choice(_QUALIFIERS)}"
    return text[:250].rstrip() + "."


def agencies(rng: random.Random) -> str:
    return ", ".join(rng.sample(AGENCIES, rng.randint(0, 4)))


def commentary(rng: random.Random) -> str:
    """One or two sentences of progress commentary."""
    return " ".join(rng.sample(_PROGRESS, rng.randint(1, 2)))
