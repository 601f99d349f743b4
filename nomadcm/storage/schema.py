"""The schema revisions this NomadCM knows, so start-up can check a database without importing alembic.

A test keeps these in step with the migration scripts in storage/migrations/versions/.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_publishing",
    "0003_city_keys",
    "0004_client_events",
    "0005_contracts",
    "0006_versions",
    "0007_team_members",
    "0008_member_itineraries",
)
HEAD_REVISION: str = KNOWN_REVISIONS[-1]
