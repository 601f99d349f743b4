"""The domain, one module per area. Pure Python over models + storage; returns dataclasses, not ORM rows."""
