"""WiFi passwords a member keeps to herself on a team database.

On a team database (PostgreSQL) a place's WiFi password is the member's own unless she shares it: saved
without `share`, it is written to a file of hers on this computer — one per team database, in a private
folder of her data folder (0700), the file itself 0600 — and the place's `wifi_password` column on the server
stays empty. Shared (`share_password`, the place dialog's box), it goes to the column, where every member
reads it, and leaves her file. Reading a place's password takes the shared one, else hers. On a SQLite file,
which is hers alone, there is no such file: the column is the only place.

The file maps the place's id on that server to the password, written atomically (a temporary file renamed
over it). It never leaves this computer; a backup of the team database does not hold it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from nomadcm import paths
from nomadcm.errors import UserError
from nomadcm.storage import Database

FOLDER = "private"  # under the data folder


class PrivatePasswords:
    """The member's own passwords for one team database's places."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def of(cls, db: Database) -> PrivatePasswords | None:
        """Her file for this team database; None on a SQLite file (the column is the only place)."""
        if db.path is not None or db.server is None:
            return None
        identity = f"{db.server}/{db.server.database}"
        digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]
        return cls(paths.data_dir() / FOLDER / f"team-{digest}-wifi.json")

    def all(self) -> dict[int, str]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as err:
            raise UserError(f"cannot read your private WiFi passwords in {str(self.path)!r}: {err}") from None
        if not isinstance(raw, dict):
            return {}
        return {int(k): str(v) for k, v in raw.items() if str(k).isdigit() and isinstance(v, str) and v}

    def get(self, place_id: int) -> str:
        return self.all().get(place_id, "")

    def set_many(self, passwords: dict[int, str]) -> None:
        """Stores these (an empty password removes the place's)."""
        if not passwords:
            return
        current = self.all()
        for place_id, password in passwords.items():
            if password:
                current[place_id] = password
            else:
                current.pop(place_id, None)
        self._write(current)

    def replace_all(self, passwords: dict[int, str]) -> None:
        """The file as `passwords` says (an import that did not commit puts back what was there)."""
        self._write({k: v for k, v in passwords.items() if v})

    def set(self, place_id: int, password: str) -> None:
        self.set_many({place_id: password})

    def forget(self, place_ids: list[int]) -> None:
        self.set_many(dict.fromkeys(place_ids, ""))

    def place_edit(
        self, place_id: int, shared: str, values: dict[str, Any], share: bool | None
    ) -> str | None:
        """Where an edit of a place puts its password: sets `values["wifi_password"]` (the database's copy,
        `shared` now) when it changes, and returns what her file must hold for the place (None: as it is).
        `share` None leaves the password where it is, shared or hers."""
        shared_now = bool(shared)
        share = shared_now if share is None else share
        password = values.pop("wifi_password") if "wifi_password" in values else None
        if password is None:  # no new password: perhaps moved
            if share == shared_now:
                return None
            password = shared or self.get(place_id)
        if share:
            values["wifi_password"] = password
            return ""
        values["wifi_password"] = ""
        return password

    def _write(self, passwords: dict[int, str]) -> None:
        folder = self.path.parent
        if not paths.private_dir(folder):  # 0700, hers
            raise UserError(
                f"{str(folder)!r} is not a private folder of yours: your WiFi password was not saved"
            )
        text = json.dumps({str(k): v for k, v in sorted(passwords.items())}, ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(prefix=".wifi-", dir=folder)  # 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
