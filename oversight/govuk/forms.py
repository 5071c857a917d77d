"""The site's one way to show a form: every field in the GOV.UK Design System's markup, through Django's
form renderer. A form declares its fields (label, hint as help_text, error messages) and picks a widget
from here when the plain one is not enough; a page says `{{ form.name.as_field_group }}` or `{{ form }}`,
and the error summary comes from `error_summary(form, ...)`. The templates are in
oversight/templates/forms/, one per component."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.forms import widgets
from django.forms.renderers import TemplatesSetting

from oversight.lib.lengths import too_long

# attributes the component writes itself, or that GOV.UK leaves out: `maxlength` would cut what a person
# pastes without telling them (the form checks the length and says so), `required` and `autofocus` are
# left to the error summary
NOT_PASSED_ON = {
    "class",
    "id",
    "name",
    "type",
    "value",
    "maxlength",
    "minlength",
    "required",
    "autofocus",
    "cols",
}

COMPONENTS: dict[type[widgets.Widget], str] = {
    widgets.CheckboxInput: "forms/checkbox.html",
    widgets.CheckboxSelectMultiple: "forms/checkboxes.html",
    widgets.RadioSelect: "forms/radios.html",
    widgets.Select: "forms/select.html",
    widgets.Textarea: "forms/textarea.html",
    widgets.FileInput: "forms/file_upload.html",
    widgets.HiddenInput: "forms/hidden.html",
    widgets.Input: "forms/input.html",
}


class Component:
    """What GOV.UK shows around an input, beside Django's widget: the size of its label (or legend)
    and the width of its input ('10' for govuk-input--width-10, 'one-half' for govuk-!-width-one-half)."""

    component = ""

    def __init__(self, *args: Any, label_size: str = "s", width: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_size = label_size
        self.width = width


class TextInput(Component, widgets.TextInput):
    pass


class EmailInput(Component, widgets.EmailInput):
    pass


class URLInput(Component, widgets.URLInput):
    pass


class PasswordInput(Component, widgets.PasswordInput):
    pass


class Textarea(Component, widgets.Textarea):
    def __init__(self, *args: Any, rows: int = 5, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attrs.pop("cols", None)
        self.attrs["rows"] = rows


class CharacterCount(Textarea):
    """A textarea that counts what is left of its field's max_length as a person types; `threshold`
    (a percentage) shows the count only once that much is used."""

    component = "forms/character_count.html"

    def __init__(self, *args: Any, threshold: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.threshold = threshold


class Select(Component, widgets.Select):
    pass


class Choices(Component):
    """Radios or checkboxes: a hint under any choice, and (radios) the fields a choice reveals."""

    def __init__(
        self,
        *args: Any,
        hints: Mapping[str, str] | None = None,
        reveal: Mapping[str, Sequence[str]] | None = None,
        small: bool = False,
        inline: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.hints = dict(hints or {})
        self.reveal = {value: tuple(names) for value, names in (reveal or {}).items()}
        self.small = small
        self.inline = inline


class Radios(Choices, widgets.RadioSelect):
    pass


class Checkboxes(Choices, widgets.CheckboxSelectMultiple):
    pass


class Checkbox(Component, widgets.CheckboxInput):
    """One box to tick, on its own (GOV.UK's checkboxes with a single item, its label beside it)."""

    def __init__(self, *args: Any, small: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.small = small


class FileUpload(Component, widgets.FileInput):
    pass


PART_LABELS = {"day": "Day", "month": "Month", "year": "Year"}
PART_WIDTHS = {"day": "2", "month": "2", "year": "4"}


class DateInput(Component, widgets.Widget):
    """GOV.UK's date input: a box each for the day, month and year, named 'held-day', 'held-month'
    and 'held-year' for a field named 'held'. Its value is the three texts as typed, or a date."""

    component = "forms/date_input.html"
    parts: tuple[str, ...] = ("day", "month", "year")

    def value_from_datadict(self, data: Any, files: Any, name: str) -> dict[str, str]:
        return {part: str(data.get(f"{name}-{part}", "")).strip() for part in self.parts}

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part in self.parts)

    def format_value(self, value: Any) -> dict[str, str]:  # type: ignore[override]
        if isinstance(value, Mapping):
            return {part: str(value.get(part, "")) for part in self.parts}
        if value is None or value == "":
            return dict.fromkeys(self.parts, "")
        return {part: str(getattr(value, part)) for part in self.parts}


class MonthInput(DateInput):
    """The date input without its day: a month and year."""

    parts = ("month", "year")


@dataclass(frozen=True)
class Item:
    """One radio, checkbox or option, as the component writes it."""

    value: str
    label: str
    id: str
    checked: bool
    hint: str = ""
    revealed: tuple[Any, ...] = field(default=())

    @property
    def hint_id(self) -> str:
        return f"{self.id}-item-hint"

    @property
    def conditional_id(self) -> str:
        return f"conditional-{self.id}"


@dataclass(frozen=True)
class Part:
    """The day, month or year box of a date input."""

    name: str
    id: str
    label: str
    value: str
    width: str
    error: bool


def _component_of(widget: widgets.Widget) -> str:
    if getattr(widget, "component", ""):
        return str(widget.component)  # type: ignore[attr-defined]
    for kind in type(widget).__mro__:
        if kind in COMPONENTS:
            return COMPONENTS[kind]
    raise TypeError(f"no GOV.UK component for {type(widget).__name__}")


class GovUKBoundField(forms.BoundField):
    """A form field with what its GOV.UK component needs to write it."""

    @property
    def component(self) -> str:
        return _component_of(self.field.widget)

    @property
    def id(self) -> str:
        """The input's id: the form's (its field's name), or one the widget names."""
        return str(self.field.widget.attrs.get("id") or self.auto_id or self.html_name)

    @property
    def hint_id(self) -> str:
        return f"{self.id}-hint" if self.help_text else ""

    @property
    def error_id(self) -> str:
        return f"{self.id}-error" if self.errors else ""

    @property
    def error_message(self) -> str:
        return " ".join(str(message) for message in self.errors)

    @property
    def described_by(self) -> str:
        """The hint and the error, as aria-describedby names them (on the input, or the fieldset)."""
        return " ".join(name for name in (self.hint_id, self.error_id) if name)

    @property
    def label_size(self) -> str:
        return str(getattr(self.field.widget, "label_size", "s"))

    @property
    def width_class(self) -> str:
        width = str(getattr(self.field.widget, "width", ""))
        if not width:
            return ""
        return f"govuk-input--width-{width}" if width.isdigit() else f"govuk-!-width-{width}"

    @property
    def attrs(self) -> list[tuple[str, str | bool]]:
        """The widget's own attributes the component passes on (autocomplete, inputmode, rows…)."""
        return [
            (name, value)
            for name, value in self.field.widget.attrs.items()
            if name not in NOT_PASSED_ON and value is not False and value is not None
        ]

    @property
    def text(self) -> str:
        """The value as the input shows it: what was typed, or what is saved; '' for nothing."""
        value = self.field.widget.format_value(self.value())
        return "" if value is None else str(value)

    @property
    def maxlength(self) -> int | None:
        return getattr(self.field, "max_length", None)

    @property
    def threshold(self) -> int | None:
        return getattr(self.field.widget, "threshold", None)

    @property
    def items(self) -> list[Item]:
        """The choices of a select, radios or checkboxes: the first radio or checkbox takes the field's
        own id (so the error summary's link reaches it), the others '-2', '-3'…"""
        widget = self.field.widget
        chosen = widget.format_value(self.value())
        chosen = {str(v) for v in chosen} if isinstance(chosen, list | tuple | set) else {str(chosen)}
        hints = getattr(widget, "hints", {})
        reveal = getattr(widget, "reveal", {})
        found = []
        for index, (value, label) in enumerate(widget.choices, start=1):
            text = "" if value is None else str(value)
            found.append(
                Item(
                    text,
                    str(label),
                    self.id if index == 1 else f"{self.id}-{index}",
                    text in chosen,
                    str(hints.get(text, "")),
                    tuple(self.form[name] for name in reveal.get(text, ())),
                )
            )
        return found

    @property
    def checked(self) -> bool:
        """Whether a single checkbox is ticked."""
        return bool(self.field.widget.check_test(self.value()))  # type: ignore[attr-defined]

    @property
    def choices_classes(self) -> str:
        widget = self.field.widget
        radios = isinstance(widget, widgets.RadioSelect) and not isinstance(
            widget, widgets.CheckboxSelectMultiple
        )
        kind = "radios" if radios else "checkboxes"
        return " ".join(
            f"govuk-{kind}--{option}" for option in ("small", "inline") if getattr(widget, option, False)
        )

    @property
    def error_parts(self) -> set[str]:
        """The boxes of a date input its error is about: all of them unless the error names some."""
        widget = self.field.widget
        parts = set(getattr(widget, "parts", ()))
        if not self.errors:
            return set()
        named: set[str] = set()
        for error in self.form.errors.as_data().get(self.name, []):
            named |= set((error.params or {}).get("parts", ()))
        return named & parts or parts

    @property
    def date_parts(self) -> list[Part]:
        widget = self.field.widget
        typed = widget.format_value(self.value())
        wrong = self.error_parts
        return [
            Part(
                f"{self.html_name}-{part}",
                f"{self.id}-{part}",
                PART_LABELS[part],
                typed.get(part, ""),
                PART_WIDTHS[part],
                part in wrong,
            )
            for part in widget.parts
        ]

    @property
    def anchor(self) -> str:
        """Where the error summary's link for this field goes: its input, or the first wrong box."""
        if isinstance(self.field.widget, DateInput):
            wrong = [part for part in self.date_parts if part.error]
            return (wrong or self.date_parts)[0].id
        return self.id

    @property
    def revealed(self) -> bool:
        """Whether a radio of another field reveals this one (and writes it inside its own markup)."""
        return any(
            self.name in names
            for other in self.form.fields.values()
            for names in getattr(other.widget, "reveal", {}).values()
        )


class GovUKFormRenderer(TemplatesSetting):
    """Django's form renderer with the site's templates: FORM_RENDERER names it in settings."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = GovUKBoundField


class GovUKFormMixin:
    """A form whose ids are its fields' names (as GOV.UK's examples and the error summary's links have
    them) and that leaves checking to the server: no `required` attributes. Django's own forms (signing
    in, a new password) take it as a mixin."""

    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class ChoiceInQuery(GovUKForm):
    """A page's one choice that goes in its address (a report's month, an Annex A extract): a select of
    its choices with the page's choice selected. The page reads the query itself; this only shows it."""

    def __init__(
        self, name: str, label: str, choices: Iterable[tuple[str, str]], chosen: str, label_size: str = ""
    ) -> None:
        super().__init__(initial={name: chosen})
        self.fields[name] = forms.ChoiceField(
            label=label, choices=list(choices), widget=Select(label_size=label_size)
        )


class TextField(forms.CharField):
    """Text with a limit, refused past it in the words people see everywhere on the site: 'Title must be
    300 characters or less'. `what` names it in that message when its label would read oddly there."""

    def __init__(self, *, what: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        explicit = kwargs.get("error_messages") or {}
        if self.max_length is not None and "max_length" not in explicit:
            self.error_messages["max_length"] = too_long(what or str(self.label), self.max_length)


def error_summary(*some: forms.BaseForm | None) -> list[tuple[str, str]]:
    """Every error of the forms, in the order of their fields, as (link, message) for the error
    summary: a field's error links to its input; an error of the whole form to its first field."""
    found: list[tuple[str, str]] = []
    for form in some:
        if form is None or not form.is_bound or not form.errors:
            continue
        fields = [form[name] for name in form.fields]
        visible = [f for f in fields if not f.is_hidden]
        first = visible[0].anchor if visible and isinstance(visible[0], GovUKBoundField) else ""
        found += [(f"#{first}", str(message)) for message in form.non_field_errors()]
        for bound in fields:
            anchor = bound.anchor if isinstance(bound, GovUKBoundField) else bound.auto_id
            found += [(f"#{anchor}", str(message)) for message in bound.errors]
    return found
