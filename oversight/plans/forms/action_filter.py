"""The action list's filters, as the page shows them: ActionFilter reads the query they send."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import Truncator

from oversight.govuk import forms as govuk
from oversight.plans.action_filters import RAG_CHOICES, ActionFilter


class SearchInput(govuk.TextInput):
    input_type = "search"


class ActionFilterForm(govuk.GovUKForm):
    q = forms.CharField(label="Search", required=False, widget=SearchInput())
    priority = forms.ChoiceField(label="Priority", required=False, widget=govuk.Select())
    rag = forms.MultipleChoiceField(
        label="RAG status", required=False, choices=RAG_CHOICES, widget=govuk.Checkboxes(small=True)
    )
    lead = forms.ChoiceField(label="Lead", required=False, widget=govuk.Select())
    agency = forms.ChoiceField(label="Partner agency", required=False, widget=govuk.Select())
    overdue = forms.BooleanField(label="Overdue", required=False, widget=govuk.Checkbox(small=True))
    stale = forms.BooleanField(
        label="No update this month", required=False, widget=govuk.Checkbox(small=True)
    )
    awaiting = forms.BooleanField(
        label="Complete, awaiting verification", required=False, widget=govuk.Checkbox(small=True)
    )

    def __init__(
        self,
        chosen: ActionFilter,
        priorities: list[tuple[int, str]],
        leads: list[str],
        agencies: list[str] = (),  # type: ignore[assignment]
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault(
            "initial",
            {
                "q": chosen.search,
                "priority": str(chosen.priority or ""),
                "rag": list(chosen.rags),
                "lead": chosen.lead,
                "overdue": chosen.overdue,
                "stale": chosen.stale,
                "awaiting": chosen.awaiting,
                "agency": chosen.agency,
            },
        )
        super().__init__(**kwargs)
        self.fields["priority"].choices = [  # type: ignore[attr-defined]
            ("", "All priorities"),
            *(
                (str(n), f"{n} – {Truncator(title).chars(40)}" if title else str(n))
                for n, title in priorities
            ),
        ]
        self.fields["lead"].choices = [("", "All leads"), *((lead, lead) for lead in leads)]  # type: ignore[attr-defined]
        self.fields["agency"].choices = [  # type: ignore[attr-defined]
            ("", "All agencies"),
            *((agency, Truncator(agency).chars(40)) for agency in agencies),
        ]
