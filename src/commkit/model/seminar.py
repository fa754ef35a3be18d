"""The 8 online seminars and the MeetUp with community leaders."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from commkit.model.common import Header, Id, StrictModel, Text


class AgendaBlock(StrictModel):
    title: Text
    minutes: int = Field(ge=1, le=480)
    description: Text | None = None
    notes: Text | None = Field(default=None, description="Speaker notes for the facilitator.")
    exercise: Id | None = Field(
        default=None,
        description="The exercise this block runs (its id in 'exercises'): exercise time is "
        "what the method asks to be at least half of every seminar.",
    )


class Exercise(StrictModel):
    id: Id
    title: Text
    instructions: Text
    minutes: int | None = Field(default=None, ge=1, le=480)


class HandoutSection(StrictModel):
    title: Text
    body: Text


class Seminar(Header):
    kind: Literal["seminar"]
    id: Id
    number: int = Field(ge=1, le=99)
    type: Literal["seminar", "meetup"] = "seminar"
    title: Text
    goals: list[Text] = Field(min_length=1)
    audience: Text
    format: Literal["online", "offline", "mixed"] = "online"
    duration_minutes: int = Field(ge=15, le=600)
    week: int = Field(default=1, ge=1, le=104, description="Week of the programme it falls in.")
    chapters: list[Id] = Field(min_length=1)
    dimensions: list[Id] = []
    agenda: list[AgendaBlock] = Field(min_length=1)
    exercises: list[Exercise] = []
    handout: list[HandoutSection] = []
    homework: list[Text] = []
    preparation: list[Text] = []
    materials: list[Text] = []
    questions_to_group: list[Text] = []

    @field_validator("agenda")
    @classmethod
    def _minutes_add_up(cls, agenda: list[AgendaBlock], info: ValidationInfo) -> list[AgendaBlock]:
        duration = info.data.get("duration_minutes")
        total = sum(block.minutes for block in agenda)
        if duration is not None and total != duration:
            raise ValueError(
                f"agenda minutes add up to {total}, but duration_minutes is {duration}"
            )
        return agenda
