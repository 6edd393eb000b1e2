"""The database handle shared by every party (SQLite by default, any SQLAlchemy URL works)."""
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base for the mock world's tables."""


db = SQLAlchemy(model_class=Base)
