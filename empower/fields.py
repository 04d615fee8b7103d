"""Form fields that never send the database a number no row can have."""

from django import forms
from django.core.exceptions import ValidationError

# A primary key is a 64-bit integer; SQLite raises OverflowError beyond it, and
# there is no row to find there on PostgreSQL either.
LARGEST_KEY = 2**63 - 1


def _out_of_range(value) -> bool:
    try:
        return abs(int(str(value).strip())) > LARGEST_KEY
    except ValueError:
        return False  # not a number: the field's own checks refuse it


class BoundedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and _out_of_range(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value if isinstance(value, (list, tuple)) else [value]:
            if _out_of_range(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
