"""Places travellers type that the GeoNames cities dumps do not hold: islands, regions and a few villages.

GeoNames' cities files list populated places only (feature class P), so "Bali", "Tahiti", "La Réunion" or
"Corse" find nothing there, and the Balinese village of Canggu and the island of Nosy Be are missing even
from cities500. The other GeoNames feature classes (ADM1 regions, ISL islands) are not in any source this
build can reach (see tools/build_cities.py), so they are listed here by hand.

Each entry: name, country, latitude, longitude (the island's or region's centre, from the source cited),
population (rounded, from the same source; 0 when it gives none), IANA zone, alternate names (English and
French spellings), the source and the kind (island/region, or town for Canggu). The build checks each zone against the tz database, and
tests/services/travel/test_city_additions.py checks that the nearest GeoNames town to each point lies in
the same country and zone, so a wrong coordinate or zone cannot ship unnoticed.
"""

from __future__ import annotations

from typing import NamedTuple


class Addition(NamedTuple):
    name: str
    country: str
    lat: float
    lon: float
    population: int
    zone: str
    alternates: tuple[str, ...]
    source: str
    kind: str = "R"  # an island or region; "" a town (search and `nearest` treat it as one)


_WP = "https://en.wikipedia.org/wiki/"

ADDITIONS: tuple[Addition, ...] = (
    Addition(
        "Bali", "ID", -8.34, 115.09, 4_300_000, "Asia/Makassar", ("Bali Island", "Île de Bali"), _WP + "Bali"
    ),
    Addition("Canggu", "ID", -8.64, 115.14, 0, "Asia/Makassar", (), _WP + "Canggu", kind=""),
    Addition("Lombok", "ID", -8.65, 116.32, 3_300_000, "Asia/Makassar", (), _WP + "Lombok"),
    Addition("Tahiti", "PF", -17.65, -149.43, 190_000, "Pacific/Tahiti", ("Otaheite",), _WP + "Tahiti"),
    Addition("Moorea", "PF", -17.53, -149.83, 17_000, "Pacific/Tahiti", ("Mo'orea",), _WP + "Moorea"),
    Addition("Bora Bora", "PF", -16.50, -151.74, 10_000, "Pacific/Tahiti", (), _WP + "Bora_Bora"),
    Addition(
        "La Réunion",
        "RE",
        -21.115,
        55.536,
        870_000,
        "Indian/Reunion",
        ("Réunion", "Reunion Island", "Île de la Réunion"),
        _WP + "Réunion",
    ),
    Addition("Corse", "FR", 42.15, 9.08, 350_000, "Europe/Paris", ("Corsica",), _WP + "Corsica"),
    Addition(
        "Nosy Be",
        "MG",
        -13.33,
        48.27,
        110_000,
        "Indian/Antananarivo",
        ("Nossi-Bé", "Nosy-Be"),
        _WP + "Nosy_Be",
    ),
    Addition("Madeira", "PT", 32.75, -16.96, 250_000, "Atlantic/Madeira", ("Madère",), _WP + "Madeira"),
    Addition("Tenerife", "ES", 28.27, -16.61, 930_000, "Atlantic/Canary", ("Ténérife",), _WP + "Tenerife"),
    Addition(
        "Gran Canaria",
        "ES",
        27.96,
        -15.59,
        850_000,
        "Atlantic/Canary",
        ("Grande Canarie",),
        _WP + "Gran_Canaria",
    ),
    Addition("Lanzarote", "ES", 29.03, -13.63, 160_000, "Atlantic/Canary", (), _WP + "Lanzarote"),
    Addition("Fuerteventura", "ES", 28.36, -14.05, 120_000, "Atlantic/Canary", (), _WP + "Fuerteventura"),
    Addition(
        "Mallorca", "ES", 39.62, 2.98, 920_000, "Europe/Madrid", ("Majorca", "Majorque"), _WP + "Mallorca"
    ),
    Addition("Menorca", "ES", 39.95, 4.11, 95_000, "Europe/Madrid", ("Minorca", "Minorque"), _WP + "Menorca"),
    Addition(
        "Sardegna", "IT", 40.05, 9.08, 1_600_000, "Europe/Rome", ("Sardinia", "Sardaigne"), _WP + "Sardinia"
    ),
    Addition("Sicilia", "IT", 37.60, 14.02, 4_800_000, "Europe/Rome", ("Sicily", "Sicile"), _WP + "Sicily"),
    Addition("Crete", "GR", 35.21, 24.91, 620_000, "Europe/Athens", ("Crète", "Kriti"), _WP + "Crete"),
    Addition("Guadeloupe", "GP", 16.25, -61.58, 380_000, "America/Guadeloupe", (), _WP + "Guadeloupe"),
    Addition("Martinique", "MQ", 14.64, -61.02, 350_000, "America/Martinique", (), _WP + "Martinique"),
    Addition(
        "Mauritius",
        "MU",
        -20.28,
        57.55,
        1_260_000,
        "Indian/Mauritius",
        ("Maurice", "Île Maurice"),
        _WP + "Mauritius",
    ),
    Addition("Langkawi", "MY", 6.35, 99.80, 100_000, "Asia/Kuala_Lumpur", (), _WP + "Langkawi"),
    Addition("Siargao", "PH", 9.86, 126.05, 120_000, "Asia/Manila", (), _WP + "Siargao"),
    Addition("Maui", "US", 20.80, -156.33, 165_000, "Pacific/Honolulu", (), _WP + "Maui"),
    Addition("Algarve", "PT", 37.08, -8.10, 470_000, "Europe/Lisbon", (), _WP + "Algarve"),
)
