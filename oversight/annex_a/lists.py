"""Ofsted's Annex A lists: each list's columns as ANNEX_A.md names them, what kind of value each
holds, and which a list cannot be used without."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

ID, DATE, NUMBER, DECIMAL, YES_NO, TEXT = "id", "date", "number", "decimal", "yes_no", "text"


@dataclass(frozen=True)
class AnnexColumn:
    header: str
    kind: str = TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()

    @cached_property
    def key(self) -> str:
        """A column name for the database: 'date_of_referral'."""
        return re.sub(r"[^a-z0-9]+", "_", self.header.lower()).strip("_")[:60]


@dataclass(frozen=True)
class AnnexList:
    number: int
    name: str
    columns: tuple[AnnexColumn, ...]
    periods: tuple[tuple[str, str], ...] = ()  # (start, end) columns: an end before its start is reported
    # (date, the date it cannot be after): a statutory visit after the plan it belongs to ended is reported
    not_after: tuple[tuple[str, str], ...] = ()

    @property
    def sheet(self) -> str:
        return f"List {self.number}"

    @property
    def table(self) -> str:
        return f"list_{self.number}"

    def column(self, header: str) -> AnnexColumn:
        return next(c for c in self.columns if c.header == header)

    @cached_property
    def by_key(self) -> dict[str, AnnexColumn]:
        return {c.key: c for c in self.columns}


CHILD_ID = AnnexColumn("Child Unique ID", ID, required=True)
COMMON = (
    CHILD_ID,
    AnnexColumn("Gender", aliases=("Sex",)),
    AnnexColumn("Ethnicity"),
    AnnexColumn("Date of Birth", DATE),
    # systems that work the age out from the date of birth write it as a decimal (6.138…): it is still the age
    AnnexColumn("Age of Child (Years)", DECIMAL, aliases=("Age",)),
)
DISABILITY = AnnexColumn("Does the Child have a Disability", YES_NO)
TEAM, WORKER = AnnexColumn("Allocated Team"), AnnexColumn("Allocated Worker")


def _list(
    number: int,
    name: str,
    *columns: AnnexColumn,
    periods: tuple[tuple[str, str], ...] = (),
    not_after: tuple[tuple[str, str], ...] = (),
) -> AnnexList:
    return AnnexList(number, name, (*COMMON, *columns), periods, not_after)


LISTS = {
    annex.number: annex
    for annex in (
        _list(
            1, "Contacts", AnnexColumn("Date of Contact", DATE, required=True), AnnexColumn("Contact Source")
        ),
        _list(
            2,
            "Early help assessments",
            AnnexColumn("Assessment start date", DATE, required=True),
            AnnexColumn("Assessment completion date", DATE),
            AnnexColumn("Organisation completing assessment"),
            periods=(("Assessment start date", "Assessment completion date"),),
        ),
        _list(
            3,
            "Referrals",
            AnnexColumn("Date of referral", DATE, required=True),
            AnnexColumn("Referral Source"),
            AnnexColumn("Referral NFA?", YES_NO),
            AnnexColumn("Number of Referrals in Last 12 Months", NUMBER),
            TEAM,
            WORKER,
        ),
        _list(
            4,
            "Assessments",
            DISABILITY,
            AnnexColumn("Continuous Assessment Start Date", DATE, required=True),
            AnnexColumn("Child Seen During Continuous Assessment", YES_NO),
            AnnexColumn("Continuous Assessment Date of Authorisation", DATE),
            AnnexColumn("Was the child assessed as requiring LA children's social care support?", YES_NO),
            TEAM,
            WORKER,
            periods=(("Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"),),
        ),
        _list(
            5,
            "Section 47 enquiries and ICPCs",
            DISABILITY,
            AnnexColumn("Strategy discussion initiating Section 47 Enquiry Start Date", DATE, required=True),
            AnnexColumn("Was an Initial Child Protection Conference deemed unnecessary?", YES_NO),
            AnnexColumn("Date of Initial Child Protection Conference", DATE),
            AnnexColumn(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan", YES_NO
            ),
            AnnexColumn("Number of Section 47 Enquiries in the last 12 months", NUMBER),
            AnnexColumn("Number of ICPCs in the last 12 months", NUMBER),
            TEAM,
            WORKER,
            periods=(
                (
                    "Strategy discussion initiating Section 47 Enquiry Start Date",
                    "Date of Initial Child Protection Conference",
                ),
            ),
        ),
        _list(
            6,
            "Children in need",
            DISABILITY,
            AnnexColumn("CIN Start Date", DATE, required=True),
            AnnexColumn("Primary Need Code"),
            AnnexColumn("Date Child Was Last Seen", DATE),
            AnnexColumn("CIN Closure Date", DATE),
            AnnexColumn("Reason for Closure"),
            AnnexColumn("Case Status"),
            TEAM,
            WORKER,
            periods=(("CIN Start Date", "CIN Closure Date"),),
        ),
        _list(
            7,
            "Child protection plans",
            DISABILITY,
            AnnexColumn("Child Protection Plan Start Date", DATE, required=True),
            AnnexColumn("Initial Category of Abuse"),
            AnnexColumn("Latest Category of Abuse"),
            AnnexColumn("Date of the Last Statutory Visit", DATE),
            AnnexColumn("Was the Child Seen Alone?", YES_NO),
            AnnexColumn("Date of latest review conference", DATE),
            AnnexColumn("Child Protection Plan End Date", DATE),
            AnnexColumn(
                "Subject to Emergency Protection Order or Protected Under Police Powers "
                "in Last Six Months (Y/N)",
                YES_NO,
            ),
            AnnexColumn("Number of Previous Child Protection Plans", NUMBER),
            TEAM,
            WORKER,
            periods=(("Child Protection Plan Start Date", "Child Protection Plan End Date"),),
            not_after=(("Date of the Last Statutory Visit", "Child Protection Plan End Date"),),
        ),
        _list(
            8,
            "Children looked after",
            AnnexColumn("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", YES_NO),
            DISABILITY,
            AnnexColumn("Date Started to be Looked After", DATE, required=True),
            AnnexColumn("Child's Category of Need"),
            AnnexColumn(
                "Is this a second or subsequent period of being a Looked After Child "
                "within the last 12 months (Y/N)",
                YES_NO,
            ),
            AnnexColumn("Start date of current legal status", DATE),
            AnnexColumn("Child's Legal Status"),
            AnnexColumn("Date of Latest Statutory Review", DATE),
            AnnexColumn("Date of Last Social Work Visit", DATE),
            AnnexColumn("What is the permanence plan for this child?"),
            AnnexColumn("Date of Last IRO Visit / Contact to the Child", DATE),
            AnnexColumn("Date of Last Health Assessment", DATE),
            AnnexColumn("Date of Last Dental Check", DATE),
            AnnexColumn("Number of Placements in the Last 12 months", NUMBER),
            AnnexColumn("Date Ceased to be Looked After", DATE),
            AnnexColumn("Reason Ceased to be Looked After"),
            AnnexColumn("Start Date of Most Recent Placement", DATE),
            AnnexColumn("Placement Type"),
            AnnexColumn("Placement Provider"),
            AnnexColumn("Placement postcode"),
            AnnexColumn("URN of Placement"),
            AnnexColumn("Placement Location"),
            AnnexColumn("LA of Placement"),
            AnnexColumn(
                "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                NUMBER,
            ),
            AnnexColumn(
                "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                NUMBER,
            ),
            AnnexColumn(
                "Was the child offered a Return Interview after their last missing episode (Y/N)?", YES_NO
            ),
            AnnexColumn(
                "Did the child accept a Return Interview after their last missing episode (Y/N)?", YES_NO
            ),
            TEAM,
            WORKER,
            periods=(("Date Started to be Looked After", "Date Ceased to be Looked After"),),
        ),
        _list(
            9,
            "Care leavers",
            AnnexColumn(
                "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", YES_NO
            ),
            DISABILITY,
            TEAM,
            WORKER,
            AnnexColumn("Allocated Personal Advisor"),
            AnnexColumn("Eligibility Category"),
            AnnexColumn("Latest Pathway Plan Review Date", DATE),
            AnnexColumn("LA in Touch"),
            AnnexColumn("Latest Date of Contact", DATE),
            AnnexColumn("Type of Accommodation"),
            AnnexColumn("Suitability of Accommodation"),
            AnnexColumn("Activity Status"),
        ),
        AnnexList(
            10,
            "Adoption (children)",
            (
                CHILD_ID,
                AnnexColumn("Family identifier"),
                *COMMON[1:],
                DISABILITY,
                AnnexColumn("Date the Child Entered Care", DATE, required=True),
                AnnexColumn("Date of Decision that Child Should be Placed for Adoption", DATE),
                AnnexColumn("Date of Placement Order", DATE),
                AnnexColumn("Date of Matching Child and Prospective Adopters", DATE),
                AnnexColumn("Date Placed for Adoption", DATE),
                AnnexColumn("Date of Adoption Order", DATE),
                AnnexColumn("Date of Decision that Child Should No Longer be Placed for Adoption", DATE),
                AnnexColumn("Reason Why Child No Longer Placed for Adoption"),
                AnnexColumn(
                    "Date the child was placed for fostering in FFA or concurrent planning placement", DATE
                ),
            ),
        ),
        AnnexList(
            11,
            "Adopters",
            (
                AnnexColumn("Individual adopter identifier", ID, required=True),
                AnnexColumn("Family identifier"),
                AnnexColumn("Gender", aliases=("Sex",)),
                AnnexColumn("Ethnicity"),
                AnnexColumn("Disability", YES_NO),
                AnnexColumn("Is the (prospective) adopter fostering for adoption?", YES_NO),
                AnnexColumn("Date enquiry received", DATE, required=True),
                AnnexColumn("Date Stage 1 started", DATE),
                AnnexColumn("Date Stage 1 ended", DATE),
                AnnexColumn("Date Stage 2 started", DATE),
                AnnexColumn("Date Stage 2 ended", DATE),
                AnnexColumn("Date application submitted", DATE),
                AnnexColumn("Date application approved", DATE),
                AnnexColumn("Date adopter matched with child(ren)", DATE),
                AnnexColumn("Date child/children placed with adopter(s)", DATE),
                AnnexColumn("No. of children placed", NUMBER),
                AnnexColumn("Date of Adoption Order", DATE),
                AnnexColumn("Date of leaving adoption process", DATE),
                AnnexColumn("Reason for leaving adoption process"),
            ),
            periods=(
                ("Date Stage 1 started", "Date Stage 1 ended"),
                ("Date Stage 2 started", "Date Stage 2 ended"),
            ),
        ),
    )
}


# 'list3.csv', 'List 3', 'AnnexA_List4.csv', 'list_4_assessments.csv', 'list4-missing-start.csv'
_LIST_NAME = re.compile(r"(?<![a-z])list[\W_]*(\d{1,2})(?!\d)", re.I)


def list_named(name: str) -> int | None:
    """The list a sheet's or file's name says it is ('List 3', 'annexa_list3.csv'), if any."""
    match = _LIST_NAME.search(name)
    return int(match.group(1)) if match and int(match.group(1)) in LISTS else None
