"""A team database's server "going away" for the tests, without stopping the test cluster other tests share:
new connections to the database are refused (ALLOW_CONNECTIONS false) and every open one is ended
(pg_terminate_backend), as a server restart or a lost network does; leaving the block lets clients in again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text


@contextmanager
def database_unreachable(server_url: str, database: str) -> Iterator[None]:
    """`server_url`: another database of the same server (ALTER DATABASE refuses the current one)."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
            try:
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": database},
                )
                yield
            finally:
                conn.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
    finally:
        admin.dispose()
