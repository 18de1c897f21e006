"""The region of the usage context: an ISO 3166-1 alpha-2 country code, or `EU`.

One check for every place a region comes from (`--region`, the configuration's
`region`), so that a code no country has (`ZZ`, `XX`) is refused everywhere
alike instead of silently matching no regional licence term.
"""

from __future__ import annotations

# The 249 officially assigned ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency,
# https://www.iso.org/iso-3166-country-codes.html; checked against Debian's iso-codes
# 4.15.0, iso_3166-1.json). User-assigned (AA, QM-QZ, XA-XZ, ZZ), reserved and
# withdrawn codes are not countries.
ASSIGNED_COUNTRY_CODES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)
EUROPEAN_UNION = "EU"
# Exceptionally reserved codes people do use for a country: the assigned code to give instead.
_USED_FOR = {"UK": "GB", "EL": "GR"}


class RegionError(ValueError):
    """Not a region; `hint` names the code to give instead, where there is one."""

    def __init__(self, given: str, hint: str = "") -> None:
        super().__init__(f"{given!r} is not an ISO 3166-1 country code or EU{hint}")
        self.hint = hint


def parse_region(text: str) -> str:
    """`text` as a region code in upper case (`fr` -> `FR`); RegionError when no country has it."""
    code = text.strip().upper()
    if code == EUROPEAN_UNION or code in ASSIGNED_COUNTRY_CODES:
        return code
    raise RegionError(text, f" (for that country, give {_USED_FOR[code]})" if code in _USED_FOR else "")
