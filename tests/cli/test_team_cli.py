"""`team member add|list|remove|role`, `--as` / $NOMADCM_MEMBER, `post add|edit --assignee` and `post list
--mine|--assignee` (cli/team_members.py, cli/team_posts.py), on both engines: JSON like the other commands, bad
values one line naming them with exit 2 and nothing written."""

from __future__ import annotations

import pytest

from tests.cli_runner import Cli


@pytest.fixture
def cli(db_arg: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db_arg, capsys)


def _team(cli: Cli) -> None:
    cli.ok("client", "add", "Érable Café", "--tz", "America/Toronto")
    cli.ok("channel", "add", "Érable Café", "instagram")
    cli.ok("team", "member", "add", "Ana", "--email", "ana@example.org")
    cli.ok("--as", "Ana", "team", "member", "add", "Bob", "--email", "bob@example.org")


def _apart(cli: Cli) -> None:
    """The team, Bob an editor of the client; Ana in Paris, Bob in Montréal all March 2027."""
    _team(cli)
    cli.ok("--as", "Ana", "team", "member", "role", "Bob", "editor", "--client", "Érable Café")
    cli.ok("--as", "Ana", "stay", "add", "--city", "Paris", "--country", "FR", "--from", "2027-03-01",
           "--to", "2027-03-31")  # fmt: skip
    cli.ok("--as", "Bob", "stay", "add", "--city", "Montréal", "--country", "CA", "--from", "2027-03-01",
           "--to", "2027-03-31")  # fmt: skip


def _post(cli: Cli, *extra: str) -> list[str]:
    return ["post", "add", "--client", "Érable Café", "--channel", "instagram", "--text", "Bonjour", *extra]


def test_members_are_added_listed_given_roles_and_removed(cli: Cli) -> None:
    _team(cli)
    assert cli.json(
        "--as", "ana@example.org", "team", "member", "role", "Bob", "viewer", "--client", "érable café"
    )["roles"] == [{"client": "Érable Café", "role": "viewer"}]  # type: ignore[index]
    listed = cli.json("team", "member", "list")
    assert [(m["name"], m["email"], m["roles"]) for m in listed] == [  # type: ignore[union-attr]
        ("Ana", "ana@example.org", [{"client": "Érable Café", "role": "owner"}]),
        ("Bob", "bob@example.org", [{"client": "Érable Café", "role": "viewer"}]),
    ]
    assert "Bob" in cli.ok("--as", "Ana", "team", "member", "remove", "BOB")
    assert [m["name"] for m in cli.json("team", "member", "list")] == ["Ana"]  # type: ignore[union-attr]


def test_bad_members_and_roles_are_one_line_naming_the_value(cli: Cli) -> None:
    _team(cli)
    assert "'ana.example.org' is not an e-mail address" in cli.refused(
        "--as", "Ana", "team", "member", "add", "Eve", "--email", "ana.example.org"
    )
    assert "unknown member 'Zed'" in cli.refused("--as", "Zed", "client", "list")
    assert "unknown member 'Zed'" in cli.refused("--as", "Ana", "team", "member", "role", "Zed", "editor",
                                                  "--client", "Érable Café")  # fmt: skip
    assert "'boss'" in cli.refused("--as", "Ana", "team", "member", "role", "Bob", "boss", "--client", "x")
    assert "unknown client 'Nulle Part'" in cli.refused(
        "--as", "Ana", "team", "member", "role", "Bob", "editor", "--client", "Nulle Part"
    )
    assert "member 'Bob' is not an owner of any client" in cli.refused(
        "--as", "Bob", "team", "member", "add", "Eve", "--email", "eve@example.org"
    )
    assert [m["name"] for m in cli.json("team", "member", "list")] == ["Ana", "Bob"]  # type: ignore[union-attr]


def test_a_viewer_is_refused_and_nothing_is_written(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _team(cli)
    cli.ok("--as", "Ana", "team", "member", "role", "Bob", "viewer", "--client", "Érable Café")
    err = cli.refused("--as", "Bob", *_post(cli, "--at", "2027-03-04 09:00"))
    assert "member 'Bob' is a viewer of client 'Érable Café'" in err
    monkeypatch.setenv("NOMADCM_MEMBER", "bob@example.org")
    assert "is a viewer" in cli.refused(*_post(cli, "--at", "2027-03-04 09:00"))
    assert cli.json("post", "list") == []
    monkeypatch.setenv("NOMADCM_MEMBER", "Ana")
    assert cli.json(*_post(cli, "--at", "2027-03-04 09:00"))["text"] == "Bonjour"  # type: ignore[index]


def test_assignees_and_mine(cli: Cli) -> None:
    _team(cli)
    cli.ok("--as", "Ana", "team", "member", "role", "Bob", "editor", "--client", "Érable Café")
    ana = cli.json("--as", "Ana", *_post(cli, "--at", "2027-03-04 09:00", "--assignee", "Ana"))
    bob = cli.json("--as", "Ana", *_post(cli, "--at", "2027-03-05 09:00", "--assignee", "bob@example.org"))
    cli.ok("--as", "Ana", *_post(cli, "--at", "2027-03-06 09:00"))

    def ids(*args: str, who: tuple[str, ...] = ()) -> list[int]:
        return [r["id"] for r in cli.json(*who, "post", "list", *args)]  # type: ignore[union-attr, index]

    assert ids("--mine", who=("--as", "Ana")) == [ana["id"]]  # type: ignore[index]
    assert ids("--mine", who=("--as", "Bob")) == [bob["id"]]  # type: ignore[index]
    assert ids("--assignee", "BOB") == [bob["id"]]  # type: ignore[index]
    assert len(ids()) == 3
    assert "--mine: say who you are" in cli.refused("post", "list", "--mine")
    assert "unknown member 'Zed'" in cli.refused("post", "list", "--assignee", "Zed")
    assert "unknown member 'Zed'" in cli.refused(*_post(cli, "--at", "2027-03-07 09:00", "--assignee", "Zed"))
    assert len(ids()) == 3


def test_options_are_never_abbreviated_and_a_global_option_after_the_command_is_explained(cli: Cli) -> None:
    """`post list --as Ana` read `--as` as an abbreviation of `--assignee` (a filter, not who acts)."""
    _team(cli)
    said = cli.refused("post", "list", "--as", "Ana")
    assert "unrecognized arguments: --as Ana" in said and "put it before the command" in said
    assert "unrecognized arguments: --assig Ana" in cli.refused("post", "list", "--assig", "Ana")
    assert cli.json("--as", "Ana", "post", "list", "--assignee", "Ana") == []


@pytest.mark.postgres_only
def test_a_wifi_password_is_the_member_s_own_unless_shared(cli: Cli) -> None:
    """`place add --wifi-password` on a team database keeps it on this computer; `--share-password` gives it
    to the team (services/workplaces/private_passwords.py)."""
    cli.ok("place", "add", "Café Olimpico", "--city", "Montréal", "--country", "CA", "--ssid", "olimpico",
           "--wifi-password", "olé")  # fmt: skip
    cli.ok("place", "add", "Crew Collective", "--city", "Montréal", "--country", "CA", "--ssid", "crew",
           "--wifi-password", "crew", "--share-password")  # fmt: skip
    assert "(password stored, yours only: not shared with the team)" in cli.ok(
        "place", "show", "Café Olimpico"
    )
    shown = cli.ok("place", "show", "Crew Collective")
    assert "(password stored)" in shown and "yours only" not in shown


def test_each_member_has_their_own_itinerary_rhythm_and_your_time(cli: Cli) -> None:
    """Stays, transits, sleep and working hours are per member; `post list` gives each post at its assignee's
    time and `check` flags it by the assignee's rhythm."""
    _apart(cli)
    cli.ok("--as", "Ana", "settings", "set", "sleep", "22:00-06:00")
    cli.ok("--as", "Bob", "settings", "set", "sleep", "02:00-10:00")
    # 17:30 in Toronto = 23:30 in Paris (5 March 2027, both on standard time)
    ana = cli.json("--as", "Ana", *_post(cli, "--at", "2027-03-05 17:30", "--assignee", "Ana"))
    bob = cli.json("--as", "Ana", *_post(cli, "--at", "2027-03-05 17:30", "--assignee", "Bob"))
    rows = {r["id"]: (r["cm_tz"], r["cm_time"]) for r in cli.json("--as", "Ana", "post", "list")}  # type: ignore[union-attr, index]
    assert rows[ana["id"]] == ("Europe/Paris", "2027-03-05 23:30")  # type: ignore[index]
    assert rows[bob["id"]] == ("America/Toronto", "2027-03-05 17:30")  # type: ignore[index]
    listed = {r["id"]: r["assignee"] for r in cli.json("--as", "Ana", "post", "list")}  # type: ignore[union-attr, index]
    assert (listed[ana["id"]], listed[bob["id"]]) == ("Ana", "Bob")  # type: ignore[index]
    table = cli.ok("--as", "Ana", "post", "list")
    assert "2027-03-05 17:30 EST · Bob" in table and "· Ana" not in table  # another member's time, named
    flagged = {c["post_id"]: c["kinds"] for c in cli.json("--as", "Bob", "check", "--json")}  # type: ignore[union-attr, index]
    assert "sleep" in flagged[ana["id"]] and "sleep" not in flagged.get(bob["id"], [])  # type: ignore[index]
    assert cli.json("--as", "Bob", "trip", "list", "--json")["member"] == "Bob"  # type: ignore[index]
    assert [s["city"] for s in cli.json("--as", "Bob", "trip", "list", "--json")["stays"]] == ["Montréal"]  # type: ignore[index]
    theirs = cli.json("--as", "Bob", "trip", "list", "--member", "Ana", "--json")
    assert [s["city"] for s in theirs["stays"]] == ["Paris"] and theirs["member"] == "Ana"  # type: ignore[index]
    assert "itinerary of Ana" in cli.ok("--as", "Bob", "trip", "list", "--member", "ana@example.org")
    assert "unknown member 'Zed'" in cli.refused("trip", "list", "--member", "Zed")


def test_a_teammates_time_is_named_where_it_is_given(cli: Cli) -> None:
    """`post add --assignee Bob` gives Bob's time, named so ("Bob's time"), and `check`'s table marks a
    teammate's post "· Bob" and words its sentence by his rhythm ("Bob's sleep window")."""
    _apart(cli)
    cli.ok("--as", "Bob", "settings", "set", "sleep", "01:00-09:00")
    said = cli.ok("--as", "Ana", *_post(cli, "--at", "2027-03-08 02:00", "--assignee", "Bob"))
    assert "= 2027-03-08 02:00 Bob's time (America/Toronto)" in said
    mine = cli.ok("--as", "Ana", *_post(cli, "--at", "2027-03-08 02:00", "--assignee", "Ana"))
    assert "= 2027-03-08 08:00 your time (Europe/Paris)" in mine
    table = cli.ok("--as", "Ana", "check")
    bobs = next(line for line in table.splitlines() if "Bob's sleep window" in line)
    assert "2027-03-08 02:00 EST · Bob" in bobs
    assert "· Ana" not in table
