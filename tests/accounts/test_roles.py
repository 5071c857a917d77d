"""The rules of each role, without a database."""

from __future__ import annotations

import pytest

from oversight.accounts.roles import Access, Role, lead_names

ROLES = [None, *Role]


def access(role: Role | None, leads: str = "") -> Access:
    return Access.of(role.value if role else None, leads)


def test_lead_names_split_on_commas_slashes_and_semicolons_ignoring_case_and_spacing() -> None:
    assert lead_names("HOS LS, HOS  S&CP / Court Manager; dcs") == {
        "hos ls",
        "hos s&cp",
        "court manager",
        "dcs",
    }


@pytest.mark.parametrize("role", ROLES)
def test_everyone_with_a_role_can_see_the_plan_and_no_one_else(role: Role | None) -> None:
    # a case auditor (a partner agency's, say) sees only the audits given to them
    assert access(role).can_view is (role is not None and role is not Role.AUDITOR)
    assert access(role).home == ("my-audits" if role is Role.AUDITOR else "plan")


@pytest.mark.parametrize("role", ROLES)
def test_only_the_quality_assurance_lead_runs_the_case_audit_programme(role: Role | None) -> None:
    assert access(role).runs_quality_assurance is (role is Role.QA_LEAD)


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_and_officers_import_and_manage_people(role: Role | None) -> None:
    manages = role in {Role.ADMINISTRATOR, Role.OFFICER}
    assert access(role).can_import is manages
    assert access(role).can_manage_people is manages


@pytest.mark.parametrize("role", ROLES)
def test_administrators_and_officers_update_any_action(role: Role | None) -> None:
    assert access(role).can_update("DCS") is (role in {Role.ADMINISTRATOR, Role.OFFICER})


def test_a_lead_updates_only_the_actions_they_lead() -> None:
    lee = access(Role.LEAD, "HOS LS")
    assert lee.can_update("HOS LS")
    assert lee.can_update("hos ls, HOS CLA")  # one of several leads
    assert not lee.can_update("HOS CLA")
    assert not lee.can_update("HOS LSX")  # a name, not a prefix
    assert not lee.can_update("")


def test_lead_names_given_to_someone_who_is_not_a_lead_grant_nothing() -> None:
    assert not access(Role.VIEWER, "HOS LS").can_update("HOS LS")
    assert not access(Role.BOARD, "HOS LS").can_update("HOS LS")


@pytest.mark.parametrize("role", ROLES)
def test_board_members_officers_and_administrators_verify_evidence(role: Role | None) -> None:
    assert access(role).can_verify_evidence is (role in {Role.ADMINISTRATOR, Role.OFFICER, Role.BOARD})


def test_administrators_grant_any_role_and_officers_any_but_administrator() -> None:
    assert all(access(Role.ADMINISTRATOR).can_grant(role) for role in Role)
    assert [role for role in Role if access(Role.OFFICER).can_grant(role)] == [
        Role.OFFICER,
        Role.LEAD,
        Role.BOARD,
        Role.ANALYST,
        Role.VIEWER,
        Role.QA_LEAD,
        Role.AUDITOR,
    ]
    for role in (Role.LEAD, Role.BOARD, Role.ANALYST, Role.VIEWER, Role.QA_LEAD, Role.AUDITOR, None):
        assert not any(access(role).can_grant(r) for r in Role)


def test_a_lead_removes_evidence_they_added_to_their_own_action_only() -> None:
    lee = access(Role.LEAD, "HOS LS")
    assert lee.can_remove_evidence("HOS LS", added_by_self=True)
    assert not lee.can_remove_evidence("HOS LS", added_by_self=False)
    assert not lee.can_remove_evidence("DCS", added_by_self=True)
    assert access(Role.OFFICER).can_remove_evidence("DCS", added_by_self=False)


@pytest.mark.parametrize("role", ROLES)
def test_board_members_officers_and_administrators_minute_meetings(role: Role | None) -> None:
    assert access(role).can_minute_meetings is (role in {Role.ADMINISTRATOR, Role.OFFICER, Role.BOARD})


@pytest.mark.parametrize("role", ROLES)
def test_analysts_officers_and_administrators_keep_the_scorecard(role: Role | None) -> None:
    assert access(role).can_manage_indicators is (role in {Role.ADMINISTRATOR, Role.OFFICER, Role.ANALYST})


@pytest.mark.parametrize("role", ROLES)
def test_only_analysts_see_the_child_records_behind_annex_a_figures(role: Role | None) -> None:
    assert access(role).can_see_child_records is (role is Role.ANALYST)
