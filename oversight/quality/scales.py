"""An audit tool's grading scale and domains, as a council defines them: the grades from best to worst,
how many of the best count as "good or better", and each domain with its guidance. Pure."""

from __future__ import annotations

from dataclasses import dataclass

OFSTED_GRADES = ("Outstanding", "Good", "Requires improvement", "Inadequate")
DEFAULT_DOMAINS = (
    ("Management oversight", "Is there clear, recorded management direction, and is it followed?"),
    (
        "Quality of supervision",
        "Is supervision regular, reflective and does it drive the plan for the child?",
    ),
    ("Voice of the child", "Are the child's wishes and feelings sought, recorded and acted on?"),
    ("Assessment", "Is the assessment timely, analytical and does it understand the risks?"),
    ("Planning", "Is the plan specific, measurable and reviewed, with contingencies?"),
    ("Outcomes", "Is the child's situation improving because of the help given?"),
)
MAX_GRADES = 10
MAX_DOMAINS = 30
NAME_LIMIT = 200


@dataclass(frozen=True)
class Scale:
    grades: tuple[str, ...]  # best first
    good_or_better: int  # how many of the best grades count as good or better

    def rank(self, grade: str) -> int | None:
        """Where a grade comes on the scale (0 is the best), matched without regard to case or
        spacing; None for a grade the scale does not have."""
        wanted = _plain(grade)
        return next((n for n, g in enumerate(self.grades) if _plain(g) == wanted), None)

    def is_good(self, rank: int) -> bool:
        return rank < self.good_or_better

    @property
    def good_grades(self) -> str:
        """'Outstanding or Good'."""
        best = self.grades[: self.good_or_better]
        return best[0] if len(best) == 1 else ", ".join(best[:-1]) + " or " + best[-1]


OFSTED = Scale(OFSTED_GRADES, 2)


@dataclass(frozen=True)
class Domain:
    name: str
    guidance: str = ""


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def parse_grades(text: str) -> tuple[tuple[str, ...], list[str]]:
    """A scale's grades, one a line, best first; and what is wrong with them."""
    grades = tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())
    problems = []
    if len(grades) < 2:
        problems.append("Enter at least two grades, one on each line, the best first")
    if len(grades) > MAX_GRADES:
        problems.append(f"Enter no more than {MAX_GRADES} grades")
    if len({_plain(g) for g in grades}) < len(grades):
        problems.append("Each grade must be different")
    if any(len(g) > NAME_LIMIT for g in grades):
        problems.append(f"Each grade must be {NAME_LIMIT} characters or less")
    return grades, problems


def parse_domains(text: str) -> tuple[tuple[Domain, ...], list[str]]:
    """Domains, one a line, each its name, then a colon and its guidance if it has any:
    'Voice of the child: Are the child's wishes and feelings recorded?'."""
    domains = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _, guidance = line.partition(":")
        domains.append(Domain(" ".join(name.split()), " ".join(guidance.split())))
    problems = []
    if not domains:
        problems.append("Enter at least one domain")
    if len(domains) > MAX_DOMAINS:
        problems.append(f"Enter no more than {MAX_DOMAINS} domains")
    names = [_plain(d.name) for d in domains]
    if "" in names:
        problems.append("Each domain needs a name before its colon")
    if len(set(names)) < len(names):
        problems.append("Each domain must have a different name")
    if any(len(d.name) > NAME_LIMIT for d in domains):
        problems.append(f"Each domain's name must be {NAME_LIMIT} characters or less")
    return tuple(domains), problems


def domains_text(domains: tuple[Domain, ...]) -> str:
    """Domains as parse_domains reads them."""
    return "\n".join(f"{d.name}: {d.guidance}" if d.guidance else d.name for d in domains)
