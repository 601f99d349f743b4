"""Schedule paging at the edges: audience dates in the farthest zones, and many posts at one instant."""

from __future__ import annotations

from datetime import date, datetime

from nomadcm.services.schedule.post_writes import PostDraft
from nomadcm.services.schedule.query import ScheduleFilter


def _channel(services, name: str, zone: str) -> int:  # type: ignore[no-untyped-def]
    client = services.clients.add_client(name, zone)
    return services.clients.add_channel(client.id, "x").id


def test_date_filter_keeps_posts_in_the_farthest_zones(services):
    kiritimati = _channel(services, "Line Islands", "Pacific/Kiritimati")  # UTC+14
    pago = _channel(services, "Samoa US", "Pacific/Pago_Pago")  # UTC-11
    first = services.posts.add(PostDraft(kiritimati, "early", datetime(2030, 5, 1, 0, 0)))
    last = services.posts.add(PostDraft(pago, "late", datetime(2030, 5, 3, 23, 59)))
    services.posts.add(PostDraft(kiritimati, "before", datetime(2030, 4, 30, 23, 59)))
    services.posts.add(PostDraft(pago, "after", datetime(2030, 5, 4, 0, 0)))
    flt = ScheduleFilter(date_from=date(2030, 5, 1), date_to=date(2030, 5, 3))
    rows = services.schedule(flt).rows(None, 50)
    assert [r.post_id for r in rows] == [first.id, last.id]
    assert services.schedule(flt).count() == 2
    assert [o.post_id for o in services.schedule(flt).stream()] == [first.id, last.id]


def test_keyset_pages_through_posts_sharing_one_instant(services):
    paris = _channel(services, "Paris", "Europe/Paris")
    ids = [services.posts.add(PostDraft(paris, f"p{i}", datetime(2030, 6, 1, 9, 0))).id for i in range(5)]
    ids.append(services.posts.add(PostDraft(paris, "later", datetime(2030, 6, 1, 10, 0))).id)
    seen: list[int] = []
    after = None
    while True:
        page = services.schedule(ScheduleFilter()).rows(after, 2)
        if not page:
            break
        seen += [r.post_id for r in page]
        after = (page[-1].utc, page[-1].post_id)
    assert seen == ids
    last = services.posts.get(ids[-1])
    back = services.schedule(ScheduleFilter()).rows((last.utc, last.id), 3, descending=True)
    assert [r.post_id for r in back] == [ids[4], ids[3], ids[2]]
