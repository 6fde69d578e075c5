"""The categories of the output contract, and which are UK GDPR special categories."""

from __future__ import annotations

# Art. 9 special categories. Order is the contract's order.
SPECIAL_CATEGORIES: tuple[str, ...] = (
    "health",
    "racial_ethnic_origin",
    "religious_belief",
    "trade_union_membership",
    "political_opinion",
    "sex_life_sexual_orientation",
    "genetic",
    "biometric",
)

OTHER_CATEGORIES: tuple[str, ...] = (
    "criminal_offence",
    "card_number",
    "card_security_code",
    "card_expiry",
    "bank_account",
    "sort_code",
    "person_name",
    "date_of_birth",
    "address",
    "postcode",
    "phone_number",
    "email_address",
    "national_insurance_number",
    "nhs_number",
    "passport_number",
    "driving_licence_number",
)

ALL_CATEGORIES: tuple[str, ...] = SPECIAL_CATEGORIES + OTHER_CATEGORIES

PAYMENT_CARD_CATEGORIES: tuple[str, ...] = ("card_number", "card_security_code", "card_expiry")


def is_special(category: str) -> bool:
    return category in SPECIAL_CATEGORIES


def entity_name(category: str) -> str:
    """Presidio entity name for a contract category (Presidio spells entities in upper case)."""
    return category.upper()
