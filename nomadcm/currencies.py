"""Currencies: the ISO 4217 codes a contract may use, their minor units, and amounts as whole minor units.

Money is never a float here: an amount is an `int` of minor units (cents for EUR, yen for JPY, fils for KWD:
1 EUR = 100, 1 JPY = 1, 1 KWD = 1000), parsed from text through `Decimal` and formatted back from it.

Why a table of our own: neither babel nor pycountry is a dependency, Python's `locale` only knows the
currencies of the locales installed on the machine, and Qt's `QLocale` formats a currency but neither lists
them nor says their minor units (and the CLI may not import Qt). The table is ISO 4217 "List One" as the
iso-codes package (4.18) ships it — so codes withdrawn lately (ANG, BGN, CUC, HRK, SLL, ZWL) still serve
contracts from before — plus the 2024–2025 additions XCG and ZWG, less the codes without a minor unit, in
which nobody is paid (gold, silver, SDR, test and "no currency" codes: XAU, XAG, XPD, XPT, XDR, XSU, XUA,
XBA–XBD, XTS, XXX). `tests/test_currencies.py` checks it against iso-codes' list when the system has it,
and against the currencies of all of Qt's locales.

Imports nothing of the data stack: the CLI checks `--currency` before opening the database, and the GUI's
picker reads `CODES`.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from nomadcm.errors import ValidationError

_NO_DECIMALS = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE_DECIMALS = "BHD IQD JOD KWD LYD OMR TND"
_FOUR_DECIMALS = "CLF UYW"
_TWO_DECIMALS = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE "
    "CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD "
    "HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP "
    "MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD "
    "SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS "
    "VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL"
)


def _table() -> dict[str, int]:
    units: dict[str, int] = {}
    for codes, digits in (
        (_TWO_DECIMALS, 2),
        (_NO_DECIMALS, 0),
        (_THREE_DECIMALS, 3),
        (_FOUR_DECIMALS, 4),
    ):
        units.update(dict.fromkeys(codes.split(), digits))
    return dict(sorted(units.items()))


MINOR_UNITS: dict[str, int] = _table()
CODES: tuple[str, ...] = tuple(MINOR_UNITS)

# Large enough for any fee (a billion in major units), small enough that every sum fits SQLite's INTEGER.
MAX_MAJOR = 10**9
MAX_MINUTES = 31 * 24 * 60  # hours included in a month: at most the month itself

_GROUPING = re.compile(r"[\s\u00a0\u202f'’_]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_HOURS_MINUTES = re.compile(r"(\d{1,3})\s*(?::|h)\s*(\d{1,2})?")


def check_currency(text: object, what: str = "currency") -> str:
    """The ISO 4217 code `text` names (case and spaces ignored), or a ValidationError naming it."""
    code = text.strip().upper() if isinstance(text, str) else ""
    if code not in MINOR_UNITS:
        raise ValidationError(f"{what} {text!r} is not an ISO 4217 currency code (e.g. EUR, CAD, USD, MGA)")
    return code


def minor_units(currency: str) -> int:
    """How many decimal places `currency` has: 2 for EUR, 0 for JPY, 3 for KWD."""
    return MINOR_UNITS[check_currency(currency)]


def parse_amount(text: str, currency: str, what: str = "amount") -> int:
    """Text such as "45", "45.50", "1 200,50" as whole minor units of `currency` (4550 for "45.50" EUR).

    One decimal separator, "." or ","; spaces and apostrophes may group digits. A value with more decimals
    than the currency has ("45.505" EUR, "1.5" JPY), a negative one or one past a billion is refused by
    name."""
    units = minor_units(currency)
    raw = text.strip() if isinstance(text, str) else str(text)
    compact = _GROUPING.sub("", raw)
    if not _NUMBER.fullmatch(compact):
        raise ValidationError(f"{what} {text!r} is not an amount (write e.g. 45 or 45.50)")
    value = Decimal(compact.replace(",", "."))
    minor = value.scaleb(units)
    if minor != minor.to_integral_value():
        raise ValidationError(f"{what} {text!r} has more decimals than {currency.upper()} has ({units})")
    if value > MAX_MAJOR:
        raise ValidationError(f"{what} {text!r} is more than {MAX_MAJOR:,} {currency.upper()}")
    return int(minor)


def parse_hours(text: str, what: str = "hours") -> int:
    """Hours as typed ("20", "12.5", "12,5", "12:30", "12h30", "12 h") in whole minutes (750 for "12.5")."""
    raw = text.strip() if isinstance(text, str) else str(text)
    match = _HOURS_MINUTES.fullmatch(raw)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if minutes >= 60:
            raise ValidationError(f"{what} {text!r}: {minutes} is not a number of minutes (0–59)")
        total = Decimal(hours * 60 + minutes)
    elif _NUMBER.fullmatch(raw):
        try:
            total = Decimal(raw.replace(",", ".")) * 60
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            raise ValidationError(f"{what} {text!r} is not a number of hours") from None
    else:
        raise ValidationError(f"{what} {text!r} is not a number of hours (e.g. 20, 12.5 or 12:30)")
    if total != total.to_integral_value():
        raise ValidationError(f"{what} {text!r} is not a whole number of minutes")
    if not 0 < total <= MAX_MINUTES:
        raise ValidationError(f"{what} {text!r} is not from 1 minute to {MAX_MINUTES // 60} hours")
    return int(total)


def to_decimal(minor: int, currency: str) -> Decimal:
    """Minor units as a Decimal amount in major units (4550 EUR cents -> Decimal('45.50'))."""
    units = minor_units(currency)
    return Decimal(minor).scaleb(-units).quantize(Decimal(1).scaleb(-units))


def round_minor(value: Decimal) -> int:
    """A Decimal count of minor units rounded half up (never banker's rounding) to a whole one."""
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def plain_amount(minor: int, currency: str) -> str:
    """ "45.50": for CSV and JSON — a dot, no grouping, the currency's own number of decimals."""
    return format(to_decimal(minor, currency), "f")


def format_amount(minor: int, currency: str, language: str = "en") -> str:
    """An amount for people, without Qt (statements, the CLI): "1 234,50 EUR" in French (no-break spaces),
    "EUR 1,234.50" in English. The GUI formats with QLocale instead."""
    whole, _, decimals = plain_amount(abs(minor), currency).partition(".")
    groups = f"{int(whole):,}"
    sign = "-" if minor < 0 else ""
    if language == "fr":
        number = groups.replace(",", "\u00a0") + ("," + decimals if decimals else "")
        return f"{sign}{number}\u00a0{currency}"
    return f"{sign}{currency} {groups}{'.' + decimals if decimals else ''}"


def format_minutes(minutes: int) -> str:
    """ "6 h 40" (hours and minutes, the way a French-speaking CM writes a duration; the English reads it)."""
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60} h {minutes % 60:02d}"
