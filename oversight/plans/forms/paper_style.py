"""The look of a plan's papers: a font, the council's logo, its own Word document or template."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from oversight.govuk import forms as govuk
from oversight.lib.lengths import limit_of, shortened_file_name
from oversight.lib.paper_files import (
    LOGO_BYTES,
    TEMPLATE_BYTES,
    PaperFileRefused,
    checked_logo,
    checked_template,
)
from oversight.plans.models import PaperStyle
from oversight.plans.paper_style import FONTS, WantedStyle


class PaperStyleForm(govuk.GovUKForm):
    font = forms.ChoiceField(
        label="Font",
        help_text="For the text of every Word and PDF paper. A PDF made on a server without the font uses"
        " Liberation Sans, which is as wide as Arial.",
        choices=[(font, font) for font in FONTS],
        widget=govuk.Select(),
    )
    logo = forms.FileField(
        label="Logo",
        help_text="A PNG or JPEG picture, up to 1 MB, shown at the top of every page.",
        required=False,
        widget=govuk.FileUpload(),
    )
    remove_logo = forms.BooleanField(label="Remove the logo", required=False, widget=govuk.Checkbox())
    template = forms.FileField(
        label="The council's Word document or template",
        help_text="A .docx or .dotx, up to 5 MB, without macros: its styles are used and its first pages"
        " (a cover or front sheet) come before each report. Where it says {{ title }}, {{ date }} or"
        " {{ council }}, the report's own fills it in.",
        required=False,
        widget=govuk.FileUpload(),
    )
    remove_template = forms.BooleanField(label="Remove the template", required=False, widget=govuk.Checkbox())
    # the style's revision the page was made from: a save based on an older page is refused
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput())

    def __init__(self, *args: Any, style: PaperStyle, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"font": style.font, "revision": style.revision})
        super().__init__(*args, **kwargs)

    def clean_logo(self) -> tuple[str, bytes] | None:
        return self._checked("logo", LOGO_BYTES, checked_logo)

    def clean_template(self) -> tuple[str, bytes] | None:
        return self._checked("template", TEMPLATE_BYTES, checked_template)

    def _checked(self, name: str, most: int, check: Any) -> tuple[str, bytes] | None:
        upload: UploadedFile | None = self.cleaned_data.get(name)
        if upload is None:
            return None
        if (upload.size or 0) > most:  # refused before it is read
            size = (upload.size or 0) // 1024
            raise forms.ValidationError(f"The file is {size:,} KB: it may be up to {most // 1024 // 1024} MB")
        file_name = shortened_file_name(upload.name or name, limit_of(PaperStyle, f"{name}_name"))
        try:
            return file_name, check(upload.read(most + 1))
        except PaperFileRefused as refused:
            raise forms.ValidationError(str(refused)[:1].upper() + str(refused)[1:]) from None

    def wanted(self) -> WantedStyle:
        data = self.cleaned_data
        return WantedStyle(
            font=data["font"],
            logo=data.get("logo"),
            remove_logo=data["remove_logo"],
            template=data.get("template"),
            remove_template=data["remove_template"],
        )
