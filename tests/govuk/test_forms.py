"""Each form component writes GOV.UK Frontend's own markup, with and without an error: the expected HTML
is the example GOV.UK Frontend ships for the component (its fixtures.json, from node_modules), and the
form is the Django form that asks the same question."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from pytest_django.asserts import assertHTMLEqual

from oversight.govuk import forms as govuk
from oversight.govuk.date_fields import DateField, MonthField

COMPONENTS = settings.BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk" / "components"


@cache
def _fixtures(component: str) -> dict[str, dict[str, Any]]:
    shipped = json.loads((COMPONENTS / component / "fixtures.json").read_text())
    return {fixture["name"]: fixture for fixture in shipped["fixtures"]}


def fixture(component: str, name: str) -> dict[str, Any]:
    return _fixtures(component)[name]


def expected(component: str, name: str) -> str:
    """GOV.UK's example's markup; where the example gives its input an id other than its name, with the
    name as its id, as a form's field has it."""
    shipped = fixture(component, name)
    html = str(shipped["html"])
    options = shipped["options"]
    if "id" in options and "name" in options and options["id"] != options["name"]:
        html = html.replace(options["id"], options["name"])
    return html


def form_of(fields: dict[str, forms.Field], data: dict[str, Any] | None = None, files: Any = None) -> Any:
    """A form with these fields (names as GOV.UK's examples have them), checked if it has data."""
    form = type("Example", (govuk.GovUKForm,), dict(fields))(data, files)
    if data is not None:
        form.is_valid()
    return form


def field_group(form: Any, name: str) -> str:
    return str(form[name].as_field_group())


def plain(widget: type[govuk.Component], **options: Any) -> govuk.Component:
    """The component with a plain label, as GOV.UK's examples have it (the site's are small and bold)."""
    return widget(label_size="", **options)


def required(message: str) -> dict[str, str]:
    return {"required": message}


def test_a_text_input_with_its_hint():
    options = fixture("input", "with hint text")["options"]
    name = options["name"]
    form = form_of(
        {
            name: forms.CharField(
                label=options["label"]["text"],
                help_text=options["hint"]["text"],
                widget=plain(govuk.TextInput),
            )
        }
    )
    assertHTMLEqual(field_group(form, name), expected("input", "with hint text"))


def test_a_text_input_with_an_error_and_its_hint():
    options = fixture("input", "with error and hint")["options"]
    name = options["name"]
    field = forms.CharField(
        label=options["label"]["text"],
        help_text=options["hint"]["text"],
        error_messages=required(options["errorMessage"]["text"]),
        widget=plain(govuk.TextInput),
    )
    form = form_of({name: field}, {name: ""})
    assertHTMLEqual(field_group(form, name), expected("input", "with error and hint"))


def test_a_text_input_of_a_given_width_keeps_what_was_typed():
    options = fixture("input", "with width-10 class")["options"]
    field = forms.CharField(
        label=options["label"]["text"],
        help_text=options["hint"]["text"],
        widget=plain(govuk.TextInput, width="10"),
    )
    form = form_of({"test-width-10": field})
    assertHTMLEqual(field_group(form, "test-width-10"), expected("input", "with width-10 class"))
    typed = form_of({"name": forms.CharField(label="Name", widget=govuk.TextInput())}, {"name": "Ann & Bo"})
    assert 'value="Ann &amp; Bo"' in field_group(typed, "name")


def test_a_textarea_with_its_hint():
    options = fixture("textarea", "with hint")["options"]
    name = options["name"]
    field = forms.CharField(
        label=options["label"]["text"], help_text=options["hint"]["text"], widget=plain(govuk.Textarea)
    )
    assertHTMLEqual(field_group(form_of({name: field}), name), expected("textarea", "with hint"))


def test_a_textarea_with_an_error():
    options = fixture("textarea", "with error message")["options"]
    name = options["name"]
    field = forms.CharField(
        label=options["label"]["text"],
        error_messages=required(options["errorMessage"]["text"]),
        widget=plain(govuk.Textarea),
    )
    form = form_of({name: field}, {name: "  "})
    assertHTMLEqual(field_group(form, name), expected("textarea", "with error message"))


def test_a_character_count_counts_to_its_fields_limit():
    options = fixture("character-count", "with hint")["options"]
    name = options["name"]
    field = forms.CharField(
        label=options["label"]["text"],
        help_text=options["hint"]["text"],
        max_length=options["maxlength"],
        widget=plain(govuk.CharacterCount),
    )
    assertHTMLEqual(field_group(form_of({name: field}), name), expected("character-count", "with hint"))


def test_a_character_count_over_its_limit_says_so():
    options = fixture("character-count", "with default value exceeding limit")["options"]
    field = forms.CharField(
        label=options["label"]["text"],
        max_length=options["maxlength"],
        error_messages={"max_length": options["errorMessage"]["text"]},
        widget=plain(govuk.CharacterCount),
    )
    form = form_of({options["name"]: field}, {options["name"]: options["value"]})
    html = field_group(form, options["name"])
    assertHTMLEqual(html, expected("character-count", "with default value exceeding limit"))


def test_a_character_count_can_wait_for_a_threshold():
    options = fixture("character-count", "with threshold")["options"]
    name = options["name"]
    field = forms.CharField(
        label=options["label"]["text"],
        max_length=options["maxlength"],
        widget=plain(govuk.CharacterCount, threshold=options["threshold"]),
    )
    assertHTMLEqual(field_group(form_of({name: field}), name), expected("character-count", "with threshold"))


def _select(options: dict[str, Any], **more: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=options["label"]["text"],
        choices=[(str(item["value"]), item["text"]) for item in options["items"]],
        widget=plain(govuk.Select),
        **more,
    )


def test_a_select_shows_the_chosen_option():
    options = {
        "name": "select-1",
        "label": {"text": "Label text goes here"},
        "items": [{"value": n, "text": f"GOV.UK frontend option {n}"} for n in (1, 2, 3)],
    }
    form = form_of({"select-1": _select(options)}, {"select-1": "2"})
    html = field_group(form, "select-1")
    assertHTMLEqual(
        html,
        '<div class="govuk-form-group"><label class="govuk-label" for="select-1">Label text goes here</label>'
        '<select class="govuk-select" id="select-1" name="select-1">'
        '<option value="1">GOV.UK frontend option 1</option>'
        '<option value="2" selected>GOV.UK frontend option 2</option>'
        '<option value="3">GOV.UK frontend option 3</option></select></div>',
    )


def test_a_select_with_its_hint_and_an_error():
    options = fixture("select", "with hint text and error message")["options"]
    name = options["name"]
    field = _select(
        options, help_text=options["hint"]["text"], error_messages=required(options["errorMessage"]["text"])
    )
    form = form_of({name: field}, {})
    assertHTMLEqual(field_group(form, name), expected("select", "with hint text and error message"))


def _radios(options: dict[str, Any], **widget_options: Any) -> forms.ChoiceField:
    items = options["items"]
    return forms.ChoiceField(
        label=options["fieldset"]["legend"]["text"],
        help_text=options.get("hint", {}).get("text", ""),
        choices=[(item["value"], item["text"]) for item in items],
        error_messages=required(options.get("errorMessage", {}).get("text", "")),
        widget=plain(
            govuk.Radios,
            hints={item["value"]: item["hint"]["text"] for item in items if "hint" in item},
            **widget_options,
        ),
    )


def test_radios_with_their_hint_inline():
    options = fixture("radios", "inline")["options"]
    form = form_of({"example": _radios(options, inline=True)}, {"example": "no"})
    assertHTMLEqual(field_group(form, "example"), expected("radios", "inline"))


def test_radios_with_an_error():
    options = fixture("radios", "with fieldset and error message")["options"]
    form = form_of({"example": _radios(options)}, {})
    checked = expected("radios", "with fieldset and error message").replace(
        ' value="no" checked', ' value="no"'
    )
    # GOV.UK's example has an error with a choice made; a form says so only when none is
    assertHTMLEqual(field_group(form, "example"), checked)


def test_radios_with_a_hint_on_each_choice():
    options = fixture("checkboxes", "with error message")["options"]
    options["items"] = [{**item, "text": item["text"]} for item in options["items"]]
    field = _radios(options | {"fieldset": options["fieldset"]})
    html = field_group(form_of({"waste": field}), "waste")
    markup = expected("checkboxes", "with error message")
    # the same choices as radios, without the error: GOV.UK's radios and checkboxes share their markup
    radios = (
        markup.replace("checkboxes", "radios")
        .replace('type="checkbox"', 'type="radio"')
        .replace(" govuk-form-group--error", "")
        .replace(' aria-describedby="waste-error"', "")
    )
    error = markup[markup.index('<p id="waste-error"') : markup.index("</p>") + len("</p>")]
    radios = radios.replace(error, "")
    assertHTMLEqual(html, radios)


def test_radios_reveal_the_fields_a_choice_needs():
    options = fixture("radios", "with conditional item checked")["options"]
    name = options["name"]
    revealed = {"email": "context-email", "phone": "contact-phone", "text": "contact-text-message"}
    labels = {"email": "Email", "phone": "Phone number", "text": "Mobile phone number"}
    fields: dict[str, forms.Field] = {
        name: _radios(options, reveal={value: [field] for value, field in revealed.items()})
    }
    for value, field in revealed.items():
        fields[field] = forms.CharField(
            label=labels[value], required=False, widget=plain(govuk.TextInput, width="one-third")
        )
    form = form_of(fields, {name: "email"})
    markup = expected("radios", "with conditional item checked")
    for item in options["items"]:
        # GOV.UK's example puts a bare label and input in each; the Design System's pages (and this
        # component) put the text input component there, with its form group
        html = item["conditional"]["html"]
        markup = markup.replace(html.rstrip("\n"), f'<div class="govuk-form-group">{html}</div>')
    assertHTMLEqual(field_group(form, name), markup)
    assert str(form).count('id="context-email"') == 1  # the whole form writes a revealed field once


def test_checkboxes_small_with_choices_ticked():
    options = fixture("checkboxes", "small")["options"]
    field = forms.MultipleChoiceField(
        label=options["fieldset"]["legend"]["text"],
        choices=[(item["value"], item["text"]) for item in options["items"]],
        widget=plain(govuk.Checkboxes, small=True),
    )
    form = form_of({"nationality": field}, {"nationality": ["a", "c"]})
    markup = expected("checkboxes", "small")
    for value in ("a", "c"):
        markup = markup.replace(f'value="{value}">', f'value="{value}" checked>')
    assertHTMLEqual(field_group(form, "nationality"), markup)


def test_checkboxes_with_their_hint_and_an_error():
    options = fixture("checkboxes", "with error message and hint")["options"]
    field = forms.MultipleChoiceField(
        label=options["fieldset"]["legend"]["text"],
        help_text=options["hint"]["text"],
        choices=[(item["value"], item["text"]) for item in options["items"]],
        error_messages=required(options["errorMessage"]["text"]),
        widget=plain(govuk.Checkboxes),
    )
    form = form_of({"example": field}, {})
    assertHTMLEqual(field_group(form, "example"), expected("checkboxes", "with error message and hint"))


def test_a_date_input_of_a_month_and_year():
    options = fixture("date-input", "month and year")["options"]
    field = MonthField(
        label=options["fieldset"]["legend"]["text"],
        help_text=options["hint"]["text"],
        widget=plain(govuk.MonthInput),
    )
    assertHTMLEqual(field_group(form_of({"dob": field}), "dob"), expected("date-input", "month and year"))


def test_a_date_input_shows_the_date_it_holds():
    options = fixture("date-input", "with values and name prefix")["options"]
    field = DateField(
        label=options["fieldset"]["legend"]["text"],
        help_text=options["hint"]["text"],
        widget=plain(govuk.DateInput),
    )
    form = type("Example", (govuk.GovUKForm,), {"dob": field})(initial={"dob": date(1980, 3, 31)})
    markup = expected("date-input", "with values and name prefix").replace("with-values-name-prefix", "dob")
    assertHTMLEqual(field_group(form, "dob"), markup)


def _date_with_error(name: str, message_code: str) -> tuple[Any, dict[str, Any]]:
    options = fixture("date-input", name)["options"]
    field = DateField(
        label=options["fieldset"]["legend"]["text"],
        help_text=options["hint"]["text"],
        error_messages={message_code: options["errorMessage"]["text"]},
        widget=plain(govuk.DateInput),
    )
    return field, options


def _prefixed(markup: str, prefix: str) -> str:
    """GOV.UK's example names the boxes day, month and year; a form names them after its field."""
    for part in ("day", "month", "year"):
        markup = markup.replace(f'name="{part}"', f'name="{prefix}-{part}"')
    return markup


def _typed(markup: str, name: str, values: dict[str, str]) -> str:
    """The example's boxes holding what was typed in them."""
    for part, value in values.items():
        box = f'id="{name}-{part}" name="{name}-{part}" type="text"'
        markup = markup.replace(box, f'{box} value="{value}"')
    return markup


def test_a_date_input_that_cannot_be_a_date_marks_every_box():
    field, options = _date_with_error("with error message and hint", "invalid")
    name = options["id"]
    # the 32nd of a 13th month: the day and month are wrong, and GOV.UK's example marks every box but
    # the year
    form = form_of({name: field}, {f"{name}-day": "32", f"{name}-month": "13", f"{name}-year": "2017"})
    html = field_group(form, name)
    marked = expected("date-input", "with error message and hint").replace(
        'govuk-input--error govuk-input--width-4"', 'govuk-input--width-4"'
    )
    assertHTMLEqual(html, _typed(_prefixed(marked, name), name, {"day": "32", "month": "13", "year": "2017"}))


def test_a_date_input_missing_its_day_marks_the_day():
    field, options = _date_with_error("with error on day input", "incomplete")
    name = options["id"]
    form = form_of({name: field}, {f"{name}-day": "", f"{name}-month": "3", f"{name}-year": "2017"})
    html = field_group(form, name)
    markup = _typed(
        _prefixed(expected("date-input", "with error on day input"), name),
        name,
        {"month": "3", "year": "2017"},
    )
    assertHTMLEqual(html, markup)
    assert govuk.error_summary(form) == [(f"#{name}-day", options["errorMessage"]["text"])]


def test_a_file_upload_with_its_hint():
    options = fixture("file-upload", "with hint text")["options"]
    name = options["name"]
    field = forms.FileField(
        label=options["label"]["text"], help_text=options["hint"]["text"], widget=plain(govuk.FileUpload)
    )
    assertHTMLEqual(field_group(form_of({name: field}), name), expected("file-upload", "with hint text"))


def test_a_file_upload_with_an_error():
    options = fixture("file-upload", "with error message and hint")["options"]
    name = options["name"]
    field = forms.FileField(
        label=options["label"]["text"],
        help_text=options["hint"]["text"],
        error_messages=required(options["errorMessage"]["text"]),
        widget=plain(govuk.FileUpload),
    )
    form = form_of({name: field}, {}, {})
    assertHTMLEqual(field_group(form, name), expected("file-upload", "with error message and hint"))
    uploaded = form_of({name: field}, {}, {name: SimpleUploadedFile("plan.csv", b"Action ID\n")})
    assert uploaded.errors == {}


def test_the_error_summary_links_each_error_to_its_field():
    options = fixture("error-summary", "default")["options"]
    errors = [(item["href"], item["text"]) for item in options["errorList"]]
    html = render_to_string("forms/error_summary.html", {"form_errors": errors})
    assertHTMLEqual(html, expected("error-summary", "default"))


def test_the_error_summary_lists_the_errors_of_a_form_in_the_order_of_its_fields():
    form = form_of(
        {
            "kind": forms.ChoiceField(
                label="Kind",
                choices=[("a", "A"), ("b", "B")],
                widget=govuk.Radios(),
                error_messages=required("Select a kind"),
            ),
            "held": DateField(label="Date", what="The date of the meeting"),
            "title": forms.CharField(label="Title", max_length=3),
        },
        {"held-day": "1", "held-month": "", "held-year": "2017", "title": "Long"},
    )
    assert govuk.error_summary(form) == [
        ("#kind", "Select a kind"),
        ("#held-month", "The date of the meeting must include a month"),
        ("#title", "Ensure this value has at most 3 characters (it has 4)."),
    ]
    assert govuk.error_summary(form_of({"title": forms.CharField(label="Title")})) == []


def test_a_whole_form_writes_its_hidden_fields_and_each_component():
    form = form_of(
        {
            "revision": forms.IntegerField(widget=forms.HiddenInput()),
            "title": forms.CharField(label="Title", widget=govuk.TextInput()),
        }
    )
    form = type(form)(initial={"revision": 7})
    html = str(form)
    assertHTMLEqual(
        html,
        '<input type="hidden" name="revision" id="revision" value="7">'
        '<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="title">Title</label>'
        '<input class="govuk-input" id="title" name="title" type="text"></div>',
    )


def test_attributes_a_person_needs_pass_on_and_maxlength_does_not():
    field = forms.CharField(
        label="Email address",
        max_length=254,
        widget=govuk.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    html = field_group(form_of({"email": field}), "email")
    assertHTMLEqual(
        html,
        '<div class="govuk-form-group">'
        '<label class="govuk-label govuk-label--s" for="email">Email address</label>'
        '<input class="govuk-input" id="email" name="email" type="email" autocomplete="email"'
        ' spellcheck="false"></div>',
    )


@pytest.mark.parametrize("widget", [forms.TextInput(), forms.PasswordInput(), forms.EmailInput()])
def test_djangos_own_widgets_are_written_as_govuk_components(widget: forms.Widget):
    """Django's forms (signing in, resetting a password) get the same markup through the renderer."""
    html = field_group(form_of({"answer": forms.CharField(label="Answer", widget=widget)}), "answer")
    assert 'class="govuk-input"' in html and 'class="govuk-label govuk-label--s"' in html


def test_a_single_checkbox_with_its_hint():
    shipped = fixture("checkboxes", "with single option set 'aria-describedby' on input, and describedBy")
    options = shipped["options"]
    name = options["name"]
    field = forms.BooleanField(
        label=options["items"][0]["text"],
        help_text=options["hint"]["text"],
        required=False,
        widget=govuk.Checkbox(),
    )
    # the same markup, ticked: a box on its own is sent as 1, and this form names no other description
    markup = (
        str(shipped["html"])
        .replace('value="yes"', 'value="1" checked')
        .replace('aria-describedby="test-target-element ', 'aria-describedby="')
    )
    assertHTMLEqual(field_group(form_of({name: field}, {name: "1"}), name), markup)
    assert "checked" not in field_group(form_of({name: field}, {}), name)


def test_one_checkbox_of_a_field_laid_out_among_other_content():
    field = forms.MultipleChoiceField(
        label="Completions",
        choices=[("1.1", "Action 1.1"), ("1.2", "Action 1.2")],
        widget=govuk.Checkboxes(small=True),
    )
    form = form_of({"action": field}, {"action": ["1.2"]})
    second = form["action"].items[1]
    html = render_to_string("forms/checkbox_item.html", {"field": form["action"], "item": second})
    assertHTMLEqual(
        html,
        '<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small"'
        ' data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">'
        '<input class="govuk-checkboxes__input" id="action-2" name="action" type="checkbox" value="1.2"'
        ' checked><label class="govuk-label govuk-checkboxes__label" for="action-2">Action 1.2</label>'
        "</div></div></div>",
    )


def test_a_pages_one_choice_in_its_query_is_a_select_with_the_choice_made():
    form = govuk.ChoiceInQuery(
        "month", "Month", [("2017-01", "January 2017"), ("2016-12", "December 2016")], "2016-12"
    )
    assertHTMLEqual(
        str(form),
        '<div class="govuk-form-group"><label class="govuk-label" for="month">Month</label>'
        '<select class="govuk-select" id="month" name="month">'
        '<option value="2017-01">January 2017</option><option value="2016-12" selected>December 2016</option>'
        "</select></div>",
    )
