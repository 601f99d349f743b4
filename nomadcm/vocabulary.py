"""The closed lists of values the data may hold: networks, post statuses, kinds, devices.

Plain Python, importing nothing: the models build their CHECK constraints from these lists, and the faces
(argparse choices, combo boxes) read them from here, so neither the CLI's `--help` nor a GUI module has to
import SQLAlchemy or the models to know them.
"""

from __future__ import annotations

# schedule: the networks a channel can be on, with the text limit a new channel gets (None: no practical limit).
NETWORK_LIMITS: dict[str, int | None] = {
    "facebook": 63206,
    "instagram": 2200,
    "x": 280,
    "linkedin": 3000,
    "tiktok": 4000,
    "threads": 500,
    "bluesky": 300,
    "mastodon": 500,
    "youtube": 5000,
    "pinterest": 500,
    "blog": None,
    "newsletter": None,
}
NETWORKS: tuple[str, ...] = tuple(NETWORK_LIMITS)
POST_STATUSES: tuple[str, ...] = ("draft", "scheduled", "published", "cancelled")

# travel
TRANSIT_KINDS: tuple[str, ...] = ("flight", "train", "bus", "car", "boat", "other")
CONFLICT_KINDS: tuple[str, ...] = ("sleep", "transit", "off_hours", "holiday", "no_wifi", "closure")

# client events (issue 16): what happens on the client's side. A post during a closure or a blackout is a
# `closure` conflict; a launch with no post in the hours around it is a `launch` conflict of the event.
EVENT_KINDS: tuple[str, ...] = ("launch", "promotion", "closure", "event", "press", "blackout")
EVENT_CONFLICT_KINDS: tuple[str, ...] = ("launch",)

# wellbeing
DEVICES: tuple[str, ...] = ("laptop", "phone", "tablet", "tv", "other")
REST_KINDS: tuple[str, ...] = ("sleep", "break", "day_off", "offline_social", "sport", "other")

# workplaces
WORKPLACE_KINDS: tuple[str, ...] = ("cafe", "coworking", "hotel", "library", "outdoor", "transport", "other")
ACCESS_FEES: tuple[str, ...] = ("free", "customers", "paid")

# billing (issue 16): how a client pays, and the languages a client's statement can be written in
CONTRACT_KINDS: tuple[str, ...] = ("hourly", "retainer")
CLIENT_LANGUAGES: tuple[str, ...] = ("fr", "en")

# team mode (issue 13): a member's role on a client. Owners and editors write its rows; viewers only read.
MEMBER_ROLES: tuple[str, ...] = ("owner", "editor", "viewer")
WRITING_ROLES: tuple[str, ...] = ("owner", "editor")
