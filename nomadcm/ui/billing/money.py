"""Money and durations on screen: an amount in minor units formatted by the user's QLocale with the currency's
ISO code ("1 234,50 CAD" in French, "CAD 1,234.50" in English), without ever going through a float."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from nomadcm import currencies

_MARK = "¤"


def fmt_money(minor: int | None, currency: str | None, locale: QLocale | None = None) -> str:
    """ "" for no amount; otherwise the amount with the locale's grouping, decimal mark and currency place."""
    if minor is None or not currency:
        return ""
    locale = locale or QLocale()
    whole, _, decimals = currencies.plain_amount(abs(minor), currency).partition(".")
    number = locale.toString(int(whole)) + (locale.decimalPoint() + decimals if decimals else "")
    pattern = locale.toCurrencyString(7, _MARK)  # where the locale puts the number and the currency
    if f"{_MARK}7" in pattern:
        pattern = pattern.replace(f"{_MARK}7", f"{_MARK}\u00a07")  # a code, unlike "$", needs a space
    text = pattern.replace("7", number, 1).replace(_MARK, currency)
    return (locale.negativeSign() if minor < 0 else "") + text


def amount_for_editing(minor: int, currency: str, locale: QLocale | None = None) -> str:
    """An amount as a person types it in her locale, without grouping ("900,00" in French, "900.00" in
    English): what an amount field shows, and reads back (currencies.parse_amount takes either mark)."""
    return currencies.plain_amount(minor, currency).replace(".", (locale or QLocale()).decimalPoint())


def fmt_hours(seconds: int | float) -> str:
    """ "6 h 40": hours and minutes, rounded to the minute (halves up)."""
    from nomadcm.services.wellbeing.days import round_minutes

    return currencies.format_minutes(round_minutes(seconds))
