"""Row counts through SQLAlchemy, so a test reads its database the same way on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path


def count_rows(target: str | Path, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows per table of the database at `target` (a file path or a URL), through SQLAlchemy (so on both
    engines), without opening it as NomadCM would (no migration, no backup, no marker)."""
    from sqlalchemy import create_engine, text

    text_target = str(target)
    url = text_target if "://" in text_target else f"sqlite:///{text_target}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0) for t in tables}
    finally:
        engine.dispose()
