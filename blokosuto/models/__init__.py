"""BLOKOSUTO: the nine thematic classes, their sessions, good practices with their review, their
replications elsewhere and their awards."""

from blokosuto.models.classes import ClassSession, SessionMaterial, SessionParticipant, ThematicClass
from blokosuto.models.files import StoredFile
from blokosuto.models.practices import Evidence, GoodPractice, Measurement
from blokosuto.models.replications import Replication
from blokosuto.models.reviews import Award, Comment, Review

__all__ = [
    "Award",
    "ClassSession",
    "Comment",
    "Evidence",
    "GoodPractice",
    "Measurement",
    "Replication",
    "Review",
    "SessionMaterial",
    "SessionParticipant",
    "StoredFile",
    "ThematicClass",
]
