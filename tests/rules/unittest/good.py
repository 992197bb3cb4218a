import pytest


class TestMath:
    def test_add(self):
        assert 1 + 1 == 2


class CaseStudy(Case):
    pass
