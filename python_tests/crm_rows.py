"""Row factories for the hand-made raw CRM datasets of the Python tests.

Every value is text, as a loader delivers it; a key left out of a row is NULL
(dbt_harness.create_raw_tables). The test modules build their tables with these helpers
so that the shape of a raw row is written once:

    USERS = rows({"is_deleted": "false"}, {"user_id": "U1", ...}, {"user_id": "U2", ...})
    PIPELINE_STAGES = pipeline_stages(("prospecting", 10), ("proposal", 50))
    STAGE_HISTORY = stage_history("OPP-1", ("prospecting", "2024-01-20 10:00:00"), ...)
"""

from __future__ import annotations


def rows(defaults: dict, *overrides: dict) -> list[dict]:
    """One row per override: the defaults, then the override's own values on top."""
    return [{**defaults, **row} for row in overrides]


def pipeline_stages(*open_stages: tuple[str, int]) -> list[dict]:
    """The open stages as given (name, default probability), in that stage_order from 1,
    then `closed_won` (probability 100) and `closed_lost` (0)."""
    stages = [(name, probability, "false", "false") for name, probability in open_stages]
    stages += [("closed_won", 100, "true", "true"), ("closed_lost", 0, "true", "false")]
    return [
        {"stage_name": name, "stage_order": str(order), "default_probability": str(probability),
         "is_closed": is_closed, "is_won": is_won}
        for order, (name, probability, is_closed, is_won) in enumerate(stages, start=1)
    ]


def stage_history(opportunity_id: str, *entries: tuple[str, str]) -> list[dict]:
    """The opportunity_stage_history rows of one opportunity: (stage_name, entered_at) each."""
    return [{"opportunity_id": opportunity_id, "stage_name": stage, "entered_at": at} for stage, at in entries]
